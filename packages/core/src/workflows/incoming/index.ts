/** Who sees which steps of a 收文 case: the downward status view (`visibleDownwardFlow`). */
export { visibleDownwardFlow as visibleIncomingFlow } from '../shared/department-visibility.ts';
export { buildIncomingArchiveRecord, type IncomingArchiveRecord } from './archive-record.ts';
export {
  type CirculationDepartment,
  DEADLINE_REMIND_ID,
  type HandlingDepartment,
  type IncomingContext,
  type IncomingEvent,
  type IncomingMachineOptions,
} from './context.ts';
export { formatSerialNo, pendingLeaders } from './context-queries.ts';
export {
  createIncomingWorkflow,
  INCOMING_ROLES,
  INCOMING_WORKFLOW,
  type IncomingWorkflowOptions,
  incomingSerialScope,
  incomingWorkflow,
} from './definition.ts';
export {
  HEAD_TYPES,
  type Proposal,
  type Registration,
  ZArchive,
  ZAssign,
  ZConfirm,
  ZInstruct,
  ZPickReaders,
  ZProposal,
  ZRead,
  ZRegistration,
  ZRemind,
  ZResult,
  ZReturn,
  ZReview,
  ZSendBack,
  ZWithdraw,
} from './fields.ts';
export { incomingFlowStatistics } from './flow-statistics.ts';
export {
  type IncomingHandlingLine,
  type IncomingLedgerRow,
  type IncomingReaderLine,
  type IncomingStepEntry,
  projectIncomingLedger,
} from './ledger-projection.ts';
export { createIncomingMachine, type IncomingMachine } from './machine.ts';
export {
  assertIncomingEvent,
  checkIncomingEvent,
  type IncomingOrgProblem,
} from './org-checks.ts';
export {
  type IncomingCounts,
  type IncomingStatistics,
  incomingStatistics,
} from './statistics.ts';
export { INCOMING_STATE_LABELS, INCOMING_STEP_LABELS, incomingTasks } from './steps.ts';
