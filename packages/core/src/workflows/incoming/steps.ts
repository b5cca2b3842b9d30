import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { TaskSpec } from '../../workflow/definition.ts';
import type { IncomingContext } from './context.ts';
import { pendingLeaders } from './context-queries.ts';
import { circulateTaskKey, handlingTaskKey, readTaskKey, remindTaskKey } from './task-keys.ts';

/** Roles the 收文 workflow assigns by. */
export const INCOMING_ROLES = {
  /** 文秘 / 秘书科: registers, proposes, reminds, archives. */
  secretary: 'secretary',
  /** 办公室主任: reviews the proposal. */
  officeDirector: 'officeDirector',
  /** 领导: may be picked to 批示. */
  leader: 'leader',
} as const;

/** Chinese node names of the 收文 steps (for tasks, 流程统计 and timelines). */
export const INCOMING_STEP_LABELS = {
  amend: '修改登记（被退回）',
  propose: '拟办',
  review: '审阅',
  instruct: '批示',
  assign: '承办：分派承办人',
  handle: '承办：办理',
  confirm: '承办：确认办理结果',
  pick: '传阅：指定阅读人',
  read: '传阅：阅读',
  archive: '归档',
} as const;

/** Chinese labels of the flattened states. */
export const INCOMING_STATE_LABELS: Record<string, string> = {
  registering: '待修改登记',
  proposing: '待拟办',
  'open.reviewing': '待审阅',
  'open.instructing': '待批示',
  'open.processing': '办理中',
  completed: '已办结',
  archived: '已归档',
};

const secretaries: AssigneeRule = { role: INCOMING_ROLES.secretary };

/**
 * The tasks (待办) a 收文 case asks for in a state. Keys are stable while the same person or
 * department still has the same step to do, and new whenever a step is handed on.
 */
export function incomingTasks(state: string, ctx: IncomingContext): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const deadline = ctx.proposal?.deadlineAt;
  const due = deadline ? { due: deadline } : {};
  if (state === 'registering') {
    tasks.push({
      key: `amend:${ctx.amendments}`,
      kind: 'act',
      label: INCOMING_STEP_LABELS.amend,
      assignees: { user: ctx.registeredBy },
      events: ['AMEND_REGISTRATION'],
    });
  } else if (state === 'proposing') {
    tasks.push({
      key: `propose:${ctx.round}:${ctx.amendments}`,
      kind: 'act',
      label: ctx.returned
        ? `${INCOMING_STEP_LABELS.propose}（被退回）`
        : INCOMING_STEP_LABELS.propose,
      assignees: secretaries,
      events: ['PROPOSE', 'RETURN'],
    });
  } else if (state === 'open.reviewing') {
    tasks.push({
      key: `review:${ctx.round}`,
      kind: 'act',
      label: INCOMING_STEP_LABELS.review,
      assignees: { role: INCOMING_ROLES.officeDirector },
      events: ['REVIEW', 'RETURN'],
      ...due,
    });
  } else if (state === 'open.instructing') {
    for (const leader of pendingLeaders(ctx)) {
      tasks.push({
        key: `instruct:${ctx.round}:${leader}`,
        kind: 'act',
        label: INCOMING_STEP_LABELS.instruct,
        assignees: { user: leader },
        events: ['INSTRUCT', 'RETURN'],
        ...due,
      });
    }
  } else if (state === 'open.processing') {
    for (const d of ctx.handling) {
      const role = d.role === 'main' ? '主办' : '协办';
      if (d.status === 'assigning') {
        tasks.push({
          key: handlingTaskKey(d.id, d.step, 'assign'),
          kind: 'act',
          label: `${INCOMING_STEP_LABELS.assign}（${role}）`,
          assignees: { headOf: d.id },
          events: ['ASSIGN'],
          ...due,
        });
      } else if (d.status === 'handling') {
        tasks.push({
          key: handlingTaskKey(d.id, d.step, 'handle'),
          kind: 'act',
          label: `${INCOMING_STEP_LABELS.handle}（${role}）`,
          assignees: { user: d.handlers.at(-1)! },
          events: ['HAND_DOWN', 'SUBMIT_RESULT', 'RETURN'],
          ...due,
        });
      } else if (d.status === 'confirming') {
        tasks.push({
          key: handlingTaskKey(d.id, d.step, 'confirm'),
          kind: 'act',
          label: `${INCOMING_STEP_LABELS.confirm}（${role}）`,
          assignees: d.head ? { user: d.head } : { headOf: d.id },
          events: ['CONFIRM', 'SEND_BACK'],
          ...due,
        });
      }
    }
  }
  if (state === 'open.processing' || state === 'completed') {
    for (const c of ctx.circulation) {
      if (c.pickedAt === null) {
        tasks.push({
          key: circulateTaskKey(c.id),
          kind: 'act',
          label: INCOMING_STEP_LABELS.pick,
          assignees: { headOf: c.id },
          events: ['PICK_READERS'],
        });
        continue;
      }
      for (const [reader, readAt] of Object.entries(c.readers)) {
        if (readAt !== null) continue;
        tasks.push({
          key: readTaskKey(c.id, reader),
          kind: 'read',
          label: INCOMING_STEP_LABELS.read,
          assignees: { user: reader },
          events: ['READ'],
        });
      }
    }
  }
  if (state === 'completed') {
    tasks.push({
      key: 'archive',
      kind: 'act',
      label: INCOMING_STEP_LABELS.archive,
      assignees: secretaries,
      events: ['ARCHIVE'],
    });
  }
  // 催办: every open 办理 task gets a highlighted reminder task after each reminder.
  if (ctx.reminders.length > 0 && state.startsWith('open.')) {
    const n = ctx.reminders.length;
    for (const t of [...tasks]) {
      if (t.kind !== 'act') continue;
      tasks.push({ ...t, key: remindTaskKey(n, t.key), kind: 'remind', label: `催办：${t.label}` });
    }
  }
  return tasks;
}

/** Who may take back (撤回) or remind (催办) outside tasks. */
export function usersRule(ids: readonly string[]): AssigneeRule | null {
  return ids.length === 0 ? null : { users: [...new Set(ids)] };
}

/** The secretariat, who may 催办 at any time. */
export const SECRETARIAT_RULE: AssigneeRule = secretaries;
