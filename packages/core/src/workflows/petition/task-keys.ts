/**
 * Task keys of the 信访 workflow. A key changes whenever the step passes to someone else, so
 * the engine closes the old task and opens a new one.
 */

export { baseTaskKey, remindTaskKey } from '../shared/remind-task-key.ts';

/** `handle:<step>:<stage>`: the department head assigns, the handler works, the head approves. */
export function handleTaskKey(step: number, stage: 'assign' | 'investigate' | 'approve'): string {
  return `handle:${step}:${stage}`;
}

/** `extension:<n>`: the office decides the n-th 延期 request. */
export function extensionTaskKey(n: number): string {
  return `extension:${n}`;
}
