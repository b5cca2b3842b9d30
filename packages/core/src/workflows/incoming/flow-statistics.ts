import type { TaskRecord } from '../../ports/store.ts';
import { type FlowStatisticsLine, flowStatistics } from '../shared/flow-statistics.ts';

/** The 流程统计 of a 收文 case from its tasks (`engine.tasks(caseId)`), oldest first. */
export function incomingFlowStatistics(
  tasks: readonly TaskRecord[],
  now: Date,
): FlowStatisticsLine[] {
  return flowStatistics(tasks, now);
}
