import {
  INCOMING_WORKFLOW,
  incomingFlowStatistics,
  NotFound,
  NotPermitted,
  OUTGOING_WORKFLOW,
  outgoingFlowStatistics,
  visibleIncomingFlow,
  visibleOutgoingFlow,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadNames } from './format';

/** One node of a case's 流程统计, with names. */
export interface FlowStatisticsRow {
  key: string;
  /** 节点名称 */
  node: string;
  kind: 'act' | 'read' | 'remind';
  /** 定义处理人 */
  definedHandlers: string[];
  /** 实际处理人 (with 代 for a deputy), or null while open or when closed otherwise */
  actualHandler: string | null;
  /** 到达时间 */
  arrivedAt: Date;
  /** 签收时间 */
  openedAt: Date | null;
  /** 处理时间 */
  doneAt: Date | null;
  dueAt: Date | null;
  overdue: boolean;
}

/**
 * 流程统计 of a case (each node: name, 定义处理人, 实际处理人, 签收时间, 处理时间), showing only
 * the nodes the viewer may see under the workflow's visibility rules.
 */
export async function getFlowStatistics(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<{
  caseId: string;
  title: string;
  workflow: string;
  scope: 'all' | 'downward';
  rows: FlowStatisticsRow[];
}> {
  const caseRecord = await app.store.getCase(caseId);
  if (!caseRecord || caseRecord.unitId !== user.unitId) throw new NotFound('办件不存在');
  const [ledger, tasks] = await Promise.all([
    app.store.listLedger(caseId),
    app.store.listTasks(caseId),
  ]);
  const args = { viewerId: user.id, caseRecord, ledger, tasks, directory: app.directory };
  const view =
    caseRecord.workflow === OUTGOING_WORKFLOW
      ? await visibleOutgoingFlow(args)
      : await visibleIncomingFlow(args);
  const seesSomething =
    view.scope === 'all' ||
    view.tasks.length > 0 ||
    view.ledger.some((e) => e.actorId !== '$timer');
  if (view.scope === 'none' || !seesSomething) throw new NotPermitted('您无权查看此办件的流程统计');
  const now = app.clock.now();
  const lines =
    caseRecord.workflow === INCOMING_WORKFLOW
      ? incomingFlowStatistics(view.tasks, now)
      : outgoingFlowStatistics(view.tasks, now);
  const names = await loadNames(app, user.unitId, {
    users: lines.flatMap((l) => [
      ...l.definedHandlers,
      ...(l.actualHandler ? [l.actualHandler] : []),
      ...(l.onBehalfOf ? [l.onBehalfOf] : []),
    ]),
  });
  return {
    caseId,
    title: caseRecord.title,
    workflow: caseRecord.workflow,
    scope: view.scope === 'all' ? 'all' : 'downward',
    rows: lines.map((l) => ({
      key: l.key,
      node: l.node,
      kind: l.kind,
      definedHandlers: l.definedHandlers.map((id) => names.user(id)),
      actualHandler: l.actualHandler
        ? l.onBehalfOf && l.onBehalfOf !== l.actualHandler
          ? `${names.user(l.actualHandler)}（代${names.user(l.onBehalfOf)}）`
          : names.user(l.actualHandler)
        : null,
      arrivedAt: l.arrivedAt,
      openedAt: l.openedAt,
      doneAt: l.doneAt,
      dueAt: l.dueAt,
      overdue: l.overdue,
    })),
  };
}
