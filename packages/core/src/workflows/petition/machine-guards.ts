import { principalOf, str } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import type { PetitionContext, PetitionEvent, PetitionNotify } from './context.ts';
import { extendedDays, pendingExtension } from './context-queries.ts';
import { PETITION_PERIODS } from './deadlines.ts';
import type { PetitionMachineSupport } from './machine-support.ts';

const { guards } = actionBuilders<PetitionContext, PetitionEvent, PetitionNotify>();

/** The guards of the 信访 machine. */
export function createPetitionGuards(support: PetitionMachineSupport) {
  const { dateOk, stageNow } = support;
  return guards({
    hasDeadline: ({ context }) => stageNow(context) !== null,
    noticeDateOk: ({ context, event }) =>
      dateOk(str(event, 'noticeIssuedOn'), event.meta, context.receivedOn),
    isHead: ({ context, event }) =>
      context.department !== null &&
      (context.department.head === null || context.department.head === principalOf(event.meta)),
    isHandler: ({ context, event }) => context.department?.handler === principalOf(event.meta),
    canRequestExtension: ({ context, event }) =>
      event.type === 'REQUEST_EXTENSION' &&
      context.department?.handler === principalOf(event.meta) &&
      pendingExtension(context) === null &&
      extendedDays(context) + event.days <= PETITION_PERIODS.extensionMax.days,
    extensionPending: ({ context }) => pendingExtension(context) !== null,
    canApproveExtension: ({ context, event }) =>
      pendingExtension(context) !== null &&
      dateOk(str(event, 'noticeIssuedOn'), event.meta, context.decision?.on ?? null),
    canApproveReply: ({ context, event }) =>
      context.department !== null &&
      (context.department.head === null || context.department.head === principalOf(event.meta)) &&
      dateOk(str(event, 'deliveredOn'), event.meta, context.decision?.on ?? null),
    dissatisfied: ({ event }) => event.type === 'RECORD_SATISFACTION' && event.rating === '不满意',
    requestInTime: ({ context, event }) => {
      const on = str(event, 'requestedOn');
      const after =
        event.type === 'REQUEST_RECHECK' ? context.review?.deliveredOn : context.reply?.deliveredOn;
      return (
        context.appealBy !== null &&
        dateOk(on, event.meta, after ?? null) &&
        on <= context.appealBy.date
      );
    },
    isReviewer: ({ context, event }) =>
      context.review?.reviewerId === principalOf(event.meta) &&
      dateOk(str(event, 'deliveredOn'), event.meta, context.review.requestedOn),
    isRechecker: ({ context, event }) =>
      context.recheck?.reviewerId === principalOf(event.meta) &&
      dateOk(str(event, 'deliveredOn'), event.meta, context.recheck.requestedOn),
  });
}
