import {
  INCOMING_STATE_LABELS,
  type IncomingContext,
  incomingFlowStatistics,
  projectIncomingLedger,
  TIMER_ACTOR,
} from '@gongwen/core';
import type { Handwriting } from '~/lib/schemas/handwriting';
import { INCOMING_EVENT_LABELS } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type IncomingAccess, loadIncomingAccess } from './access';
import { describeEntry, withdrawnSeqs } from './describe-entry';
import { loadHandwriting } from './handwriting';
import { loadNames, type Names } from './people';

/** One step of the flow timeline. */
export interface TimelineStep {
  seq: number;
  at: Date;
  event: string;
  label: string;
  /** Who acted (the deputy under delegation), or 系统 for timers. */
  actorName: string;
  /** The principal a deputy acted for (代理), or null. */
  onBehalfOfName: string | null;
  opinion: string | null;
  detail: string;
  fromState: string | null;
  toState: string;
  attachments: Array<{ blobId: string; name: string }>;
  handwriting: Handwriting | null;
  /** Taken back by a later 撤回. */
  withdrawn: boolean;
}

function attachmentsOf(fields: Record<string, unknown>): Array<{ blobId: string; name: string }> {
  const a = fields.attachments;
  if (!Array.isArray(a)) return [];
  return a.filter(
    (x): x is { blobId: string; name: string } =>
      typeof x === 'object' &&
      x !== null &&
      typeof x.blobId === 'string' &&
      typeof x.name === 'string',
  );
}

/** The visible ledger of `access` as timeline steps (with handwriting). */
export async function timelineSteps(
  app: AppServices,
  access: IncomingAccess,
  names: Names,
): Promise<TimelineStep[]> {
  const withdrawn = withdrawnSeqs(access.fullLedger);
  const handwriting = await loadHandwriting(
    app,
    access.caseRecord.id,
    access.ledger.map((e) => e.seq),
  );
  const state = (s: string | null) => (s ? (INCOMING_STATE_LABELS[s] ?? s) : null);
  return access.ledger.map((e) => ({
    seq: e.seq,
    at: e.at,
    event: e.event,
    label: INCOMING_EVENT_LABELS[e.event] ?? e.event,
    actorName: e.actorId === TIMER_ACTOR ? '系统' : names.user(e.actorId),
    onBehalfOfName: e.onBehalfOf ? names.user(e.onBehalfOf) : null,
    opinion: e.opinion,
    detail: describeEntry(e, names),
    fromState: state(e.fromState),
    toState: state(e.toState) ?? e.toState,
    attachments: attachmentsOf(e.fields),
    handwriting: handwriting.get(e.seq) ?? null,
    withdrawn: withdrawn.has(e.seq),
  }));
}

/**
 * The flow as `user` may see it: ONLY DOWNWARD for ordinary users (their own steps and those
 * of people below them), everything for leaders, the office director and the secretariat —
 * the 收文 workflow's `visibleIncomingFlow`. With the 流程统计 of the visible tasks.
 */
export async function getIncomingTimeline(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const names = await loadNames(app, access.caseRecord.unitId);
  const steps = await timelineSteps(app, access, names);
  const statistics = incomingFlowStatistics(access.tasks, app.clock.now()).map((l) => ({
    node: l.node,
    definedHandlers: l.definedHandlers.map(names.user),
    actualHandler: l.actualHandler ? names.user(l.actualHandler) : null,
    onBehalfOf: l.onBehalfOf ? names.user(l.onBehalfOf) : null,
    arrivedAt: l.arrivedAt,
    openedAt: l.openedAt,
    doneAt: l.doneAt,
    dueAt: l.dueAt,
    overdue: l.overdue,
  }));
  return { scope: access.scope, steps, statistics };
}

/**
 * 传阅 read status: per department, who has read (and when) and who has not, as far as the
 * user may see (readers whose steps are in the user's visible flow).
 */
export async function getIncomingReadStatus(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const names = await loadNames(app, access.caseRecord.unitId);
  const row = projectIncomingLedger(access.caseRecord, access.fullLedger);
  const visible = new Set<string>();
  for (const e of access.ledger) {
    visible.add(e.actorId);
    if (e.onBehalfOf) visible.add(e.onBehalfOf);
  }
  for (const t of access.tasks)
    if (t.key.startsWith('read:')) for (const c of t.candidates) visible.add(c);
  const readers = row.readers.filter((r) => access.scope === 'all' || visible.has(r.userId));
  const departments = [...new Set(readers.map((r) => r.departmentId))].map((id) => {
    const lines = readers.filter((r) => r.departmentId === id);
    return {
      departmentId: id,
      departmentName: names.department(id),
      read: lines
        .filter((r) => r.readAt !== null)
        .map((r) => ({ userId: r.userId, name: names.user(r.userId), readAt: r.readAt! })),
      unread: lines
        .filter((r) => r.readAt === null)
        .map((r) => ({ userId: r.userId, name: names.user(r.userId) })),
    };
  });
  // Departments whose head has not yet picked the readers (传阅 waiting at the head).
  const ctx = (access.caseRecord.snapshot as { context: IncomingContext }).context;
  const heads = new Map(
    access.tasks
      .filter((t) => t.key.startsWith('circulate:') && t.doneAt === null)
      .map((t) => [t.key.slice('circulate:'.length), t.candidates.map(names.user)]),
  );
  const waiting = ctx.circulation
    .filter((c) => c.pickedAt === null && (access.scope === 'all' || heads.has(c.id)))
    .map((c) => ({
      departmentId: c.id,
      departmentName: names.department(c.id),
      heads: heads.get(c.id) ?? [],
    }));
  return {
    departments,
    waiting,
    readCount: readers.filter((r) => r.readAt !== null).length,
    unreadCount: readers.filter((r) => r.readAt === null).length,
  };
}
