import type { EventMeta } from './definition.ts';

/** The actor id the engine records for timer-fired transitions. */
export const TIMER_ACTOR = '$timer';

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** `remind:<n>:<key>`: the highlighted 催办 twin of an open task (same events, same people). */
export function remindTaskKey(reminder: number, key: string): string {
  return `remind:${reminder}:${key}`;
}

/** The task a key stands for: a 催办 twin (`remind:<n>:<key>`) stands for the task it reminds of. */
export function baseTaskKey(key: string): string {
  return key.replace(/^remind:\d+:/, '');
}

/**
 * Whether the task `key` admitted the sender. The engine always sets `meta.taskKeys` on user
 * events; without it (the machine driven outside the engine, or `engine.can` asking without a
 * payload) nothing is pinned and the other guards decide alone. A 催办 twin admits as its task.
 */
export function admits(meta: EventMeta, key: string | null): boolean {
  if (meta.taskKeys === undefined) return true;
  return key !== null && meta.taskKeys.some((k) => baseTaskKey(k) === key);
}

/** Whether `who` may act as a department's head in a step: its head, or anyone when it has none. */
export function headMay(department: { head: string | null }, who: string): boolean {
  return department.head === null || department.head === who;
}

/** The departments an event acts on: the one its payload names in `departmentId`, else all. */
export function departmentsNamed<T extends { id: string }>(
  list: readonly T[],
  event: { departmentId?: unknown },
): T[] {
  return typeof event.departmentId === 'string'
    ? list.filter((d) => d.id === event.departmentId)
    : [...list];
}
