import { type CaseRecord, ValidationFailed } from '@gongwen/core';
import type { Handwriting } from '~/lib/schemas/handwriting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';
import type { CaseKind } from './case-kind';
import { saveHandwriting } from './handwriting';
import { loadCase } from './load-case';

/** One event as a case page sends it: `{ type, payload }` validated by the workflow's schema. */
export interface CaseAction {
  type: string;
  payload: object;
}

/** The input of a workflow's `send` procedure. */
export interface SendCaseInput<A extends CaseAction> {
  caseId: string;
  commandId: string;
  action: A;
  expectedRev?: number | undefined;
  onBehalfOf?: string | undefined;
  handwriting?: Handwriting | undefined;
}

type Blob = { blobId: string };

/** What one workflow adds to sending an event: the small differences, nothing else. */
export interface SendSpec<A extends CaseAction> {
  /** Check the user may see the case before sending (the app decides who sees a 会议 or 报告). */
  kind?: CaseKind;
  /** The attachments the event carries, which must be the user's own fresh uploads. */
  attachments?(action: A): readonly Blob[];
  /** Attachments already on the case, which stay as they are (only new ones are checked). */
  known?(caseRecord: CaseRecord): readonly Blob[];
  /** Events whose opinion may carry a 手写批注, and the refusal for the others. */
  handwriting?: { events: readonly string[]; refusal: string };
  /** What follows a sent event (a room given back). */
  after?(app: AppServices, caseId: string, action: A): Promise<void>;
}

/**
 * Sends one event of a case as `user` through the engine (which checks the user's task, the
 * delegation and the organisation rules, all in one transaction), then keeps what the core
 * payload cannot carry: the attachment links and the 手写批注, keyed by the command id.
 */
export async function sendCaseAction<A extends CaseAction>(
  app: AppServices,
  user: SessionUser,
  input: SendCaseInput<A>,
  spec: SendSpec<A>,
) {
  const { caseId, commandId, action, handwriting } = input;
  if (handwriting && !spec.handwriting?.events.includes(action.type)) {
    const message = spec.handwriting?.refusal ?? '此操作不能附手写批注';
    throw new ValidationFailed(message, { issues: [{ path: ['handwriting'], message }] });
  }
  const loaded = spec.kind ? (await loadCase(app, user, caseId, spec.kind)).caseRecord : null;
  let attachments = spec.attachments?.(action) ?? [];
  if (spec.known && attachments.length > 0) {
    const c = loaded ?? (await app.engine.case(caseId, { actorId: user.id }));
    const known = new Set(spec.known(c).map((a) => a.blobId));
    attachments = attachments.filter((a) => !known.has(a.blobId));
  }
  await checkAttachments(app, user, attachments, { caseId, commandId });
  const result = await app.engine.send({
    caseId,
    actorId: user.id,
    commandId,
    event: { type: action.type, ...action.payload },
    ...(input.onBehalfOf !== undefined && { onBehalfOf: input.onBehalfOf }),
    ...(input.expectedRev !== undefined && { expectedRev: input.expectedRev }),
  });
  await linkAttachments(app, caseId, attachments);
  if (handwriting) {
    await saveHandwriting(app, {
      commandId,
      caseId,
      ledgerSeq: result.ledgerSeq,
      userId: user.id,
      handwriting,
    });
  }
  await spec.after?.(app, caseId, action);
  return result;
}
