/** `remind:<n>:<key>`: the highlighted 催办 twin of an open task (same events, same people). */
export function remindTaskKey(reminder: number, key: string): string {
  return `remind:${reminder}:${key}`;
}

/** The task a key stands for: a 催办 twin stands for the task it reminds of. */
export function baseTaskKey(key: string): string {
  return key.replace(/^remind:\d+:/, '');
}
