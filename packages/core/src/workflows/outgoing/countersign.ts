import { admits, ev } from '../shared/event-payload.ts';
import type { CountersignDepartment, OutgoingContext, OutgoingEvent } from './context.ts';
import type { CountersignPlan } from './fields.ts';
import { countersignTaskKey } from './task-keys.ts';

/** The 会签 departments whose turn it is (the first unfinished in sequence, all unfinished in parallel). */
export function activeCountersign(ctx: OutgoingContext): CountersignDepartment[] {
  const open = ctx.countersign.filter((d) => d.status !== 'done');
  return ctx.countersignPlan?.mode === 'sequence' ? open.slice(0, 1) : open;
}

/** The key of the task a 会签 department's current step is done through (null when done). */
export function countersignKeyOf(ctx: OutgoingContext, d: CountersignDepartment): string | null {
  return d.status === 'done'
    ? null
    : countersignTaskKey(ctx.countersignRound, d.id, d.step, d.status);
}

/** The active 会签 departments an event may act on: named by the payload (if any) and admitted by its task. */
export function countersignTargets(
  ctx: OutgoingContext,
  event: OutgoingEvent,
): CountersignDepartment[] {
  const named = ev(event).departmentId;
  return activeCountersign(ctx).filter(
    (d) =>
      (typeof named !== 'string' || d.id === named) && admits(event.meta, countersignKeyOf(ctx, d)),
  );
}

/** Whether `who` may act as the department's head (the head fixed at its first head action, or anyone before). */
export function headMay(d: CountersignDepartment, who: string): boolean {
  return d.head === null || d.head === who;
}

/** Whether `who` may give the 会签意见 of `d` now (head, assigned member, or head reviewing). */
export function maySign(d: CountersignDepartment, who: string): boolean {
  if (d.status === 'member') return d.member === who;
  return (d.status === 'head' || d.status === 'review') && headMay(d, who);
}

/** `list` with department `id` changed by `change` and its step bumped. */
export function replaceDept(
  list: CountersignDepartment[],
  id: string,
  change: (d: CountersignDepartment) => Partial<CountersignDepartment>,
): CountersignDepartment[] {
  return list.map((d) => (d.id === id ? { ...d, ...change(d), step: d.step + 1 } : d));
}

/** The departments of a new 会签 round, each waiting for its head. */
export function newDepartments(plan: CountersignPlan | null): CountersignDepartment[] {
  return (plan?.departments ?? []).map((d) => ({
    id: d.departmentId,
    memberOpinionTo: d.memberOpinionTo,
    status: 'head',
    step: 0,
    head: null,
    member: null,
    memberOpinion: null,
    opinion: null,
    withdrawable: null,
  }));
}
