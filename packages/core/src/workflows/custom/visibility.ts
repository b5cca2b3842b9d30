import type { Directory } from '../../directory/directory.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import { type VisibleFlow, visibleDownwardFlow } from '../shared/department-visibility.ts';
import { type FlowStatisticsLine, flowStatistics } from '../shared/flow-statistics.ts';

/**
 * The status view of a custom-flow case, only downward (只能向下查看) as for 收文: a viewer sees
 * their own steps and those of people below them; leaders, the office director and the
 * secretariat see all — and so does the starter, who follows their own request.
 */
export async function visibleCustomFlow(args: {
  viewerId: string;
  caseRecord: Pick<CaseRecord, 'unitId' | 'startedBy'>;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
  directory: Directory;
}): Promise<VisibleFlow> {
  const viewer = await args.directory.getUser(args.viewerId);
  if (
    viewer?.active &&
    viewer.unitId === args.caseRecord.unitId &&
    viewer.id === args.caseRecord.startedBy
  )
    return { scope: 'all', ledger: [...args.ledger], tasks: [...args.tasks] };
  return visibleDownwardFlow(args);
}

/** The 流程统计 of a custom-flow case (定义处理人, 实际处理人, 签收时间, 处理时间 per node), from its tasks. */
export function customFlowStatistics(
  tasks: readonly TaskRecord[],
  now: Date,
): FlowStatisticsLine[] {
  return flowStatistics(tasks, now);
}
