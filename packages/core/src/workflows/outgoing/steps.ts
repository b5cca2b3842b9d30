import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { TaskSpec } from '../../workflow/definition.ts';
import type { OutgoingContext } from './context.ts';
import { activeCountersign, countersignKeyOf } from './countersign.ts';
import { receiptTaskKey, remindTaskKey } from './task-keys.ts';

/** Roles the 发文 workflow assigns by. */
export const OUTGOING_ROLES = {
  /** 文秘 / 秘书科: 复核 (by default), 清稿, 盖章, 分发, 回执, 归档; voids 文号. */
  secretary: 'secretary',
  /** 领导: may be picked to 签发. */
  leader: 'leader',
  /** 办公室主任: sees every case (visibility). */
  officeDirector: 'officeDirector',
} as const;

/** Chinese node names of the 发文 steps (for tasks, 流程统计 and timelines). */
export const OUTGOING_STEP_LABELS = {
  draft: '拟稿',
  redraft: '拟稿（被退回）',
  check: '核稿',
  countersignHead: '会签',
  countersignMember: '会签：提出意见',
  countersignReview: '会签：审核承办人意见',
  consolidate: '返还：汇总意见',
  revise: '返还：修改后重新会签',
  recheck: '复核',
  sign: '签发',
  finalize: '成文/清稿',
  seal: '盖章',
  distribute: '分发',
  receipt: '回执',
  archive: '归档',
} as const;

/** Chinese labels of the states. */
export const OUTGOING_STATE_LABELS: Record<string, string> = {
  drafting: '拟稿中',
  checking: '待核稿',
  countersigning: '会签中',
  consolidating: '返还拟稿人',
  rechecking: '待复核',
  signing: '待签发',
  finalizing: '待成文',
  sealing: '待盖章',
  dispatching: '待分发',
  collecting: '回执收集中',
  distributed: '已分发',
  archived: '已归档',
  rejected: '不予签发',
  cancelled: '已作废',
};

const secretaries: AssigneeRule = { role: OUTGOING_ROLES.secretary };

/** The secretariat, who void 文号 and chase 回执 at any time. */
export const OUTGOING_SECRETARIAT_RULE: AssigneeRule = secretaries;

function recipientName(r: OutgoingContext['recipients'][number]): string {
  return 'name' in r.recipient ? r.recipient.name : r.recipient.unitId;
}

/**
 * The tasks (待办) a 发文 case asks for in a state. Keys stay the same while the same people
 * still have the same step to do, and are new whenever a step comes round again.
 */
export function outgoingTasks(state: string, ctx: OutgoingContext): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const drafter: AssigneeRule = { user: ctx.drafter };
  if (state === 'drafting') {
    tasks.push({
      key: `draft:${ctx.round}`,
      kind: 'act',
      label: ctx.returned ? OUTGOING_STEP_LABELS.redraft : OUTGOING_STEP_LABELS.draft,
      assignees: drafter,
      events: ['EDIT', 'SUBMIT', 'CANCEL'],
    });
  } else if (state === 'checking') {
    tasks.push({
      key: `check:${ctx.round}`,
      kind: 'act',
      label: OUTGOING_STEP_LABELS.check,
      assignees: ctx.checker ? { user: ctx.checker } : { superiorOf: ctx.drafter },
      events: ['EDIT', 'CHECK', 'RETURN'],
    });
  } else if (state === 'countersigning') {
    for (const d of activeCountersign(ctx)) {
      const key = countersignKeyOf(ctx, d);
      if (key === null) continue;
      const head: AssigneeRule = d.head ? { user: d.head } : { headOf: d.id };
      if (d.status === 'head') {
        tasks.push({
          key,
          kind: 'act',
          label: OUTGOING_STEP_LABELS.countersignHead,
          assignees: head,
          events: ['ASSIGN_MEMBER', 'COUNTERSIGN'],
        });
      } else if (d.status === 'member' && d.member) {
        tasks.push({
          key,
          kind: 'act',
          label: OUTGOING_STEP_LABELS.countersignMember,
          assignees: { user: d.member },
          events: ['COUNTERSIGN'],
        });
      } else if (d.status === 'review') {
        tasks.push({
          key,
          kind: 'act',
          label: OUTGOING_STEP_LABELS.countersignReview,
          assignees: head,
          events: ['COUNTERSIGN'],
        });
      }
    }
  } else if (state === 'consolidating') {
    tasks.push({
      key: `consolidate:${ctx.round}:${ctx.countersignRound}`,
      kind: 'act',
      label: ctx.mustCountersign ? OUTGOING_STEP_LABELS.revise : OUTGOING_STEP_LABELS.consolidate,
      assignees: drafter,
      events: ['EDIT', 'COUNTERSIGN_AGAIN', 'SEND_TO_RECHECK'],
    });
  } else if (state === 'rechecking') {
    tasks.push({
      key: `recheck:${ctx.round}:${ctx.countersignRound}`,
      kind: 'act',
      label: OUTGOING_STEP_LABELS.recheck,
      assignees: ctx.rechecker ? { user: ctx.rechecker } : secretaries,
      events: ['RECHECK', 'RETURN'],
    });
  } else if (state === 'signing' && ctx.signer) {
    tasks.push({
      key: `sign:${ctx.round}`,
      kind: 'act',
      label: OUTGOING_STEP_LABELS.sign,
      assignees: { user: ctx.signer },
      events: ['SIGN', 'REJECT', 'RETURN_FOR_REVISION'],
    });
  } else if (state === 'finalizing') {
    tasks.push({
      key: 'finalize',
      kind: 'act',
      label: OUTGOING_STEP_LABELS.finalize,
      assignees: { anyOf: [drafter, secretaries] },
      events: ['FINALIZE'],
    });
  } else if (state === 'sealing') {
    tasks.push({
      key: 'seal',
      kind: 'act',
      label: OUTGOING_STEP_LABELS.seal,
      assignees: secretaries,
      events: ['SEAL'],
    });
  } else if (state === 'dispatching') {
    tasks.push({
      key: 'distribute',
      kind: 'act',
      label: OUTGOING_STEP_LABELS.distribute,
      assignees: secretaries,
      events: ['DISTRIBUTE'],
    });
  } else if (state === 'collecting') {
    for (const r of ctx.recipients) {
      if (r.receipt !== null) continue;
      tasks.push({
        key: receiptTaskKey(r.key),
        kind: 'act',
        label: `${OUTGOING_STEP_LABELS.receipt}：${recipientName(r)}`,
        assignees: secretaries,
        events: ['RECORD_RECEIPT'],
      });
    }
    // 催办: each missing 回执 gets a highlighted reminder task after each reminder
    const n = ctx.reminders.length;
    if (n > 0) {
      for (const t of [...tasks]) {
        tasks.push({
          ...t,
          key: remindTaskKey(n, t.key),
          kind: 'remind',
          label: `催办：${t.label}`,
        });
      }
    }
  } else if (state === 'distributed') {
    tasks.push({
      key: 'archive',
      kind: 'act',
      label: OUTGOING_STEP_LABELS.archive,
      assignees: secretaries,
      events: ['ARCHIVE'],
    });
  }
  return tasks;
}

/** A rule naming exactly these users, or null for nobody. */
export function usersRule(ids: readonly string[]): AssigneeRule | null {
  return ids.length === 0 ? null : { users: [...new Set(ids)] };
}
