/**
 * Task keys of the 信访 workflow. A key changes whenever the step passes to someone else, so
 * the engine closes the old task and opens a new one.
 */

/** `handle:<step>:<stage>`: the department head assigns, the handler works, the head approves. */
export function handleTaskKey(step: number, stage: 'assign' | 'investigate' | 'approve'): string {
  return `handle:${step}:${stage}`;
}

/** `extension:<n>`: the office decides the n-th 延期 request. */
export function extensionTaskKey(n: number): string {
  return `extension:${n}`;
}

/** `remind:<n>:<key>`: the highlighted 催办 twin of an open task (same events, same people). */
export function remindTaskKey(reminder: number, key: string): string {
  return `remind:${reminder}:${key}`;
}

/** The task a key stands for: a 催办 twin stands for the task it reminds of. */
export function baseTaskKey(key: string): string {
  return key.replace(/^remind:\d+:/, '');
}
