import { cancel, setup } from 'xstate';
import type {
  MeetingContext,
  MeetingEvent,
  MeetingInput,
  MeetingMachineOptions,
  MeetingNotify,
} from './context.ts';
import { defaultReplyBy, inviteesOf } from './context-queries.ts';
import { createMeetingActions } from './machine-actions.ts';
import { meetingGuards } from './machine-guards.ts';
import { meetingMachineSupport } from './machine-support.ts';
import { MEETING_REMIND_ID, REPLY_REMIND_ID } from './task-keys.ts';

/** Builds the 会议 machine (resolution deadlines count days on `calendar`). */
export function createMeetingMachine(options: MeetingMachineOptions) {
  const support = meetingMachineSupport(options);
  return setup({
    types: {} as {
      context: MeetingContext;
      events: MeetingEvent;
      input: MeetingInput;
      emitted: MeetingNotify;
    },
    guards: meetingGuards,
    actions: createMeetingActions(support),
  }).createMachine({
    id: 'meeting',
    context: ({ input }) => {
      const { meta, ...plan } = input;
      const replyBy = plan.replyBy ?? defaultReplyBy(plan.start, meta.at);
      return {
        plan: { ...plan, replyBy },
        organiser: meta.actorId,
        createdAt: meta.at,
        round: 0,
        topics: [],
        topicResponses: Object.fromEntries(plan.topicDepartments.map((d) => [d, null])),
        agenda: null,
        booking: null,
        releasedBookings: [],
        submittedAt: null,
        approval: null,
        returned: null,
        invitees: inviteesOf(plan),
        noticeAt: null,
        replies: {},
        replyReminders: [],
        meetingRemindedAt: null,
        attendance: {},
        heldAt: null,
        minutes: null,
        minutesReturns: [],
        minutesApproved: null,
        resolutions: [],
        archivedAt: null,
        archivedBy: null,
        archiveCode: null,
        outcome: null,
        endedReason: null,
        finishedAt: null,
      };
    },
    initial: 'preparing',
    states: {
      /** 议题征集, 议程 and 会议室预订, until the organiser sends the plan for approval. */
      preparing: {
        on: {
          SUBMIT_TOPICS: { guard: 'canSubmitTopics', actions: 'submitTopics' },
          SET_AGENDA: { guard: 'agendaKnown', actions: 'setAgenda' },
          BOOK_ROOM: { guard: 'bookingFits', actions: 'recordBooking' },
          SUBMIT_PLAN: { guard: 'planReady', target: 'approving', actions: 'submitPlan' },
          CANCEL: {
            guard: 'isOrganiser',
            target: 'cancelled',
            actions: { type: 'end', params: { outcome: 'cancelled' } },
          },
        },
      },
      /** 审批: the leader approves, returns or rejects. */
      approving: {
        on: {
          APPROVE: {
            guard: 'isApprover',
            target: 'notified',
            actions: ['recordApproval', 'sendNotice'],
          },
          RETURN: { guard: 'isApprover', target: 'preparing', actions: 'recordReturn' },
          REJECT: {
            guard: 'isApprover',
            target: 'rejected',
            actions: { type: 'end', params: { outcome: 'rejected' } },
          },
          CANCEL: {
            guard: 'isOrganiser',
            target: 'cancelled',
            actions: { type: 'end', params: { outcome: 'cancelled' } },
          },
        },
      },
      /** 会议通知 sent: replies, reminders, then 签到 at the meeting. */
      notified: {
        exit: [cancel(REPLY_REMIND_ID), cancel(MEETING_REMIND_ID)],
        on: {
          REPLY: { guard: 'canReply', actions: ['recordReply', 'notifyDeputy'] },
          REMIND_REPLIES: { guard: 'hasNonRepliers', actions: 'remindReplies' },
          REPLY_REMIND: { guard: 'hasNonRepliers', actions: 'remindReplies' },
          MEETING_REMIND: { actions: 'remindMeeting' },
          SIGN_IN: { guard: 'canSignIn', actions: 'signIn' },
          CLOSE_ATTENDANCE: {
            guard: 'meetingStarted',
            target: 'minuting',
            actions: 'closeAttendance',
          },
          CANCEL: {
            guard: 'isOrganiser',
            target: 'cancelled',
            actions: [{ type: 'end', params: { outcome: 'cancelled' } }, 'notifyCancelled'],
          },
        },
      },
      /** 会议记录: the organiser drafts the minutes (and may still record attendance). */
      minuting: {
        on: {
          SIGN_IN: { guard: 'organiserMayRecord', actions: 'signIn' },
          DRAFT_MINUTES: { guard: 'isOrganiser', target: 'proofreading', actions: 'draftMinutes' },
        },
      },
      /** 校对: the minutes are proofread and approved, or returned. */
      proofreading: {
        on: {
          APPROVE_MINUTES: {
            guard: 'isProofreader',
            target: 'followUp',
            actions: 'approveMinutes',
          },
          RETURN_MINUTES: { guard: 'isProofreader', target: 'minuting', actions: 'returnMinutes' },
        },
      },
      /** 归档 and 决议事项督办, until archived and every resolution is done. */
      followUp: {
        always: {
          guard: 'allSettled',
          target: 'closed',
          actions: { type: 'end', params: { outcome: 'closed' } },
        },
        on: {
          ARCHIVE: { guard: 'notArchived', actions: 'archive' },
          REPORT_PROGRESS: { guard: 'openResolution', actions: 'reportProgress' },
          COMPLETE_RESOLUTION: { guard: 'openResolution', actions: 'completeResolution' },
          REMIND_RESOLUTION: { guard: 'openResolution', actions: 'remindResolution' },
          RESOLUTION_DUE: { guard: 'openResolution', actions: 'remindResolution' },
        },
      },
      /** 已归档，决议事项全部办结. */
      closed: { type: 'final' },
      /** 审批不同意. */
      rejected: { type: 'final' },
      /** 会议取消. */
      cancelled: { type: 'final' },
    },
  });
}

/** The 会议 machine type. */
export type MeetingMachine = ReturnType<typeof createMeetingMachine>;
