import { assign, cancel, enqueueActions, setup } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { TIMER_ACTOR } from '../../engine/engine.ts';
import { DEFAULT_TIME_ZONE, formatDateZh } from '../../util/format-date-zh.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import type { MeetingPlan } from './fields.ts';
import { inviteeKey, MEETING_REMIND_ID, REPLY_REMIND_ID, resolutionTimerId } from './task-keys.ts';

/** Sign-in (签到) opens this long before the start. */
export const CHECK_IN_OPENS_MS = 2 * 3_600_000;

/** The plan as the machine keeps it (defaults applied). */
export type MeetingPlanRecord = MeetingPlan & { replyBy: string };

/** A submitted 议题. */
export interface MeetingTopic {
  /** `t1`, `t2` … in order of submission. */
  id: string;
  /** The submitting department, or null for the organiser's own topic. */
  departmentId: string | null;
  title: string;
  summary: string;
  materials: Array<{ blobId: string; name: string }>;
  presenterId: string | null;
  submittedBy: string;
  at: string;
}

/** The room booking the meeting holds. */
export interface MeetingBookingRef {
  bookingId: string;
  roomId: string;
  /** The room's name when booked (第一会议室), for notices; absent on older cases. */
  roomName?: string | null;
  start: string;
  end: string;
}

/** One invitee of the notice: a person, or a department its head answers for. */
export interface MeetingInvitee {
  key: string;
  kind: 'user' | 'department';
  id: string;
}

/** A 回执. */
export interface MeetingReply {
  answer: 'attend' | 'leave' | 'delegate';
  reason: string | null;
  deputyId: string | null;
  /** Who attends for a department (the head when not named). */
  attendeeIds: string[];
  /** The principal who answered (the user, or the department's head). */
  by: string;
  actorId: string;
  at: string;
}

/** One attendance record (签到). */
export interface AttendanceRecord {
  at: string;
  /** Who recorded it: the participant, or the organiser for them. */
  recordedBy: string;
}

/** A 决议事项 under supervision (督办). */
export interface MeetingResolution {
  /** `r1`, `r2` … */
  id: string;
  title: string;
  detail: string;
  ownerDepartmentId: string;
  /** 办理时限 as an ISO instant. */
  deadlineAt: string;
  status: 'open' | 'completed';
  progress: Array<{ note: string; by: string; at: string }>;
  reminders: Array<{ at: string; by: string; note: string | null }>;
  result: string | null;
  completedBy: string | null;
  completedAt: string | null;
}

/** A resolution as drafted in the minutes (before its deadline is fixed). */
export interface DraftResolution {
  title: string;
  detail: string;
  ownerDepartmentId: string;
  deadlineWorkingDays?: number | undefined;
  deadline?: string | undefined;
}

/** The machine context of a 会议 case. */
export interface MeetingContext {
  plan: MeetingPlanRecord;
  organiser: string;
  createdAt: string;
  /** +1 with every 送审 of the plan. */
  round: number;
  topics: MeetingTopic[];
  /** Per invited department: when it answered the 议题征集 (null while pending). */
  topicResponses: Record<string, string | null>;
  /** Adopted topic ids in order (议程), or null until set. */
  agenda: string[] | null;
  booking: MeetingBookingRef | null;
  /** Bookings the case let go (replaced); `releaseMeetingRooms` cancels them. */
  releasedBookings: string[];
  submittedAt: string | null;
  approval: { by: string; actorId: string; opinion: string | null; at: string } | null;
  returned: { by: string; reason: string; at: string } | null;
  invitees: MeetingInvitee[];
  noticeAt: string | null;
  replies: Record<string, MeetingReply>;
  replyReminders: Array<{ at: string; by: string; to: string[]; note: string | null }>;
  meetingRemindedAt: string | null;
  attendance: Record<string, AttendanceRecord>;
  heldAt: string | null;
  minutes: {
    body: DocumentBody;
    resolutions: DraftResolution[];
    draftedBy: string;
    at: string;
    version: number;
  } | null;
  minutesReturns: Array<{ by: string; reason: string; at: string }>;
  minutesApproved: { by: string; opinion: string | null; at: string } | null;
  resolutions: MeetingResolution[];
  archivedAt: string | null;
  archivedBy: string | null;
  archiveCode: string | null;
  outcome: 'closed' | 'rejected' | 'cancelled' | null;
  endedReason: string | null;
  finishedAt: string | null;
}

type Meta = { meta: EventMeta };
type Topic = {
  title: string;
  summary: string;
  materials: Array<{ blobId: string; name: string }>;
  presenterId?: string | undefined;
};
/** Events of the 会议 machine (payloads as validated by `fields.ts`). */
export type MeetingEvent =
  | ({ type: 'SUBMIT_TOPICS'; departmentId: string; topics: Topic[] } & Meta)
  | ({ type: 'SET_AGENDA'; order: string[]; ownTopics?: Topic[] | undefined } & Meta)
  | ({
      type: 'BOOK_ROOM';
      bookingId: string;
      roomId: string;
      roomName?: string | undefined;
      start: string;
      end: string;
    } & Meta)
  | ({ type: 'SUBMIT_PLAN'; note?: string | undefined } & Meta)
  | ({ type: 'APPROVE'; opinion?: string | undefined } & Meta)
  | ({ type: 'RETURN'; reason: string } & Meta)
  | ({ type: 'REJECT'; reason: string } & Meta)
  | ({ type: 'CANCEL'; reason: string } & Meta)
  | ({
      type: 'REPLY';
      answer: 'attend' | 'leave' | 'delegate';
      departmentId?: string | undefined;
      reason?: string | undefined;
      deputyId?: string | undefined;
      attendeeIds?: string[] | undefined;
    } & Meta)
  | ({ type: 'REMIND_REPLIES'; note?: string | undefined } & Meta)
  | ({ type: 'REPLY_REMIND' } & Meta)
  | ({ type: 'MEETING_REMIND' } & Meta)
  | ({ type: 'SIGN_IN'; userId?: string | undefined } & Meta)
  | ({ type: 'CLOSE_ATTENDANCE'; note?: string | undefined } & Meta)
  | ({ type: 'DRAFT_MINUTES'; body: DocumentBody; resolutions: DraftResolution[] } & Meta)
  | ({
      type: 'APPROVE_MINUTES';
      opinion?: string | undefined;
      body?: DocumentBody | undefined;
    } & Meta)
  | ({ type: 'RETURN_MINUTES'; reason: string } & Meta)
  | ({ type: 'ARCHIVE'; archiveCode?: string | undefined; note?: string | undefined } & Meta)
  | ({ type: 'REPORT_PROGRESS'; resolutionId: string; note: string } & Meta)
  | ({ type: 'COMPLETE_RESOLUTION'; resolutionId: string; result: string } & Meta)
  | ({ type: 'REMIND_RESOLUTION'; resolutionId: string; note?: string | undefined } & Meta)
  | ({ type: 'RESOLUTION_DUE'; resolutionId: string } & Meta);

/** The machine input: the plan plus the engine's meta. */
export type MeetingInput = MeetingPlan & Meta;

/** A notification the machine emits (the engine writes it to the outbox). */
export interface MeetingNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of the 会议 machine. */
export interface MeetingMachineOptions {
  /** The unit's working calendar: resolution deadlines count working days on it. */
  calendar: WorkingCalendar;
  /** Working days between reminders of an overdue resolution (1). */
  remindIntervalWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai, 北京时间). */
  timeZone?: string;
}

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** The invitees of a plan: each person, then each department. */
export function inviteesOf(plan: Pick<MeetingPlan, 'participants'>): MeetingInvitee[] {
  return [
    ...plan.participants.users.map((id) => ({
      key: inviteeKey('user', id),
      kind: 'user' as const,
      id,
    })),
    ...plan.participants.departments.map((id) => ({
      key: inviteeKey('department', id),
      kind: 'department' as const,
      id,
    })),
  ];
}

/** Invitees who have not replied yet. */
export function nonRepliers(ctx: MeetingContext): MeetingInvitee[] {
  return ctx.invitees.filter((i) => !ctx.replies[i.key]);
}

/**
 * The people expected at the meeting, as far as the replies tell: user invitees who attend or
 * have not replied, deputies, and the people a department sends. Departments that have not
 * replied are not in the list (their head is not known to the machine).
 */
export function expectedAttendees(ctx: MeetingContext): string[] {
  const out: string[] = [];
  for (const i of ctx.invitees) {
    const r = ctx.replies[i.key];
    if (!r) {
      if (i.kind === 'user') out.push(i.id);
      continue;
    }
    if (r.answer === 'delegate' && r.deputyId) out.push(r.deputyId);
    else if (r.answer === 'attend') out.push(...(i.kind === 'user' ? [i.id] : r.attendeeIds));
  }
  return [...new Set(out)];
}

/** The user ids a reminder about replies reaches: user invitees without a reply. */
function replyReminderRecipients(ctx: MeetingContext): string[] {
  return nonRepliers(ctx)
    .filter((i) => i.kind === 'user')
    .map((i) => i.id);
}

/** What notices call the booked room: its name, else (cases booked before names were kept) its id. */
export function roomLabel(booking: MeetingBookingRef): string {
  return booking.roomName || booking.roomId;
}

/** `t<n>` after the highest number in use. */
function nextTopicId(topics: readonly MeetingTopic[], offset: number): string {
  const max = topics.reduce((m, t) => Math.max(m, Number(t.id.slice(1)) || 0), 0);
  return `t${max + offset + 1}`;
}

function str(e: object, key: string): string | undefined {
  const v = (e as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * 回复截止 when the plan names none: 24 hours before the start, but never earlier than halfway
 * from planning to the start (a meeting planned for this afternoon still gives time to reply).
 */
export function defaultReplyBy(start: string, plannedAt: string): string {
  const s = Date.parse(start);
  const halfway = Date.parse(plannedAt) + Math.max(0, s - Date.parse(plannedAt)) / 2;
  return new Date(Math.max(s - 24 * 3_600_000, Math.min(halfway, s))).toISOString();
}

function delayUntil(target: string | number, at: string): number {
  const t = typeof target === 'number' ? target : Date.parse(target);
  return Math.max(0, t - Date.parse(at));
}

/** Builds the 会议 machine (resolution deadlines count days on `calendar`). */
export function createMeetingMachine(options: MeetingMachineOptions) {
  const { calendar } = options;
  const intervalDays = options.remindIntervalWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  /** The wall-clock text of an instant in notices: 12月1日 09:00. */
  const when = (iso: string) => formatDateZh(iso, { style: 'monthDayTime', timeZone });

  /** The end of a resolution's deadline: N working days from `at`, or the end of a date. */
  const deadlineOf = (r: DraftResolution, at: string): string =>
    r.deadline !== undefined
      ? calendar.addWorkingDays(new Date(`${r.deadline}T12:00:00+08:00`), 0).toISOString()
      : calendar.addWorkingDays(new Date(at), r.deadlineWorkingDays ?? 0).toISOString();

  const meetingLine = (ctx: MeetingContext) =>
    `《${ctx.plan.title}》定于${when(ctx.plan.start)}召开`;

  return setup({
    types: {} as {
      context: MeetingContext;
      events: MeetingEvent;
      input: MeetingInput;
      emitted: MeetingNotify;
    },
    guards: {
      isOrganiser: ({ context, event }) => principalOf(event.meta) === context.organiser,
      // Guards judge the case; a part of the payload they read may be absent when `can()`
      // asks whether the event is possible at all (zod requires it on a real send).
      canSubmitTopics: ({ context, event }) => {
        const d = str(event, 'departmentId');
        if (d === undefined) return Object.values(context.topicResponses).includes(null);
        return context.topicResponses[d] === null;
      },
      agendaKnown: ({ context, event }) =>
        principalOf(event.meta) === context.organiser &&
        event.type === 'SET_AGENDA' &&
        (event.order ?? []).every((id) =>
          context.topics.some((t) => t.id === id && t.departmentId !== null),
        ),
      bookingFits: ({ context, event }) =>
        principalOf(event.meta) === context.organiser &&
        event.type === 'BOOK_ROOM' &&
        (event.start === undefined || Date.parse(event.start) <= Date.parse(context.plan.start)) &&
        (event.end === undefined || Date.parse(event.end) >= Date.parse(context.plan.end)) &&
        (event.bookingId === undefined || event.bookingId !== context.booking?.bookingId),
      planReady: ({ context, event }) =>
        principalOf(event.meta) === context.organiser &&
        context.agenda !== null &&
        context.booking !== null,
      isApprover: ({ context, event }) => principalOf(event.meta) === context.plan.approverId,
      canReply: ({ context, event }) => {
        if (event.type !== 'REPLY') return false;
        if (Date.parse(event.meta.at) >= Date.parse(context.plan.start)) return false;
        const who = principalOf(event.meta);
        if (event.departmentId !== undefined)
          return context.invitees.some(
            (i) => i.key === inviteeKey('department', event.departmentId!),
          );
        if (event.deputyId === who) return false;
        return context.invitees.some((i) => i.key === inviteeKey('user', who));
      },
      hasNonRepliers: ({ context, event }) =>
        (event.type !== 'REMIND_REPLIES' || principalOf(event.meta) === context.organiser) &&
        nonRepliers(context).length > 0,
      canSignIn: ({ context, event }) => {
        if (event.type !== 'SIGN_IN') return false;
        const at = Date.parse(event.meta.at);
        if (at < Date.parse(context.plan.start) - CHECK_IN_OPENS_MS) return false;
        const who = principalOf(event.meta);
        const userId = event.userId ?? who;
        if (context.attendance[userId]) return false;
        if (userId !== who) return who === context.organiser;
        return who === context.organiser || expectedAttendees(context).includes(who);
      },
      organiserMayRecord: ({ context, event }) =>
        event.type === 'SIGN_IN' &&
        principalOf(event.meta) === context.organiser &&
        event.userId !== undefined &&
        !context.attendance[event.userId],
      meetingStarted: ({ context, event }) =>
        principalOf(event.meta) === context.organiser &&
        Date.parse(event.meta.at) >= Date.parse(context.plan.start),
      isProofreader: ({ context, event }) =>
        context.plan.proofreaderId === undefined ||
        principalOf(event.meta) === context.plan.proofreaderId,
      notArchived: ({ context }) => context.archivedAt === null,
      openResolution: ({ context, event }) => {
        const id = str(event, 'resolutionId');
        return context.resolutions.some((r) => r.id === id && r.status === 'open');
      },
      allSettled: ({ context }) =>
        context.archivedAt !== null && context.resolutions.every((r) => r.status === 'completed'),
    },
    actions: {
      submitTopics: assign(({ context, event }) => {
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
      setAgenda: assign(({ context, event }) => {
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
      recordBooking: assign(({ context, event }) => {
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
      submitPlan: assign(({ context, event }) => ({
        round: context.round + 1,
        submittedAt: event.meta.at,
        returned: null,
      })),
      recordReturn: assign(({ event }) => ({
        returned: {
          by: principalOf(event.meta),
          reason: str(event, 'reason') ?? '',
          at: event.meta.at,
        },
      })),
      recordApproval: assign(({ event }) => ({
        approval: {
          by: principalOf(event.meta),
          actorId: event.meta.actorId,
          opinion: str(event, 'opinion') ?? null,
          at: event.meta.at,
        },
        noticeAt: event.meta.at,
      })),
      sendNotice: enqueueActions(({ context, event, enqueue }) => {
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
      recordReply: assign(({ context, event }) => {
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
      notifyDeputy: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'REPLY' || event.answer !== 'delegate' || !event.deputyId) return;
        enqueue.emit({
          type: 'notify',
          to: [event.deputyId],
          title: `委托参会：${context.plan.title}`,
          body: `${meetingLine(context)}，受委托代为参加，请准时出席。`,
          channel: 'inApp',
        });
      }),
      remindReplies: enqueueActions(({ context, event, enqueue }) => {
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
      remindMeeting: enqueueActions(({ context, event, enqueue }) => {
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
      signIn: assign(({ context, event }) => {
        if (event.type !== 'SIGN_IN') return {};
        const who = principalOf(event.meta);
        return {
          attendance: {
            ...context.attendance,
            [event.userId ?? who]: { at: event.meta.at, recordedBy: who },
          },
        };
      }),
      closeAttendance: assign(({ event }) => ({ heldAt: event.meta.at })),
      draftMinutes: assign(({ context, event }) => {
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
      returnMinutes: assign(({ context, event }) => ({
        minutesReturns: [
          ...context.minutesReturns,
          { by: principalOf(event.meta), reason: str(event, 'reason') ?? '', at: event.meta.at },
        ],
      })),
      approveMinutes: enqueueActions(({ context, event, enqueue }) => {
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
      archive: assign(({ event }) => ({
        archivedAt: event.meta.at,
        archivedBy: principalOf(event.meta),
        archiveCode: str(event, 'archiveCode') ?? null,
      })),
      reportProgress: assign(({ context, event }) => {
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
      completeResolution: enqueueActions(({ context, event, enqueue }) => {
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
      remindResolution: enqueueActions(({ context, event, enqueue }) => {
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
      end: assign(({ event }, params: { outcome: 'closed' | 'rejected' | 'cancelled' }) => ({
        outcome: params.outcome,
        endedReason: str(event, 'reason') ?? null,
        finishedAt: event.meta.at,
      })),
      notifyCancelled: enqueueActions(({ context, enqueue }) => {
        if (context.noticeAt === null) return;
        enqueue.emit({
          type: 'notify',
          to: [...new Set([...context.plan.participants.users, ...expectedAttendees(context)])],
          title: `会议取消：${context.plan.title}`,
          body: `原定于${when(context.plan.start)}召开的《${context.plan.title}》已取消。`,
          channel: 'inApp',
        });
      }),
    },
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
