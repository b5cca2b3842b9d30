export {
  createReportWorkflow,
  REPORT_WORKFLOW,
  reportWorkflow,
} from './definition.ts';
export {
  APPROVAL_MODES,
  PARALLEL_RULES,
  REPORT_KINDS,
  type ReportDraft,
  ZApproveReport,
  ZRejectReport,
  ZReportDraft,
  ZResubmitReport,
  ZReturnReport,
  ZSubmitReport,
  ZWithdrawReport,
} from './fields.ts';
export {
  projectReportLedger,
  type ReportLedgerRow,
  type ReportRoundLine,
} from './ledger-projection.ts';
export {
  createReportMachine,
  pendingApprovers,
  type ReportContent,
  type ReportContext,
  type ReportDecision,
  type ReportEvent,
  type ReportInput,
  type ReportMachine,
  roundApproved,
} from './machine.ts';
export { checkReportApprovers } from './org-checks.ts';
export { type ReportApproverProgress, type ReportProgress, reportProgress } from './progress.ts';
export { type ReportStatistics, reportStatistics } from './statistics.ts';
export { REPORT_STATE_LABELS, REPORT_STEP_LABELS, reportTasks } from './steps.ts';
export { approveTaskKey, authorTaskKey } from './task-keys.ts';
