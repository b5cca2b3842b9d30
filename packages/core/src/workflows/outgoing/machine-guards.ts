import { ev, principalOf } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import type { OutgoingContext, OutgoingEvent, OutgoingNotify } from './context.ts';
import { countersignTargets, headMay, maySign } from './countersign.ts';
import { currentDocNumber } from './doc-numbers.ts';
import type { CountersignPlan } from './fields.ts';
import { pendingRecipients as pending } from './recipients.ts';

const { guards } = actionBuilders<OutgoingContext, OutgoingEvent, OutgoingNotify>();

/** The guards of the 发文 machine. */
export const outgoingGuards = guards({
  /**
   * The sender was admitted through one of the state's own tasks (not only through an
   * event's `by` rule). The engine sets `meta.taskKeys`; without it (the machine driven
   * outside the engine) nothing is pinned.
   */
  viaTask: ({ event }) => event.meta.taskKeys === undefined || event.meta.taskKeys.length > 0,
  canWithdrawSubmit: ({ context, event }) =>
    context.withdrawable?.kind === 'submit' && context.withdrawable.by === principalOf(event.meta),
  canWithdrawCheck: ({ context, event }) =>
    context.withdrawable?.kind === 'check' &&
    context.withdrawable.by === principalOf(event.meta) &&
    context.countersign.every((d) => d.status === 'head' && d.head === null),
  canWithdrawRecheckSubmit: ({ context, event }) =>
    context.withdrawable?.kind === 'recheckSubmit' &&
    context.withdrawable.by === principalOf(event.meta),
  canWithdrawRecheck: ({ context, event }) =>
    context.withdrawable?.kind === 'recheck' && context.withdrawable.by === principalOf(event.meta),
  canWithdrawSign: ({ context, event }) =>
    context.withdrawable?.kind === 'sign' && context.withdrawable.by === principalOf(event.meta),
  canWithdrawInDepartment: ({ context, event }) => {
    const named = ev(event).departmentId;
    return context.countersign.some(
      (d) =>
        (typeof named !== 'string' || d.id === named) &&
        d.withdrawable?.by === principalOf(event.meta),
    );
  },
  // payload guards accept a missing payload, so `engine.can` (which asks without one) lists the event
  hasCountersign: ({ event }) =>
    ((ev(event).countersign as CountersignPlan | undefined)?.departments.length ?? 0) > 0,
  hasCountersignPlan: ({ context, event }) => {
    const given = ev(event).countersign as CountersignPlan | undefined;
    return ((given ?? context.countersignPlan)?.departments.length ?? 0) > 0;
  },
  mayGoToRecheck: ({ context }) => !context.mustCountersign,
  allCountersigned: ({ context }) => context.countersign.every((d) => d.status === 'done'),
  canAssignMember: ({ context, event }) =>
    countersignTargets(context, event).some(
      (d) => d.status === 'head' && headMay(d, principalOf(event.meta)),
    ),
  canCountersign: ({ context, event }) =>
    countersignTargets(context, event).some((d) => maySign(d, principalOf(event.meta))),
  hasDocNumber: ({ context }) => currentDocNumber(context) !== null,
  sealMatches: ({ context, event }) => {
    const current = currentDocNumber(context);
    const given = ev(event).docNumber;
    return current !== null && (given === undefined || given === current.docNumber);
  },
  coversRecipients: ({ context, event }) => {
    const deliveries = ev(event).deliveries as
      | Array<{ recipient: string; incomingCaseId?: string }>
      | undefined;
    // A document with no 主送/抄送 (e.g. a published 公告 or 通告) is distributed to nobody:
    // DISTRIBUTE with no deliveries ends the step, otherwise the case would stay at 待分发.
    if (deliveries === undefined) return true;
    const keys = deliveries.map((d) => d.recipient);
    if (new Set(keys).size !== keys.length) return false;
    const byKey = new Map(deliveries.map((d) => [d.recipient, d]));
    return (
      keys.length === context.recipients.length &&
      context.recipients.every((r) => {
        const d = byKey.get(r.key);
        return d !== undefined && (!('unitId' in r.recipient) || d.incomingCaseId !== undefined);
      })
    );
  },
  receiptPending: ({ context, event }) => {
    const key = ev(event).recipient;
    return pending(context).some((r) => key === undefined || r.key === key);
  },
  allReceived: ({ context }) => pending(context).length === 0,
});
