import type { TaskRecord } from '../../ports/store.ts';
import { type FlowStatisticsLine, flowStatistics } from '../shared/flow-statistics.ts';

/**
 * The 流程统计 of a 发文 case from its tasks (`engine.tasks(caseId)`), oldest first: each node's
 * name, 定义处理人 (candidates), 实际处理人 (and for whom), 签收时间 (first opened) and 处理时间.
 * The computation is the same as 收文's: both read the task rows the engine keeps.
 */
export function outgoingFlowStatistics(
  tasks: readonly TaskRecord[],
  now: Date,
): FlowStatisticsLine[] {
  return flowStatistics(tasks, now);
}
