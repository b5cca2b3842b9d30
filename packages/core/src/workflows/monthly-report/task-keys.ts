/** `draft` (拟稿) and `revise:<round>` (修改 after the round's 退回). */
export function drafterTaskKey(round: number): string {
  return round === 0 ? 'draft' : `revise:${round}`;
}

/** `register:<round>`: the office's 登记 (or 退回) of the round's report. */
export function registerTaskKey(round: number): string {
  return `register:${round}`;
}

/** `archive`: the office's 归档 of a registered report. */
export function archiveTaskKey(): string {
  return 'archive';
}
