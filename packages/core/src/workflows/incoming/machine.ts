import { cancel, setup } from 'xstate';
import {
  DEADLINE_REMIND_ID,
  type IncomingContext,
  type IncomingEvent,
  type IncomingInput,
  type IncomingMachineOptions,
  type IncomingNotify,
} from './context.ts';
import { formatSerialNo } from './context-queries.ts';
import { createIncomingActions } from './machine-actions.ts';
import { incomingGuards } from './machine-guards.ts';
import { incomingMachineSupport } from './machine-support.ts';

/** The 收文 (incoming document) machine; pure: time comes from `meta.at`, days from `calendar`. */
export function createIncomingMachine(options: IncomingMachineOptions) {
  const support = incomingMachineSupport(options);
  return setup({
    types: {} as {
      context: IncomingContext;
      events: IncomingEvent;
      input: IncomingInput;
      emitted: IncomingNotify;
    },
    guards: incomingGuards,
    actions: createIncomingActions(support),
  }).createMachine({
    id: 'incoming',
    context: ({ input }) => {
      const { meta, ...registration } = input;
      return {
        registration,
        serialNo: meta.serial ? formatSerialNo(meta.serial) : null,
        registeredBy: meta.actorId,
        registeredAt: meta.at,
        amendments: 0,
        round: 0,
        originalProposal: null,
        proposal: null,
        proposedBy: null,
        proposedAt: null,
        reviewedBy: null,
        returned: null,
        instructions: [],
        reviewWithdrawableBy: null,
        handling: [],
        circulation: [],
        reminders: [],
        completedAt: null,
        archivedAt: null,
        archivedBy: null,
      };
    },
    initial: 'proposing',
    states: {
      /** 拟办: waiting for (or sent back to) the secretariat's proposal. */
      proposing: {
        on: {
          PROPOSE: { target: 'open', actions: 'recordProposal' },
          RETURN: { target: 'registering', actions: 'recordReturnToRegistration' },
        },
      },
      /** 退回 from 拟办: the registrar corrects the registration (the 收文编号 stays). */
      registering: {
        on: {
          AMEND_REGISTRATION: {
            guard: 'keepsHeadType',
            target: 'proposing',
            actions: 'amendRegistration',
          },
        },
      },
      /** From 审阅 to 办结; the automatic 催办 timer lives here. */
      open: {
        initial: 'reviewing',
        entry: 'scheduleDeadlineRemind',
        exit: cancel(DEADLINE_REMIND_ID),
        on: {
          DEADLINE_REMIND: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextRemind'] },
          REMIND: { actions: ['recordReminder', 'notifyReminder'] },
        },
        states: {
          reviewing: {
            on: {
              REVIEW: {
                target: 'instructing',
                actions: ['recordReview', 'scheduleDeadlineRemind'],
              },
              RETURN: { target: '#incoming.proposing', actions: 'recordReturn' },
              WITHDRAW: {
                guard: 'isProposer',
                target: '#incoming.proposing',
                actions: 'recordWithdrawProposal',
              },
            },
          },
          instructing: {
            always: { guard: 'allLeadersInstructed', target: 'processing', actions: 'dispatch' },
            on: {
              INSTRUCT: { guard: 'isPendingLeader', actions: 'recordInstruction' },
              RETURN: {
                guard: 'isPendingLeader',
                target: '#incoming.proposing',
                actions: 'recordReturn',
              },
              WITHDRAW: [
                {
                  guard: 'canWithdrawReview',
                  target: 'reviewing',
                  actions: ['withdrawReview', 'scheduleDeadlineRemind'],
                },
                { guard: 'canWithdrawInstruction', actions: 'withdrawInstruction' },
              ],
            },
          },
          processing: {
            always: { guard: 'allDone', target: '#incoming.completed', actions: 'markCompleted' },
            on: {
              ASSIGN: { guard: 'canAssign', actions: 'assignHandler' },
              HAND_DOWN: { guard: 'canHandDown', actions: 'handDown' },
              SUBMIT_RESULT: { guard: 'isCurrentHandler', actions: 'submitResult' },
              RETURN: { guard: 'isCurrentHandler', actions: 'returnByHandler' },
              CONFIRM: { guard: 'canConfirm', actions: 'confirm' },
              SEND_BACK: { guard: 'canConfirm', actions: 'sendBack' },
              WITHDRAW: { guard: 'canWithdrawInDepartment', actions: 'withdrawInDepartment' },
              PICK_READERS: { guard: 'canPickReaders', actions: 'pickReaders' },
              READ: { guard: 'isUnreadReader', actions: 'markRead' },
            },
          },
        },
      },
      /** 办结: circulation may go on; the secretariat archives. */
      completed: {
        on: {
          PICK_READERS: { guard: 'canPickReaders', actions: 'pickReaders' },
          READ: { guard: 'isUnreadReader', actions: 'markRead' },
          ARCHIVE: { target: 'archived', actions: 'recordArchive' },
        },
      },
      /** 已归档: read-only. */
      archived: { type: 'final' },
    },
  });
}

/** The 收文 machine type. */
export type IncomingMachine = ReturnType<typeof createIncomingMachine>;
