export {
  BUNDLED_HOLIDAY_YEARS,
  type ChineseCalendarOptions,
  createChineseCalendar,
  type WorkingCalendar,
} from './calendar/working-calendar.ts';
export { type Clock, type ManualClock, manualClock, systemClock } from './clock.ts';
export { cacheUsers } from './directory/cached-directory.ts';
export type { Directory } from './directory/directory.ts';
export {
  type Delegation,
  type Department,
  delegationCovers,
  ROLES,
  type Unit,
  type User,
  ZDelegation,
  ZDepartment,
  ZUnit,
  ZUser,
} from './directory/model.ts';
export { departmentSubtree } from './directory/org-tree.ts';
export { createStaticDirectory, type OrgInput } from './directory/static-directory.ts';
export { createStoreDirectory } from './directory/store-directory.ts';
export type {
  DoneOptions,
  InboxOptions,
  ReassignCommand,
  SendCommand,
  StartCommand,
} from './engine/commands.ts';
export {
  type AvailableEvent,
  type CaseView,
  createWorkflowEngine,
  TIMER_ACTOR,
  type TimerRunResult,
  type TimerWorker,
  type TransitionResult,
  type WorkflowEngine,
  type WorkflowEngineOptions,
} from './engine/engine.ts';
export type { BackgroundWorker } from './engine/poll-loop.ts';
export {
  CommandReplayed,
  ERROR_MESSAGES_ZH,
  type ErrorCode,
  GongwenError,
  InvalidEvent,
  isGongwenError,
  NotFound,
  NotPermitted,
  ValidationFailed,
  VersionConflict,
} from './errors.ts';
export {
  buildLedgerRecord,
  GENESIS_HASH,
  type LedgerProblem,
  type LedgerVerification,
  verifyLedgerChain,
} from './ledger/chain.ts';
export { createMemoryBlobStore } from './memory/memory-blob-store.ts';
export { createMemoryCaseLists } from './memory/memory-case-lists.ts';
export { createMemoryFlowDefinitionStore } from './memory/memory-flow-definition-store.ts';
export { createMemoryStore } from './memory/memory-store.ts';
export type { BlobInfo, BlobStore } from './ports/blob-store.ts';
export {
  assertPageRequest,
  assertPathSegment,
  type CaseAccess,
  type CaseFilter,
  type CaseListQuery,
  type CaseLists,
  type CountBy,
  type CursorKey,
  type DoneListQuery,
  decodeCursor,
  encodeCursor,
  type InboxListItem,
  type InboxListQuery,
  type InboxOwner,
  type InboxSummary,
  type InboxSummaryQuery,
  type ListPage,
  type PageRequest,
  type Period,
  remindedKey,
  type TextSearch,
} from './ports/case-lists.ts';
export type {
  DocumentRenderer,
  OfficialDocument,
  RenderedPdf,
  RenderedSealAnchor,
} from './ports/document-renderer.ts';
export type { FlowDefinitionStore, StoredFlowVersion } from './ports/flow-definition-store.ts';
export type { Notification, NotificationChannel, Notifier } from './ports/notifier.ts';
export type {
  Sealer,
  SealPlacement,
  SealRequest,
  SealResult,
  SealVerification,
} from './ports/sealer.ts';
export type {
  Assignment,
  CaseQuery,
  CaseRecord,
  CaseStatus,
  ClaimedTimer,
  CommandRecord,
  DirectoryRepository,
  DoneItem,
  DoneQuery,
  InboxItem,
  InboxQuery,
  LedgerRecord,
  OutboxRecord,
  Page,
  StartWrite,
  Store,
  StoreTx,
  TaskKind,
  TaskRecord,
  TimerRecord,
  TransitionWrite,
} from './ports/store.ts';
export { canonicalJson } from './util/canonical-json.ts';
export { type DateZhStyle, DEFAULT_TIME_ZONE, formatDateZh } from './util/format-date-zh.ts';
export { stateToString } from './util/state-value.ts';
export { type AssigneeRule, assignee } from './workflow/assignee-rule.ts';
export {
  type CaseFacts,
  type DueSpec,
  defineWorkflow,
  type EventMeta,
  type EventSpec,
  type LedgerProjection,
  type TaskSpec,
  type WorkflowDefinition,
} from './workflow/definition.ts';
export {
  admits,
  baseTaskKey,
  departmentsNamed,
  headMay,
  principalOf,
  remindTaskKey,
} from './workflow/machine-helpers.ts';
export { createRegistry, type WorkflowRegistry } from './workflow/registry.ts';
export {
  type CaseVisibility,
  forViewerAndPrincipals,
  seeAll,
  seeNothing,
  type VisibilityArgs,
  type VisibilityRule,
} from './workflow/visibility.ts';
// Workflows: each workflow's index.ts names its public API.
export * from './workflows/custom/index.ts';
export * from './workflows/incoming/index.ts';
export * from './workflows/meeting/index.ts';
export * from './workflows/monthly-report/index.ts';
export * from './workflows/outgoing/index.ts';
export * from './workflows/petition/index.ts';
export * from './workflows/report/index.ts';
export * from './workflows/shared/index.ts';
