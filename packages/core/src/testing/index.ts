export { manualClock } from '../clock.ts';
export {
  MIGRATION_V1,
  MIGRATION_V2,
  runMigrationScenario,
} from '../workflows/custom/migration-scenario.ts';
export { runFullMeetingScenario } from '../workflows/meeting/scenario.ts';
export { approvalWorkflow, ZApprovalInput } from './approval-workflow.ts';
export { describeBlobStoreConformance } from './blob-store-conformance.ts';
export {
  type CaseListsConformanceOptions,
  describeCaseListsConformance,
} from './case-lists-conformance.ts';
export { describeDirectoryConformance, SAMPLE_DELEGATIONS } from './directory-conformance.ts';
export { describeEngineConformance, type EngineConformanceOptions } from './engine-conformance.ts';
export { describeFlowDefinitionStoreConformance } from './flow-definition-store-conformance.ts';
export {
  describeRoomBookingsConformance,
  type RoomBookingsConformanceOptions,
  SAMPLE_ROOMS,
} from './room-bookings-conformance.ts';
export { loadSampleOrg, SAMPLE_ORG } from './sample-org.ts';
export { describeStoreConformance, type StoreConformanceOptions } from './store-conformance.ts';
