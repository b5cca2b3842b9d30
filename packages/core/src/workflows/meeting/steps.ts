import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { TaskSpec } from '../../workflow/definition.ts';
import type { MeetingContext } from './context.ts';
import { nonRepliers } from './context-queries.ts';
import { remindTaskKey, replyTaskKey, resolutionTaskKey, topicTaskKey } from './task-keys.ts';

/** Roles the 会议 workflow assigns by. */
export const MEETING_ROLES = {
  /** 办公室主任: proofreads the minutes when the plan names nobody else. */
  officeDirector: 'officeDirector',
  /** 文秘: archives, and may remind (催办) resolutions. */
  secretary: 'secretary',
  /** 领导: approves meetings. */
  leader: 'leader',
} as const;

/** Chinese labels of the flattened states. */
export const MEETING_STATE_LABELS: Record<string, string> = {
  preparing: '筹备中（议题征集、议程、会议室）',
  approving: '待审批',
  notified: '已通知（回执、签到）',
  minuting: '会议记录',
  proofreading: '纪要校对',
  followUp: '归档与决议督办',
  closed: '已办结',
  rejected: '未获批准',
  cancelled: '已取消',
};

/** Chinese node names of the steps. */
export const MEETING_STEP_LABELS = {
  prepare: '会议筹备：确定议程、预订会议室、送审',
  topic: '议题征集：报送议题',
  approve: '会议审批',
  reply: '会议回执',
  attendance: '会议签到',
  minutes: '会议记录',
  proofread: '纪要校对',
  archive: '会议归档',
  resolution: '决议事项办理',
} as const;

const secretaries: AssigneeRule = { role: MEETING_ROLES.secretary };

/** Who proofreads the minutes: the named proofreader, else the office director(s). */
export function proofreaderRule(ctx: MeetingContext): AssigneeRule {
  return ctx.plan.proofreaderId !== undefined
    ? { user: ctx.plan.proofreaderId }
    : { role: MEETING_ROLES.officeDirector };
}

/** The tasks (待办) a 会议 case asks for in a state. */
export function meetingTasks(state: string, ctx: MeetingContext): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const organiser: AssigneeRule = { user: ctx.organiser };
  if (state === 'preparing') {
    tasks.push({
      key: `prepare:${ctx.round}`,
      kind: 'act',
      label: ctx.returned
        ? `${MEETING_STEP_LABELS.prepare}（被退回）`
        : MEETING_STEP_LABELS.prepare,
      assignees: organiser,
      events: ['SET_AGENDA', 'BOOK_ROOM', 'SUBMIT_PLAN', 'CANCEL'],
    });
    for (const [departmentId, at] of Object.entries(ctx.topicResponses)) {
      if (at !== null) continue;
      tasks.push({
        key: topicTaskKey(departmentId),
        kind: 'act',
        label: MEETING_STEP_LABELS.topic,
        assignees: { headOf: departmentId },
        events: ['SUBMIT_TOPICS'],
      });
    }
  } else if (state === 'approving') {
    tasks.push({
      key: `approve:${ctx.round}`,
      kind: 'act',
      label: MEETING_STEP_LABELS.approve,
      assignees: { user: ctx.plan.approverId },
      events: ['APPROVE', 'RETURN', 'REJECT'],
    });
  } else if (state === 'notified') {
    const replyDue = { due: ctx.plan.replyBy };
    const n = ctx.replyReminders.length;
    for (const invitee of nonRepliers(ctx)) {
      const t: TaskSpec = {
        key: replyTaskKey(invitee.key),
        kind: 'act',
        label: MEETING_STEP_LABELS.reply,
        assignees: invitee.kind === 'user' ? { user: invitee.id } : { headOf: invitee.id },
        events: ['REPLY'],
        ...replyDue,
      };
      tasks.push(t);
      // 催办: a highlighted twin after each reminder
      if (n > 0)
        tasks.push({
          ...t,
          key: remindTaskKey(n, t.key),
          kind: 'remind',
          label: `催办：${t.label}`,
        });
    }
    tasks.push({
      key: 'attendance',
      kind: 'act',
      label: MEETING_STEP_LABELS.attendance,
      assignees: organiser,
      events: ['SIGN_IN', 'CLOSE_ATTENDANCE', 'REMIND_REPLIES', 'CANCEL'],
      due: ctx.plan.end,
    });
  } else if (state === 'minuting') {
    tasks.push({
      key: `minutes:${ctx.minutesReturns.length}`,
      kind: 'act',
      label:
        ctx.minutesReturns.length > 0
          ? `${MEETING_STEP_LABELS.minutes}（被退回）`
          : MEETING_STEP_LABELS.minutes,
      assignees: organiser,
      events: ['DRAFT_MINUTES', 'SIGN_IN'],
    });
  } else if (state === 'proofreading') {
    tasks.push({
      key: `proofread:${ctx.minutes?.version ?? 0}`,
      kind: 'act',
      label: MEETING_STEP_LABELS.proofread,
      assignees: proofreaderRule(ctx),
      events: ['APPROVE_MINUTES', 'RETURN_MINUTES'],
    });
  } else if (state === 'followUp') {
    if (ctx.archivedAt === null) {
      tasks.push({
        key: 'archive',
        kind: 'act',
        label: MEETING_STEP_LABELS.archive,
        assignees: secretaries,
        events: ['ARCHIVE'],
      });
    }
    for (const r of ctx.resolutions) {
      if (r.status !== 'open') continue;
      const t: TaskSpec = {
        key: resolutionTaskKey(r.id),
        kind: 'act',
        label: `${MEETING_STEP_LABELS.resolution}：${r.title}`,
        assignees: { headOf: r.ownerDepartmentId },
        events: ['REPORT_PROGRESS', 'COMPLETE_RESOLUTION'],
        due: r.deadlineAt,
      };
      tasks.push(t);
      const n = r.reminders.length;
      if (n > 0)
        tasks.push({
          ...t,
          key: remindTaskKey(n, t.key),
          kind: 'remind',
          label: `催办：${t.label}`,
        });
    }
  }
  return tasks;
}

/** The secretariat (归档, 催办 of resolutions). */
export const MEETING_SECRETARIAT_RULE: AssigneeRule = secretaries;
