import type { MeetingBookingRef, MeetingContext, MeetingInvitee, MeetingTopic } from './context.ts';
import type { MeetingPlan } from './fields.ts';
import { inviteeKey } from './task-keys.ts';

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
export function replyReminderRecipients(ctx: MeetingContext): string[] {
  return nonRepliers(ctx)
    .filter((i) => i.kind === 'user')
    .map((i) => i.id);
}

/** What notices call the booked room: its name, else (cases booked before names were kept) its id. */
export function roomLabel(booking: MeetingBookingRef): string {
  return booking.roomName || booking.roomId;
}

/** `t<n>` after the highest number in use. */
export function nextTopicId(topics: readonly MeetingTopic[], offset: number): string {
  const max = topics.reduce((m, t) => Math.max(m, Number(t.id.slice(1)) || 0), 0);
  return `t${max + offset + 1}`;
}

export function str(e: object, key: string): string | undefined {
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

export function delayUntil(target: string | number, at: string): number {
  const t = typeof target === 'number' ? target : Date.parse(target);
  return Math.max(0, t - Date.parse(at));
}
