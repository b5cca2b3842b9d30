import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import { principalOf } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import type {
  MeetingContext,
  MeetingEvent,
  MeetingNotify,
  MeetingReply,
  MeetingResolution,
  MeetingTopic,
} from './context.ts';
import {
  delayUntil,
  expectedAttendees,
  nextTopicId,
  replyReminderRecipients,
  roomLabel,
  str,
} from './context-queries.ts';
import type { MeetingMachineSupport } from './machine-support.ts';
import { inviteeKey, MEETING_REMIND_ID, REPLY_REMIND_ID, resolutionTimerId } from './task-keys.ts';

const { update, enqueue } = actionBuilders<MeetingContext, MeetingEvent, MeetingNotify>();

/** The actions of the 会议 machine. */
export function createMeetingActions(support: MeetingMachineSupport) {
  const { intervalDays, when, deadlineOf, meetingLine, calendar } = support;
  return {
    submitTopics: update(({ context, event }) => {
      if (event.type !== 'SUBMIT_TOPICS') return {};
      const who = principalOf(event.meta);
      const topics = event.topics.map(
        (t, i): MeetingTopic => ({
          id: nextTopicId(context.topics, i),
          departmentId: event.departmentId,
          title: t.title,
          summary: t.summary,
          materials: t.materials,
          presenterId: t.presenterId ?? null,
          submittedBy: who,
          at: event.meta.at,
        }),
      );
      return {
        topics: [...context.topics, ...topics],
        topicResponses: { ...context.topicResponses, [event.departmentId]: event.meta.at },
      };
    }),
    setAgenda: update(({ context, event }) => {
      if (event.type !== 'SET_AGENDA') return {};
      // Own topics of an earlier agenda are replaced by the new ones.
      const kept = context.topics.filter((t) => t.departmentId !== null);
      const own = (event.ownTopics ?? []).map(
        (t, i): MeetingTopic => ({
          id: nextTopicId(context.topics, i),
          departmentId: null,
          title: t.title,
          summary: t.summary,
          materials: t.materials,
          presenterId: t.presenterId ?? null,
          submittedBy: principalOf(event.meta),
          at: event.meta.at,
        }),
      );
      return {
        topics: [...kept, ...own],
        agenda: [...event.order, ...own.map((t) => t.id)],
      };
    }),
    recordBooking: update(({ context, event }) => {
      if (event.type !== 'BOOK_ROOM') return {};
      return {
        booking: {
          bookingId: event.bookingId,
          roomId: event.roomId,
          roomName: event.roomName ?? null,
          start: event.start,
          end: event.end,
        },
        releasedBookings: context.booking
          ? [...context.releasedBookings, context.booking.bookingId]
          : context.releasedBookings,
      };
    }),
    submitPlan: update(({ context, event }) => ({
      round: context.round + 1,
      submittedAt: event.meta.at,
      returned: null,
    })),
    recordReturn: update(({ event }) => ({
      returned: {
        by: principalOf(event.meta),
        reason: str(event, 'reason') ?? '',
        at: event.meta.at,
      },
    })),
    recordApproval: update(({ event }) => ({
      approval: {
        by: principalOf(event.meta),
        actorId: event.meta.actorId,
        opinion: str(event, 'opinion') ?? null,
        at: event.meta.at,
      },
      noticeAt: event.meta.at,
    })),
    sendNotice: enqueue(({ context, event, enqueue }) => {
      const users = context.plan.participants.users;
      const room = context.booking ? `，会议室：${roomLabel(context.booking)}` : '';
      for (const channel of ['inApp', 'sms'] as const) {
        enqueue.emit({
          type: 'notify',
          to: users,
          title: `会议通知：${context.plan.title}`,
          body: `${meetingLine(context)}${room}。请于${when(context.plan.replyBy)}前回复参加、请假或委托他人参加。`,
          channel,
        });
      }
      enqueue.raise({ type: 'REPLY_REMIND' } as MeetingEvent, {
        id: REPLY_REMIND_ID,
        delay: delayUntil(context.plan.replyBy, event.meta.at),
      });
      enqueue.raise({ type: 'MEETING_REMIND' } as MeetingEvent, {
        id: MEETING_REMIND_ID,
        delay: delayUntil(
          Date.parse(context.plan.start) - context.plan.remindBeforeMinutes * 60_000,
          event.meta.at,
        ),
      });
    }),
    recordReply: update(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const who = principalOf(event.meta);
      const key =
        event.departmentId !== undefined
          ? inviteeKey('department', event.departmentId)
          : inviteeKey('user', who);
      const reply: MeetingReply = {
        answer: event.answer,
        reason: event.reason ?? null,
        deputyId: event.answer === 'delegate' ? (event.deputyId ?? null) : null,
        attendeeIds:
          event.answer === 'attend' && event.departmentId !== undefined
            ? (event.attendeeIds ?? [who])
            : [],
        by: who,
        actorId: event.meta.actorId,
        at: event.meta.at,
      };
      return { replies: { ...context.replies, [key]: reply } };
    }),
    notifyDeputy: enqueue(({ context, event, enqueue }) => {
      if (event.type !== 'REPLY' || event.answer !== 'delegate' || !event.deputyId) return;
      enqueue.emit({
        type: 'notify',
        to: [event.deputyId],
        title: `委托参会：${context.plan.title}`,
        body: `${meetingLine(context)}，受委托代为参加，请准时出席。`,
        channel: 'inApp',
      });
    }),
    remindReplies: enqueue(({ context, event, enqueue }) => {
      const to = replyReminderRecipients(context);
      const note = event.type === 'REMIND_REPLIES' ? (event.note ?? null) : null;
      enqueue.assign({
        replyReminders: [
          ...context.replyReminders,
          {
            at: event.meta.at,
            by: event.type === 'REPLY_REMIND' ? TIMER_ACTOR : principalOf(event.meta),
            to,
            note,
          },
        ],
      });
      if (to.length === 0) return;
      for (const channel of ['inApp', 'sms'] as const) {
        enqueue.emit({
          type: 'notify',
          to,
          title: `催办：请回复会议通知（${context.plan.title}）`,
          body: note ?? `${meetingLine(context)}，您尚未回复是否参加，请尽快回复。`,
          channel,
        });
      }
    }),
    remindMeeting: enqueue(({ context, event, enqueue }) => {
      enqueue.assign({ meetingRemindedAt: event.meta.at });
      const to = [...new Set([...expectedAttendees(context), context.organiser])];
      for (const channel of ['inApp', 'sms', 'mail'] as const) {
        enqueue.emit({
          type: 'notify',
          to,
          title: `会议提醒：${context.plan.title}`,
          body: `${meetingLine(context)}${context.booking ? `，地点：${roomLabel(context.booking)}` : ''}，请准时参加。`,
          channel,
        });
      }
    }),
    signIn: update(({ context, event }) => {
      if (event.type !== 'SIGN_IN') return {};
      const who = principalOf(event.meta);
      return {
        attendance: {
          ...context.attendance,
          [event.userId ?? who]: { at: event.meta.at, recordedBy: who },
        },
      };
    }),
    closeAttendance: update(({ event }) => ({ heldAt: event.meta.at })),
    draftMinutes: update(({ context, event }) => {
      if (event.type !== 'DRAFT_MINUTES') return {};
      return {
        minutes: {
          body: event.body,
          resolutions: event.resolutions,
          draftedBy: principalOf(event.meta),
          at: event.meta.at,
          version: (context.minutes?.version ?? 0) + 1,
        },
      };
    }),
    returnMinutes: update(({ context, event }) => ({
      minutesReturns: [
        ...context.minutesReturns,
        { by: principalOf(event.meta), reason: str(event, 'reason') ?? '', at: event.meta.at },
      ],
    })),
    approveMinutes: enqueue(({ context, event, enqueue }) => {
      if (event.type !== 'APPROVE_MINUTES' || !context.minutes) return;
      const resolutions = context.minutes.resolutions.map(
        (r, i): MeetingResolution => ({
          id: `r${i + 1}`,
          title: r.title,
          detail: r.detail,
          ownerDepartmentId: r.ownerDepartmentId,
          deadlineAt: deadlineOf(r, event.meta.at),
          status: 'open',
          progress: [],
          reminders: [],
          result: null,
          completedBy: null,
          completedAt: null,
        }),
      );
      enqueue.assign({
        minutes: event.body
          ? { ...context.minutes, body: event.body, version: context.minutes.version + 1 }
          : context.minutes,
        minutesApproved: {
          by: principalOf(event.meta),
          opinion: event.opinion ?? null,
          at: event.meta.at,
        },
        resolutions,
      });
      for (const r of resolutions) {
        enqueue.raise({ type: 'RESOLUTION_DUE', resolutionId: r.id } as MeetingEvent, {
          id: resolutionTimerId(r.id),
          delay: delayUntil(r.deadlineAt, event.meta.at),
        });
      }
    }),
    archive: update(({ event }) => ({
      archivedAt: event.meta.at,
      archivedBy: principalOf(event.meta),
      archiveCode: str(event, 'archiveCode') ?? null,
    })),
    reportProgress: update(({ context, event }) => {
      if (event.type !== 'REPORT_PROGRESS') return {};
      return {
        resolutions: context.resolutions.map((r) =>
          r.id === event.resolutionId
            ? {
                ...r,
                progress: [
                  ...r.progress,
                  { note: event.note, by: principalOf(event.meta), at: event.meta.at },
                ],
              }
            : r,
        ),
      };
    }),
    completeResolution: enqueue(({ context, event, enqueue }) => {
      if (event.type !== 'COMPLETE_RESOLUTION') return;
      enqueue.assign({
        resolutions: context.resolutions.map((r) =>
          r.id === event.resolutionId
            ? {
                ...r,
                status: 'completed' as const,
                result: event.result,
                completedBy: principalOf(event.meta),
                completedAt: event.meta.at,
              }
            : r,
        ),
      });
      enqueue.cancel(resolutionTimerId(event.resolutionId));
    }),
    remindResolution: enqueue(({ context, event, enqueue }) => {
      if (event.type !== 'RESOLUTION_DUE' && event.type !== 'REMIND_RESOLUTION') return;
      const byTimer = event.type === 'RESOLUTION_DUE';
      const r = context.resolutions.find((x) => x.id === event.resolutionId)!;
      const note = event.type === 'REMIND_RESOLUTION' ? (event.note ?? null) : null;
      enqueue.assign({
        resolutions: context.resolutions.map((x) =>
          x.id === r.id
            ? {
                ...x,
                reminders: [
                  ...x.reminders,
                  {
                    at: event.meta.at,
                    by: byTimer ? TIMER_ACTOR : principalOf(event.meta),
                    note,
                  },
                ],
              }
            : x,
        ),
      });
      enqueue.emit({
        type: 'notify',
        to: [context.organiser],
        title: `督办：${r.title}`,
        body:
          note ??
          `《${context.plan.title}》决议事项“${r.title}”办理时限为${when(r.deadlineAt)}，尚未办结，请督促办理。`,
        channel: 'inApp',
      });
      if (byTimer) {
        const now = new Date(event.meta.at);
        enqueue.raise({ type: 'RESOLUTION_DUE', resolutionId: r.id } as MeetingEvent, {
          id: resolutionTimerId(r.id),
          delay: calendar.addWorkingDays(now, intervalDays).getTime() - now.getTime(),
        });
      }
    }),
    end: update(({ event }, params: { outcome: 'closed' | 'rejected' | 'cancelled' }) => ({
      outcome: params.outcome,
      endedReason: str(event, 'reason') ?? null,
      finishedAt: event.meta.at,
    })),
    notifyCancelled: enqueue(({ context, enqueue }) => {
      if (context.noticeAt === null) return;
      enqueue.emit({
        type: 'notify',
        to: [...new Set([...context.plan.participants.users, ...expectedAttendees(context)])],
        title: `会议取消：${context.plan.title}`,
        body: `原定于${when(context.plan.start)}召开的《${context.plan.title}》已取消。`,
        channel: 'inApp',
      });
    }),
  };
}
