import { stateToString } from '../../util/state-value.ts';
import { defineWorkflow, type LedgerProjection } from '../../workflow/definition.ts';
import { reportVisibility } from './case-visibility.ts';
import {
  ZApproveReport,
  ZRejectReport,
  ZReportDraft,
  ZResubmitReport,
  ZReturnReport,
  ZSubmitReport,
  ZWithdrawReport,
} from './fields.ts';
import { createReportMachine, pendingApprovers, type ReportContext } from './machine.ts';
import { reportSubmitCheck } from './org-checks.ts';
import { REPORT_STATE_LABELS, reportTasks } from './steps.ts';

/** The registry name of the 报告审批 workflow. */
export const REPORT_WORKFLOW = 'report';

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type: _type, meta: _meta, opinion, reason, note, ...fields } = event;
  const text =
    typeof opinion === 'string'
      ? opinion
      : typeof reason === 'string'
        ? reason
        : typeof note === 'string'
          ? note
          : null;
  return { opinion: text, fields };
}

/** Builds the 报告审批 workflow definition. */
export function createReportWorkflow() {
  return defineWorkflow({
    name: REPORT_WORKFLOW,
    version: 1,
    title: '报告审批',
    machine: createReportMachine(),
    startSchema: ZReportDraft,
    events: {
      SUBMIT: { title: '送审', schema: ZSubmitReport, check: reportSubmitCheck },
      RESUBMIT: { title: '重新送审', schema: ZResubmitReport, check: reportSubmitCheck },
      APPROVE: { title: '同意', schema: ZApproveReport },
      RETURN: { title: '退回修改', schema: ZReturnReport },
      REJECT: { title: '不同意', schema: ZRejectReport },
      WITHDRAW: {
        title: '撤回',
        schema: ZWithdrawReport,
        by: ({ facts }) => ({ user: facts.startedBy }),
      },
    },
    tasks: ({ snapshot }) =>
      reportTasks(stateToString(snapshot.value), snapshot.context as ReportContext),
    header: (snapshot) => {
      const ctx = snapshot.context as ReportContext;
      return {
        title: ctx.report.title,
        fields: {
          kind: ctx.report.kind,
          author: ctx.author,
          approvers: ctx.approvers,
          mode: ctx.mode,
          parallelRule: ctx.parallelRule,
          round: ctx.round,
          pending: pendingApprovers(ctx).filter(
            () => stateToString(snapshot.value) === 'approving',
          ),
          submittedAt: ctx.submittedAt,
          outcome: ctx.outcome,
          finishedAt: ctx.finishedAt,
          returnCount: ctx.decisions.filter((d) => d.decision === 'returned').length,
        },
      };
    },
    ledger: project,
    stateLabels: REPORT_STATE_LABELS,
    visibility: reportVisibility,
  });
}

/** The 报告审批 workflow. */
export const reportWorkflow = createReportWorkflow();
