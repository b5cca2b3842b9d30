/** `approve:<round>:<approver>`: one approver's decision in a round. */
export function approveTaskKey(round: number, approver: string): string {
  return `approve:${round}:${approver}`;
}

/** `draft` (拟稿 before the first 送审) and `revise:<round>` (after a 退回). */
export function authorTaskKey(round: number): string {
  return round === 0 ? 'draft' : `revise:${round}`;
}
