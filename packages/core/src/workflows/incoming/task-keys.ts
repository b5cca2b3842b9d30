/**
 * Task keys of the 收文 workflow. `steps.ts` builds tasks with them, and the machine's guards
 * and the event checks compare them with `meta.taskKeys` (the open tasks that admitted the
 * actor), so a step acts only on the department or person whose task admitted the actor.
 */

import { baseTaskKey } from '../shared/remind-task-key.ts';

export { baseTaskKey, remindTaskKey } from '../shared/remind-task-key.ts';

/** The stage of a 承办 department's current step; the task key ends with it. */
export type HandlingStage = 'assign' | 'handle' | 'confirm';

/** `handle:<departmentId>:<step>:<stage>`: the head assigns, the handler works, the head confirms. */
export function handlingTaskKey(departmentId: string, step: number, stage: HandlingStage): string {
  return `handle:${departmentId}:${step}:${stage}`;
}

/** `circulate:<departmentId>`: the department head picks the readers (传阅). */
export function circulateTaskKey(departmentId: string): string {
  return `circulate:${departmentId}`;
}

/** `read:<departmentId>:<reader>`: one reader's 已阅. */
export function readTaskKey(departmentId: string, reader: string): string {
  return `read:${departmentId}:${reader}`;
}

/**
 * Whether `key` is a task of department `departmentId` of the given kind: any 承办 step of
 * the department (`handle`), its 传阅 pick (`circulate`), or `principal`'s reading (`read`).
 * Exact, although ids may contain `:`.
 */
export function isDepartmentTaskKey(
  key: string,
  kind: 'handle' | 'circulate' | 'read',
  departmentId: string,
  principal: string,
): boolean {
  const base = baseTaskKey(key);
  if (kind === 'circulate') return base === circulateTaskKey(departmentId);
  if (kind === 'read') return base === readTaskKey(departmentId, principal);
  const prefix = `handle:${departmentId}:`;
  return base.startsWith(prefix) && /^\d+:(assign|handle|confirm)$/.test(base.slice(prefix.length));
}
