export { buildOutgoingArchiveRecord, type OutgoingArchiveRecord } from './archive-record.ts';
export { finalVersionOf, outgoingContextOf, outgoingVersions } from './case-context.ts';
export type {
  CountersignDepartment,
  DocNumberUse,
  DocVersion,
  OpinionRecord,
  OutgoingContext,
  OutgoingEvent,
  OutgoingMachineOptions,
  OutgoingStep,
  RecipientState,
} from './context.ts';
export { activeCountersign } from './countersign.ts';
export {
  createOutgoingWorkflow,
  OUTGOING_ROLES,
  OUTGOING_WORKFLOW,
  type OutgoingWorkflowOptions,
  outgoingHeader,
  outgoingWorkflow,
} from './definition.ts';
export {
  type DistributionLine,
  distributeEventCommandId,
  distributeToUnits,
  distributionCommandId,
} from './distribute-to-units.ts';
export {
  type DocNumberHistory,
  type DocNumberHistoryEntry,
  outgoingDocNumberHistory,
} from './doc-number-history.ts';
export {
  currentDocNumber,
  docNumberScope,
  formatDocNumber,
  parseDocNumberScope,
} from './doc-numbers.ts';
export {
  type CountersignPlan,
  DOC_TYPES,
  type DocType,
  type OutgoingDraft,
  type OutgoingHeader,
  type Recipient,
  ZArchive as ZOutgoingArchive,
  ZAssignMember,
  ZCancel,
  ZCheck,
  ZCountersign,
  ZCountersignAgain,
  ZCountersignDepartment,
  ZCountersignPlan,
  ZCreateOutgoingDraft,
  ZDelivery,
  ZDistribute,
  ZEdit,
  ZFinalize,
  ZIssuerCode,
  ZOutgoingAttachment,
  ZOutgoingHeader,
  ZOutgoingHeaderChange,
  ZRecheck,
  ZRecipient,
  ZRecordReceipt,
  ZReject,
  ZRemindReceipts,
  ZReturn as ZOutgoingReturn,
  ZReturnForRevision,
  ZSeal,
  ZSendToRecheck,
  ZSign,
  ZSubmit,
  ZVoidDocNumber,
  ZWithdraw as ZOutgoingWithdraw,
} from './fields.ts';
export { outgoingFlowStatistics } from './flow-statistics.ts';
export {
  type OutgoingCountersignLine,
  type OutgoingDistributionLine,
  type OutgoingDocNumberLine,
  type OutgoingLedgerRow,
  type OutgoingStepEntry,
  projectOutgoingLedger,
} from './ledger-projection.ts';
export { createOutgoingMachine, type OutgoingMachine } from './machine.ts';
export { RECEIPT_REMIND_ID } from './machine-actions.ts';
export { buildOutgoingOfficialDocument, type Letterhead } from './official-document.ts';
export {
  assertOutgoingEvent,
  checkDraftingHeader,
  checkOutgoingEvent,
  type DepartmentIssuerCodes,
  draftableDepartments,
  isUnitIssuerCode,
  OUTGOING_DRAFT_FOR_ANY_ROLES,
  type OutgoingOrgProblem,
} from './org-checks.ts';
export { recipientsOf } from './recipients.ts';
export { type SealOutcome, sealOutgoingDocument } from './seal-document.ts';
export {
  type OutgoingCounts,
  type OutgoingStatistics,
  outgoingStatistics,
} from './statistics.ts';
export { OUTGOING_STATE_LABELS, OUTGOING_STEP_LABELS, outgoingTasks } from './steps.ts';
export {
  type BlockDiffRow,
  type DiffSegment,
  diffCaseVersions,
  diffText,
  diffVersions,
  type TextDiff,
  type VersionDiff,
} from './version-diff.ts';
export { type VisibleOutgoingFlow, visibleOutgoingFlow } from './visibility.ts';
