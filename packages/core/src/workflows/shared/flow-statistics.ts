import type { TaskRecord } from '../../ports/store.ts';

/** One node of a case's 流程统计. */
export interface FlowStatisticsLine {
  /** 节点名称 (the task label). */
  node: string;
  key: string;
  kind: TaskRecord['kind'];
  /** 定义处理人: who the assignment rule named. */
  definedHandlers: string[];
  /** 实际处理人: who acted (a deputy, a hand-down), or null when the step closed otherwise. */
  actualHandler: string | null;
  /** The principal the actual handler acted for, under delegation. */
  onBehalfOf: string | null;
  /** The event that completed the step. */
  event: string | null;
  /** 到达时间 */
  arrivedAt: Date;
  /** 签收时间: when an assignee first opened the task. */
  openedAt: Date | null;
  /** 处理时间 */
  doneAt: Date | null;
  dueAt: Date | null;
  /** Done after its due time, or still open past it at `now`. */
  overdue: boolean;
}

/**
 * The 流程统计 of a case from its tasks (`engine.tasks(caseId)`), oldest first: each node's
 * name, 定义处理人 (candidates), 实际处理人 (and for whom), 签收时间 (first opened) and 处理时间.
 * Workflow-neutral: it reads only the task rows the engine keeps for every workflow.
 */
export function flowStatistics(tasks: readonly TaskRecord[], now: Date): FlowStatisticsLine[] {
  return [...tasks]
    .filter((t) => t.kind !== 'remind')
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.doneAt?.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.doneAt?.getTime() ?? Number.POSITIVE_INFINITY),
    )
    .map((t) => ({
      node: t.label,
      key: t.key,
      kind: t.kind,
      definedHandlers: [...t.candidates],
      actualHandler: t.doneBy,
      onBehalfOf: t.doneOnBehalfOf,
      event: t.doneEvent,
      arrivedAt: t.createdAt,
      openedAt: t.openedAt,
      doneAt: t.doneAt,
      dueAt: t.dueAt,
      overdue: t.dueAt !== null && (t.doneAt ?? now).getTime() > t.dueAt.getTime(),
    }));
}
