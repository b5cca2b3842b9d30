/**
 * Task keys of the 发文 workflow. `steps.ts` builds tasks with them; the machine's guards and
 * the event checks compare them with `meta.taskKeys` (the open tasks that admitted the actor),
 * so a 会签 step acts only on the department whose task admitted the sender.
 */

import { baseTaskKey } from '../shared/remind-task-key.ts';

export { baseTaskKey, remindTaskKey } from '../shared/remind-task-key.ts';

/** The stage of a 会签 department: the head decides, a member writes, the head reviews. */
export type CountersignStage = 'head' | 'member' | 'review';

/** `countersign:<round>:<departmentId>:<step>:<stage>`. */
export function countersignTaskKey(
  round: number,
  departmentId: string,
  step: number,
  stage: CountersignStage,
): string {
  return `countersign:${round}:${departmentId}:${step}:${stage}`;
}

/** `receipt:<recipientKey>`: a recipient's 回执, recorded by the secretariat. */
export function receiptTaskKey(recipient: string): string {
  return `receipt:${recipient}`;
}

/** Whether `key` is a 会签 task of `departmentId` (any round, step and stage). Exact, although ids may contain `:`. */
export function isCountersignTaskKey(key: string, departmentId: string): boolean {
  const base = baseTaskKey(key);
  const m = /^countersign:(\d+):(.+):(\d+):(head|member|review)$/.exec(base);
  return m !== null && m[2] === departmentId;
}
