import type { CaseRecord, Store } from '../../ports/store.ts';
import { REPORT_WORKFLOW } from './definition.ts';
import type { ReportContext } from './machine.ts';

/** 报告审批 statistics of a unit over a period. */
export interface ReportStatistics {
  total: number;
  /** Cases per state: drafting, approving, revising, approved, rejected, withdrawn. */
  byStatus: Record<string, number>;
  /** Cases per 文种 (请示, 报告, 申请). */
  byKind: Record<string, number>;
  /** Mean hours from the first 送审 to 审批通过, over approved reports (null when none). */
  averageApprovalHours: number | null;
  /** Mean hours an approver held a report before deciding, over every decision (null when none). */
  averageDecisionHours: number | null;
  /** Per approver: decisions and their mean hours. */
  approvers: Array<{ approverId: string; decisions: number; averageHours: number }>;
}

const HOUR = 3_600_000;
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * 报告审批统计 for cases created in [from, to): counts by status and kind, the average time
 * to approval, and how long approvers hold reports (from when it reached them to their decision).
 */
export async function reportStatistics(args: {
  store: Store;
  unitId: string;
  from: Date;
  to: Date;
}): Promise<ReportStatistics> {
  const cases: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await args.store.listCases({
      unitId: args.unitId,
      workflow: REPORT_WORKFLOW,
      createdFrom: args.from,
      createdTo: args.to,
      limit: 200,
      offset,
    });
    cases.push(...page.items);
    if (page.items.length < 200) break;
  }
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const approval: number[] = [];
  const decisions: number[] = [];
  const perApprover = new Map<string, number[]>();
  for (const c of cases) {
    byStatus[c.state] = (byStatus[c.state] ?? 0) + 1;
    const ctx = (c.snapshot as { context: ReportContext }).context;
    byKind[ctx.report.kind] = (byKind[ctx.report.kind] ?? 0) + 1;
    if (ctx.outcome === 'approved' && ctx.submittedAt && ctx.finishedAt)
      approval.push((Date.parse(ctx.finishedAt) - Date.parse(ctx.submittedAt)) / HOUR);
    // An approver holds it from the round's start (parallel) or the previous decision of the
    // round (sequence) until their own decision.
    const turnFrom = new Map<number, string>();
    for (const d of ctx.decisions) {
      const start = turnFrom.get(d.round) ?? ctx.roundStarts[d.round - 1] ?? ctx.createdAt;
      const hours = (Date.parse(d.at) - Date.parse(start)) / HOUR;
      decisions.push(hours);
      const list = perApprover.get(d.approver) ?? [];
      list.push(hours);
      perApprover.set(d.approver, list);
      if (ctx.mode === 'sequence') turnFrom.set(d.round, d.at);
    }
  }
  return {
    total: cases.length,
    byStatus,
    byKind,
    averageApprovalHours: mean(approval),
    averageDecisionHours: mean(decisions),
    approvers: [...perApprover.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([approverId, hs]) => ({
        approverId,
        decisions: hs.length,
        averageHours: mean(hs) ?? 0,
      })),
  };
}
