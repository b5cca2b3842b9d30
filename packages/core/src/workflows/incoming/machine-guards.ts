import { ev, principalOf, str } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import type { IncomingContext, IncomingEvent, IncomingNotify } from './context.ts';
import {
  deptOf,
  handlingTargets,
  headMay,
  pendingLeaders,
  pickTargets,
  readTargets,
  senderHandling,
  withdrawableInstructions,
} from './context-queries.ts';

const { guards } = actionBuilders<IncomingContext, IncomingEvent, IncomingNotify>();

/** The guards of the 收文 machine. */
export const incomingGuards = guards({
  isProposer: ({ context, event }) => context.proposedBy === principalOf(event.meta),
  keepsHeadType: ({ context, event }) =>
    event.type !== 'AMEND_REGISTRATION' || event.headType === context.registration.headType,
  isPendingLeader: ({ context, event }) =>
    pendingLeaders(context).includes(principalOf(event.meta)),
  allLeadersInstructed: ({ context }) =>
    context.proposal !== null && context.instructions.length >= context.proposal.leaders.length,
  canWithdrawReview: ({ context, event }) =>
    context.instructions.length === 0 && context.reviewWithdrawableBy === principalOf(event.meta),
  canWithdrawInstruction: ({ context, event }) =>
    withdrawableInstructions(context).includes(principalOf(event.meta)),
  canAssign: ({ context, event }) =>
    handlingTargets(context.handling, event).some(
      (d) => d.status === 'assigning' && headMay(d, principalOf(event.meta)),
    ),
  isCurrentHandler: ({ context, event }) => senderHandling(context.handling, event).length > 0,
  canHandDown: ({ context, event }) =>
    senderHandling(context.handling, event).some(
      (d) => !d.handlers.includes(str(event, 'handlerId')),
    ),
  canConfirm: ({ context, event }) =>
    handlingTargets(context.handling, event).some(
      (d) => d.status === 'confirming' && headMay(d, principalOf(event.meta)),
    ),
  canWithdrawInDepartment: ({ context, event }) =>
    deptOf(context.handling, ev(event)).some((d) => d.withdrawable?.by === principalOf(event.meta)),
  canPickReaders: ({ context, event }) =>
    pickTargets(context.circulation, event).some(
      (d) => d.pickedAt === null && headMay(d, principalOf(event.meta)),
    ),
  isUnreadReader: ({ context, event }) =>
    readTargets(context.circulation, event).some(
      (d) => d.readers[principalOf(event.meta)] === null,
    ),
  allDone: ({ context }) =>
    context.handling.length > 0
      ? context.handling.every((d) => d.status === 'done')
      : context.circulation.every(
          (d) => d.pickedAt !== null && Object.values(d.readers).every((r) => r !== null),
        ),
});
