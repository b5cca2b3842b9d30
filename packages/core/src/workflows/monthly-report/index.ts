export {
  createMonthlyReportWorkflow,
  MONTHLY_REPORT_WORKFLOW,
  monthlyReportScope,
  monthlyReportWorkflow,
} from './definition.ts';
export {
  type DepartmentSummaryLine,
  departmentSummary,
  MONTHLY_REPORT_STANDING_LABELS,
  type MonthlyReportStanding,
  standingOf,
} from './department-summary.ts';
export {
  MONTHLY_REPORT_EVENTS,
  MONTHLY_REPORT_LEDGER_LABELS,
  MONTHLY_REPORT_STATE_LABELS,
  type MonthlyReportEventType,
} from './events.ts';
export {
  type MonthlyReportDraft,
  ZArchiveMonthlyReport,
  ZMonthlyReportDraft,
  ZRegisterMonthlyReport,
  ZReportMonth,
  ZResubmitMonthlyReport,
  ZReturnMonthlyReport,
  ZSubmitMonthlyReport,
} from './fields.ts';
export {
  type MonthlyReportLedgerRow,
  projectMonthlyReportLedger,
} from './ledger-projection.ts';
export {
  createMonthlyReportMachine,
  type MonthlyReportContent,
  type MonthlyReportContext,
  type MonthlyReportEvent,
  type MonthlyReportInput,
  type MonthlyReportMachine,
  monthLabel,
} from './machine.ts';
export { MONTHLY_REPORT_REGISTRAR_ROLE, monthlyReportTasks } from './steps.ts';
export { canViewMonthlyReport, monthlyReportVisibility } from './visibility.ts';
