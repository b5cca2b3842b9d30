import { reportProgress } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { actionsNow } from '~/server/services/cases/case-actions';
import { loadCase } from '~/server/services/cases/load-case';
import { ledgerLines } from '~/server/services/cases/timeline';
import { REPORT_CASE } from './access';

/**
 * The report page: the report, its live progress (who has it, since when, who approved), the
 * flow and the events this user may send now. Polled by the page.
 */
export async function getReport(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadCase(app, user, caseId, REPORT_CASE);
  const { caseRecord: c, ctx } = access;
  return {
    id: c.id,
    rev: c.rev,
    state: c.state,
    author: ctx.author,
    createdAt: ctx.createdAt,
    report: ctx.report,
    approvers: ctx.approvers,
    mode: ctx.mode,
    parallelRule: ctx.parallelRule,
    progress: reportProgress(c),
    timeline: ledgerLines(access.ledger).map((line, i) => {
      const note = access.ledger[i]?.fields.note;
      return { ...line, note: typeof note === 'string' ? note : null };
    }),
    actions: await actionsNow(app, user, caseId),
  };
}
