import type { TaskRecord } from '../../ports/store.ts';
import { type FlowStatisticsLine, flowStatistics } from '../shared/flow-statistics.ts';

/** The 流程统计 of a 会议 case from its tasks: node, 定义处理人, 实际处理人, 签收时间, 处理时间. */
export function meetingFlowStatistics(
  tasks: readonly TaskRecord[],
  now: Date,
): FlowStatisticsLine[] {
  return flowStatistics(tasks, now);
}
