import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { PetitionContext, PetitionExtension, PetitionStage } from './context.ts';
import type { PetitionDeadline } from './deadlines.ts';
import type { PetitionRegistration } from './fields.ts';

/** Formats a 信访编号 from the engine's serial: 示信〔2026〕15号. */
export function formatPetitionSerialNo(
  serial: { scope: string; value: number },
  prefix = '信',
): string {
  const year = serial.scope.split(':')[1] ?? '';
  return `${prefix}〔${year}〕${serial.value}号`;
}

/** The civil date the matter was received: the letter's receipt date or the visit's day. */
export function receivedOnOf(r: PetitionRegistration, calendar: WorkingCalendar): string {
  return r.channel === 'letter' ? r.receivedDate : calendar.dateOf(new Date(r.visitedAt));
}

/** The deadline of the stage the case is in (null in stages without one). */
export function stageDeadline(state: string, ctx: PetitionContext): PetitionDeadline | null {
  if (state === 'registered') return ctx.decideBy;
  if (state.startsWith('processing')) return ctx.handleBy;
  if (state === 'reviewing') return ctx.review?.dueBy ?? null;
  if (state === 'rechecking') return ctx.recheck?.dueBy ?? null;
  return null;
}

/** The stage (for 督办 records) of a state. */
export function stageOf(state: string): PetitionStage | null {
  if (state === 'registered') return 'decide';
  if (state.startsWith('processing')) return 'handle';
  if (state === 'reviewing') return 'review';
  if (state === 'rechecking') return 'recheck';
  return null;
}

/** Days of 延期 approved so far. */
export function extendedDays(ctx: PetitionContext): number {
  return ctx.extensions.filter((e) => e.status === 'approved').reduce((n, e) => n + e.days, 0);
}

/** The pending 延期 request, if any. */
export function pendingExtension(ctx: PetitionContext): PetitionExtension | null {
  const last = ctx.extensions.at(-1);
  return last?.status === 'pending' ? last : null;
}

/** The time of an event, or of the registration for an event without meta. */
export function nowOf(ctx: PetitionContext, event: { meta?: EventMeta }): string {
  return event.meta?.at ?? ctx.registeredAt;
}
