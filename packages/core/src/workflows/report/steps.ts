import type { TaskSpec } from '../../workflow/definition.ts';
import { pendingApprovers, type ReportContext } from './machine.ts';
import { approveTaskKey, authorTaskKey } from './task-keys.ts';

/** Chinese labels of the flattened states. */
export const REPORT_STATE_LABELS: Record<string, string> = {
  drafting: '拟稿中',
  approving: '审批中',
  revising: '退回修改',
  approved: '审批通过',
  rejected: '未获同意',
  withdrawn: '已撤回',
};

/** Chinese node names of the steps. */
export const REPORT_STEP_LABELS = {
  draft: '拟稿送审',
  approve: '审批',
  revise: '修改后重新送审（被退回）',
} as const;

/** The tasks (待办) a 报告审批 case asks for in a state. */
export function reportTasks(state: string, ctx: ReportContext): TaskSpec[] {
  if (state === 'drafting') {
    return [
      {
        key: authorTaskKey(0),
        kind: 'act',
        label: REPORT_STEP_LABELS.draft,
        assignees: { user: ctx.author },
        events: ['SUBMIT', 'WITHDRAW'],
      },
    ];
  }
  if (state === 'revising') {
    return [
      {
        key: authorTaskKey(ctx.round),
        kind: 'act',
        label: REPORT_STEP_LABELS.revise,
        assignees: { user: ctx.author },
        events: ['RESUBMIT', 'WITHDRAW'],
      },
    ];
  }
  if (state === 'approving') {
    const n = ctx.mode === 'sequence' ? ctx.approvers.length : 0;
    return pendingApprovers(ctx).map((approver) => ({
      key: approveTaskKey(ctx.round, approver),
      kind: 'act' as const,
      label:
        n > 1
          ? `${REPORT_STEP_LABELS.approve}（第${ctx.approvers.indexOf(approver) + 1}/${n}位）`
          : REPORT_STEP_LABELS.approve,
      assignees: { user: approver },
      events: ['APPROVE', 'RETURN', 'REJECT'],
    }));
  }
  return [];
}
