import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import { ev, principalOf } from '../shared/event-payload.ts';
import type {
  DocVersion,
  OpinionRecord,
  OutgoingContext,
  OutgoingEvent,
  OutgoingStep,
} from './context.ts';

/** The latest version number (the version in force). */
export function latestVersion(ctx: Pick<OutgoingContext, 'versions'>): number {
  return ctx.versions.at(-1)?.no ?? 0;
}

/** A new version of the 正文 saved by the sender of `meta`. */
export function newVersion(
  ctx: OutgoingContext,
  body: DocumentBody,
  meta: EventMeta,
  step: OutgoingStep,
  kind: DocVersion['kind'],
  note: string | null,
  departmentId: string | null = null,
): DocVersion {
  return {
    no: latestVersion(ctx) + 1,
    body,
    author: principalOf(meta),
    actorId: meta.actorId,
    onBehalfOf: meta.onBehalfOf,
    step,
    kind,
    departmentId,
    at: meta.at,
    note,
    withdrawnAt: null,
  };
}

/** Adds a version when the event carries a body; returns the new list. */
export function withBody(
  ctx: OutgoingContext,
  event: OutgoingEvent,
  step: OutgoingStep,
  kind: DocVersion['kind'],
  departmentId: string | null = null,
): DocVersion[] {
  const body = ev(event).body as DocumentBody | undefined;
  if (body === undefined) return ctx.versions;
  const note = typeof ev(event).note === 'string' ? (ev(event).note as string) : null;
  return [...ctx.versions, newVersion(ctx, body, event.meta, step, kind, note, departmentId)];
}

/** A step's opinion on the version in force after `versions`. */
export function opinion(event: OutgoingEvent, text: string, versions: DocVersion[]): OpinionRecord {
  return {
    by: principalOf(event.meta),
    actorId: event.meta.actorId,
    onBehalfOf: event.meta.onBehalfOf,
    opinion: text,
    at: event.meta.at,
    version: versions.at(-1)?.no ?? 0,
  };
}
