/**
 * Task keys of the 会议 workflow. `steps.ts` builds tasks with them; guards and checks compare
 * them with `meta.taskKeys` where a step must come through its own task.
 */

export { remindTaskKey } from '../shared/remind-task-key.ts';

/** `user:<id>` or `department:<id>`: one invitee of the notice. */
export function inviteeKey(kind: 'user' | 'department', id: string): string {
  return `${kind}:${id}`;
}

/** `topic:<departmentId>`: a department's 议题 submission. */
export function topicTaskKey(departmentId: string): string {
  return `topic:${departmentId}`;
}

/** `reply:<inviteeKey>`: one invitee's 回执. */
export function replyTaskKey(invitee: string): string {
  return `reply:${invitee}`;
}

/** `resolution:<id>`: the owner department's 决议事项 to carry out. */
export function resolutionTaskKey(resolutionId: string): string {
  return `resolution:${resolutionId}`;
}

/** The timer id of the automatic 回执催办. */
export const REPLY_REMIND_ID = 'meeting-reply-remind';
/** The timer id of the 会前提醒. */
export const MEETING_REMIND_ID = 'meeting-remind';
/** The timer id of one resolution's deadline reminder. */
export function resolutionTimerId(resolutionId: string): string {
  return `resolution-due:${resolutionId}`;
}
