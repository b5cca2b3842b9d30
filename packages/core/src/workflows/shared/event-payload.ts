import type { EventMeta } from '../../workflow/definition.ts';
import { baseTaskKey } from './remind-task-key.ts';

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** Whether the task `key` admitted the sender (always, when the engine named no tasks). */
export function admits(meta: EventMeta, key: string | null): boolean {
  if (meta.taskKeys === undefined) return true;
  return key !== null && meta.taskKeys.some((k) => baseTaskKey(k) === key);
}

/** The event as a plain record, to read payload fields its type may lack. */
export function ev(event: object): Record<string, unknown> {
  return event as Record<string, unknown>;
}

/** A string payload field, or '' when absent. */
export function str(event: object, key: string): string {
  const v = ev(event)[key];
  return typeof v === 'string' ? v : '';
}
