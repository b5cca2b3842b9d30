import { cancel, setup } from 'xstate';
import {
  DEADLINE_NEAR_ID,
  DEADLINE_PASSED_ID,
  type PetitionContext,
  type PetitionEvent,
  type PetitionInput,
  type PetitionMachineOptions,
  type PetitionNotify,
  WINDOW_CLOSED_ID,
} from './context.ts';
import { formatPetitionSerialNo, receivedOnOf } from './context-queries.ts';
import { PETITION_PERIODS } from './deadlines.ts';
import type { PetitionRegistration } from './fields.ts';
import { createPetitionActions } from './machine-actions.ts';
import { createPetitionGuards } from './machine-guards.ts';
import { petitionMachineSupport } from './machine-support.ts';

/** Builds the 信访 machine. Pure: time comes from `meta.at`, rest days from `calendar`. */
export function createPetitionMachine(options: PetitionMachineOptions) {
  const support = petitionMachineSupport(options);
  const { prefix, deadline, calendar } = support;
  return setup({
    types: {} as {
      context: PetitionContext;
      events: PetitionEvent;
      input: PetitionInput;
      emitted: PetitionNotify;
    },
    guards: createPetitionGuards(support),
    actions: createPetitionActions(support),
  }).createMachine({
    id: 'petition',
    context: ({ input }) => {
      const { meta, ...registration } = input;
      const receivedOn = receivedOnOf(registration as PetitionRegistration, calendar);
      return {
        registration: registration as PetitionRegistration,
        serialNo: meta.serial ? formatPetitionSerialNo(meta.serial, prefix) : null,
        registeredBy: meta.actorId,
        registeredAt: meta.at,
        receivedOn,
        decideBy: deadline(receivedOn, PETITION_PERIODS.decide.days),
        decision: null,
        department: null,
        handleBy: null,
        extensions: [],
        reply: null,
        returns: 0,
        satisfaction: null,
        appealBy: null,
        review: null,
        recheck: null,
        reminders: [],
        overdue: [],
        outcome: null,
        concludedAt: null,
        closeReason: null,
        archivedAt: null,
        archivedBy: null,
        archiveCode: null,
      };
    },
    initial: 'registered',
    on: {
      REMIND: { guard: 'hasDeadline', actions: ['recordReminder', 'notifyReminder'] },
      DEADLINE_NEAR: { actions: ['recordReminder', 'notifyReminder'] },
      DEADLINE_PASSED: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextOverdue'] },
    },
    states: {
      /** 待受理: the office decides within 15 days of receipt. */
      registered: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          ACCEPT: { target: 'processing', actions: 'recordAccept' },
          DECLINE: { guard: 'noticeDateOk', target: 'concluded', actions: 'recordDecline' },
          TRANSFER: { guard: 'noticeDateOk', target: 'concluded', actions: 'recordTransfer' },
        },
      },
      /** 办理: 60 days from 受理 (plus an approved 延期). */
      processing: {
        initial: 'accepted',
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          APPROVE_EXTENSION: {
            guard: 'canApproveExtension',
            actions: ['approveExtension', 'scheduleDeadline'],
          },
          DENY_EXTENSION: { guard: 'extensionPending', actions: 'denyExtension' },
        },
        states: {
          /** 已受理, 待交办 */
          accepted: {
            on: {
              ASSIGN: { target: 'assigning', actions: ['assignDepartment', 'notifyAssigned'] },
            },
          },
          /** The department head picks the handler. */
          assigning: {
            on: {
              ASSIGN_HANDLER: {
                guard: 'isHead',
                target: 'investigating',
                actions: 'assignHandler',
              },
            },
          },
          /** 调查核实, 拟定处理意见. */
          investigating: {
            on: {
              SUBMIT_REPLY: { guard: 'isHandler', target: 'approving', actions: 'submitReply' },
              REQUEST_EXTENSION: { guard: 'canRequestExtension', actions: 'requestExtension' },
            },
          },
          /** 部门负责人审核答复意见. */
          approving: {
            on: {
              APPROVE_REPLY: {
                guard: 'canApproveReply',
                target: '#petition.answered',
                actions: 'approveReply',
              },
              RETURN_REPLY: { guard: 'isHead', target: 'investigating', actions: 'returnReply' },
            },
          },
        },
      },
      /** 已答复: the office records the petitioner's 满意度评价. */
      answered: {
        on: {
          RECORD_SATISFACTION: [
            {
              guard: 'dissatisfied',
              target: 'awaitingReview',
              actions: ['recordSatisfaction', 'openReviewWindow'],
            },
            { target: 'concluded', actions: ['recordSatisfaction', 'concludeAnswered'] },
          ],
        },
      },
      /** 30 days to ask for 复查. */
      awaitingReview: {
        entry: 'scheduleWindow',
        exit: cancel(WINDOW_CLOSED_ID),
        on: {
          REQUEST_REVIEW: { guard: 'requestInTime', target: 'reviewing', actions: 'requestReview' },
          WINDOW_CLOSED: { target: 'concluded', actions: 'concludeClosed' },
          CLOSE: { target: 'concluded', actions: 'concludeClosed' },
        },
      },
      /** 复查: 30 days from the request. */
      reviewing: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          GIVE_REVIEW_OPINION: {
            guard: 'isReviewer',
            target: 'awaitingRecheck',
            actions: 'giveReviewOpinion',
          },
        },
      },
      /** 30 days to ask for 复核. */
      awaitingRecheck: {
        entry: 'scheduleWindow',
        exit: cancel(WINDOW_CLOSED_ID),
        on: {
          REQUEST_RECHECK: {
            guard: 'requestInTime',
            target: 'rechecking',
            actions: 'requestRecheck',
          },
          WINDOW_CLOSED: { target: 'concluded', actions: 'concludeClosed' },
          CLOSE: { target: 'concluded', actions: 'concludeClosed' },
        },
      },
      /** 复核: 30 days from the request; its opinion ends the matter (终结). */
      rechecking: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          GIVE_RECHECK_OPINION: {
            guard: 'isRechecker',
            target: 'concluded',
            actions: 'giveRecheckOpinion',
          },
        },
      },
      /** 办结: waiting to be archived. */
      concluded: {
        on: { ARCHIVE: { target: 'archived', actions: 'recordArchive' } },
      },
      /** 已归档 */
      archived: { type: 'final' },
    },
  });
}

/** The 信访 machine type. */
export type PetitionMachine = ReturnType<typeof createPetitionMachine>;
