import { REPORT_STATE_LABELS, reportProgress } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app';
import { allReportCases, reportContextOf, takesPartInReport } from './access';

/** One line of the report list. */
export interface ReportListLine {
  id: string;
  kind: string;
  title: string;
  author: string;
  state: string;
  stateLabel: string;
  /** Who has it now. */
  holders: string[];
  createdAt: string;
  submittedAt: string | null;
  /** The user must act on it now (审批 or 修改). */
  mine: boolean;
}

/** The reports the user takes part in (or may act on as a deputy), newest first. */
export async function listReports(
  app: AppServices,
  user: SessionUser,
  scope: 'all' | 'mine' | 'toApprove',
): Promise<ReportListLine[]> {
  const inbox = await app.engine.inbox({ actorId: user.id, workflow: 'report', limit: 200 });
  const open = new Set(inbox.items.map((i) => i.task.caseId));
  const out: ReportListLine[] = [];
  for (const c of await allReportCases(app.store, user.unitId)) {
    const ctx = reportContextOf(c);
    if (!takesPartInReport(user.id, ctx) && !open.has(c.id)) continue;
    if (scope === 'mine' && ctx.author !== user.id) continue;
    if (scope === 'toApprove' && (ctx.author === user.id || !open.has(c.id))) continue;
    const p = reportProgress(c);
    out.push({
      id: c.id,
      kind: ctx.report.kind,
      title: ctx.report.title,
      author: ctx.author,
      state: c.state,
      stateLabel: REPORT_STATE_LABELS[c.state] ?? c.state,
      holders: p.holders.map((h) => h.userId),
      createdAt: ctx.createdAt,
      submittedAt: ctx.submittedAt,
      mine: open.has(c.id),
    });
  }
  return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
