export {
  DEADLINE_NEAR_ID as PETITION_DEADLINE_NEAR_ID,
  DEADLINE_PASSED_ID as PETITION_DEADLINE_PASSED_ID,
  type PetitionContext,
  type PetitionDecision,
  type PetitionDepartment,
  type PetitionEvent,
  type PetitionExtension,
  type PetitionInput,
  type PetitionMachineOptions,
  type PetitionReminder,
  type PetitionReply,
  type PetitionReview,
  type PetitionStage,
  WINDOW_CLOSED_ID as PETITION_WINDOW_CLOSED_ID,
} from './context.ts';
export {
  extendedDays,
  formatPetitionSerialNo,
  pendingExtension,
  stageDeadline as petitionStageDeadline,
} from './context-queries.ts';
export {
  addCalendarDays,
  calendarDayDeadline,
  extendDeadline,
  PETITION_PERIODS,
  type PetitionDeadline,
  REMIND_DAYS_BEFORE,
} from './deadlines.ts';
export {
  createPetitionWorkflow,
  PETITION_WORKFLOW,
  type PetitionWorkflowOptions,
  petitionSerialScope,
  petitionWorkflow,
} from './definition.ts';
export {
  COLLECTIVE_VISIT_MIN,
  MAX_REPRESENTATIVES,
  NOTICE_METHODS,
  PETITION_CATEGORIES,
  PETITION_CHANNELS,
  type Petitioner,
  type PetitionRegistration,
  REVIEW_OUTCOMES,
  SATISFACTION_RATINGS,
  ZAccept as ZAcceptPetition,
  ZApproveExtension,
  ZApproveReply,
  ZAssignDepartment,
  ZAssignHandler as ZAssignPetitionHandler,
  ZClose as ZClosePetition,
  ZDecline as ZDeclinePetition,
  ZDenyExtension,
  ZLetterRegistration,
  ZPetitioner,
  ZPetitionRegistration,
  ZRecordSatisfaction,
  ZRequestExtension,
  ZRequestReview,
  ZReturnReply,
  ZReviewOpinion,
  ZSubmitReply,
  ZTransfer as ZTransferPetition,
  ZVisitRegistration,
} from './fields.ts';
export { type PetitionLedgerRow, projectPetitionLedger } from './ledger-projection.ts';
export { createPetitionMachine, type PetitionMachine } from './machine.ts';
export {
  type PetitionNotice,
  type PetitionNoticeKind,
  petitionNotice,
  petitionNoticeText,
} from './notice.ts';
export {
  maskAddress,
  maskIdNumber,
  maskName,
  maskPetitioner,
  maskPhone,
  maskRegistration,
  type PetitionerAccess,
  type PetitionViewer,
  petitionerAccess,
  petitionersOf,
} from './privacy.ts';
export {
  type EarlierPetition,
  findRepeatPetitions,
  normalizeIdNumber,
  normalizeName,
  normalizePhone,
  type RepeatMatch,
  type RepeatReason,
} from './repeat.ts';
export { type PetitionStatistics, petitionStatistics } from './statistics.ts';
export {
  PETITION_CLERK_ROLE,
  PETITION_STATE_LABELS,
  PETITION_STEP_LABELS,
  petitionTasks,
} from './steps.ts';
