import { principalOf } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import {
  CHECK_IN_OPENS_MS,
  type MeetingContext,
  type MeetingEvent,
  type MeetingNotify,
} from './context.ts';
import { expectedAttendees, nonRepliers, str } from './context-queries.ts';
import { inviteeKey } from './task-keys.ts';

const { guards } = actionBuilders<MeetingContext, MeetingEvent, MeetingNotify>();

/** The guards of the 会议 machine. */
export const meetingGuards = guards({
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
      return context.invitees.some((i) => i.key === inviteeKey('department', event.departmentId!));
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
});
