import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { TaskSpec } from '../../workflow/definition.ts';
import type { PetitionContext } from './context.ts';
import { pendingExtension, stageDeadline, stageOf } from './context-queries.ts';
import { extensionTaskKey, handleTaskKey, remindTaskKey } from './task-keys.ts';

/**
 * The role of 信访专员 (the petition office's staff). A unit-level role code, kept here rather
 * than in the directory's `ROLES` (see docs/workflows/petition.md): the 信访 workflow assigns
 * registration, decisions, 延期 approval, 满意度, 复查/复核 requests, 催办 and 归档 to it.
 */
export const PETITION_CLERK_ROLE = 'petitionClerk';

/** Chinese node names of the 信访 steps. */
export const PETITION_STEP_LABELS = {
  decide: '受理审查（受理／不予受理／转送）',
  assign: '交办',
  assignHandler: '分派承办人',
  investigate: '调查核实、拟定处理意见',
  extension: '审批延期申请',
  approve: '审核答复意见',
  rate: '登记满意度评价',
  askReview: '登记复查申请',
  review: '复查',
  askRecheck: '登记复核申请',
  recheck: '复核',
  archive: '归档',
} as const;

/** Chinese labels of the flattened states. */
export const PETITION_STATE_LABELS: Record<string, string> = {
  registered: '待受理',
  'processing.accepted': '已受理待交办',
  'processing.assigning': '待分派承办人',
  'processing.investigating': '办理中',
  'processing.approving': '答复意见待审核',
  answered: '已答复',
  awaitingReview: '可申请复查',
  reviewing: '复查中',
  awaitingRecheck: '可申请复核',
  rechecking: '复核中',
  concluded: '已办结',
  archived: '已归档',
};

/** The 信访 office's rule (clerks of the unit), with the role name a unit uses. */
export function clerksRule(role: string = PETITION_CLERK_ROLE): AssigneeRule {
  return { role };
}

/** The tasks (待办) a 信访 case asks for in a state. */
export function petitionTasks(
  state: string,
  ctx: PetitionContext,
  clerkRole: string = PETITION_CLERK_ROLE,
): TaskSpec[] {
  const clerks = clerksRule(clerkRole);
  const tasks: TaskSpec[] = [];
  const deadline = stageDeadline(state, ctx);
  const due = deadline ? { due: deadline.at } : {};
  const d = ctx.department;
  if (state === 'registered') {
    tasks.push({
      key: 'decide',
      kind: 'act',
      label: PETITION_STEP_LABELS.decide,
      assignees: clerks,
      events: ['ACCEPT', 'DECLINE', 'TRANSFER'],
      ...due,
    });
  } else if (state === 'processing.accepted') {
    tasks.push({
      key: 'assign',
      kind: 'act',
      label: PETITION_STEP_LABELS.assign,
      assignees: clerks,
      events: ['ASSIGN'],
      ...due,
    });
  } else if (state === 'processing.assigning' && d) {
    tasks.push({
      key: handleTaskKey(d.step, 'assign'),
      kind: 'act',
      label: PETITION_STEP_LABELS.assignHandler,
      assignees: { headOf: d.id },
      events: ['ASSIGN_HANDLER'],
      ...due,
    });
  } else if (state === 'processing.investigating' && d?.handler) {
    tasks.push({
      key: handleTaskKey(d.step, 'investigate'),
      kind: 'act',
      label: PETITION_STEP_LABELS.investigate,
      assignees: { user: d.handler },
      events: ['SUBMIT_REPLY', 'REQUEST_EXTENSION'],
      ...due,
    });
  } else if (state === 'processing.approving' && d) {
    tasks.push({
      key: handleTaskKey(d.step, 'approve'),
      kind: 'act',
      label: PETITION_STEP_LABELS.approve,
      assignees: d.head ? { user: d.head } : { headOf: d.id },
      events: ['APPROVE_REPLY', 'RETURN_REPLY'],
      ...due,
    });
  } else if (state === 'answered') {
    tasks.push({
      key: 'rate',
      kind: 'act',
      label: PETITION_STEP_LABELS.rate,
      assignees: clerks,
      events: ['RECORD_SATISFACTION'],
    });
  } else if (state === 'awaitingReview' || state === 'awaitingRecheck') {
    const review = state === 'awaitingReview';
    tasks.push({
      key: review ? 'ask-review' : 'ask-recheck',
      kind: 'act',
      label: review ? PETITION_STEP_LABELS.askReview : PETITION_STEP_LABELS.askRecheck,
      assignees: clerks,
      events: [review ? 'REQUEST_REVIEW' : 'REQUEST_RECHECK', 'CLOSE'],
      ...(ctx.appealBy ? { due: ctx.appealBy.at } : {}),
    });
  } else if (state === 'reviewing' && ctx.review) {
    tasks.push({
      key: 'review',
      kind: 'act',
      label: PETITION_STEP_LABELS.review,
      assignees: { user: ctx.review.reviewerId },
      events: ['GIVE_REVIEW_OPINION'],
      ...due,
    });
  } else if (state === 'rechecking' && ctx.recheck) {
    tasks.push({
      key: 'recheck',
      kind: 'act',
      label: PETITION_STEP_LABELS.recheck,
      assignees: { user: ctx.recheck.reviewerId },
      events: ['GIVE_RECHECK_OPINION'],
      ...due,
    });
  } else if (state === 'concluded') {
    tasks.push({
      key: 'archive',
      kind: 'act',
      label: PETITION_STEP_LABELS.archive,
      assignees: clerks,
      events: ['ARCHIVE'],
    });
  }
  if (state.startsWith('processing.') && pendingExtension(ctx)) {
    tasks.push({
      key: extensionTaskKey(ctx.extensions.length),
      kind: 'act',
      label: PETITION_STEP_LABELS.extension,
      assignees: clerks,
      events: ['APPROVE_EXTENSION', 'DENY_EXTENSION'],
    });
  }
  // 催办/督办: after a reminder in the current stage, every open 办理 task gets a highlighted twin.
  const n = ctx.reminders.length;
  const last = ctx.reminders.at(-1);
  if (last && last.kind !== 'near' && deadline && last.stage === stageOf(state)) {
    for (const t of [...tasks]) {
      if (t.kind !== 'act' || t.key.startsWith('extension:')) continue;
      tasks.push({ ...t, key: remindTaskKey(n, t.key), kind: 'remind', label: `催办：${t.label}` });
    }
  }
  return tasks;
}
