import { createCaseLists } from '@gongwen/adapters';
import {
  type CaseAccess,
  REPORT_STATE_LABELS,
  REPORT_WORKFLOW,
  reportProgress,
} from '@gongwen/core';
import { z } from 'zod';
import { ZReportList } from '~/lib/schemas/report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { reportActorsOf, reportContextOf, reportListAccess } from './access';

/** The report list's input: which reports, and a page of them, newest first. */
export const ZReportListPage = ZReportList.extend({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

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

/**
 * A page of the reports the user takes part in (or may act on as a deputy), newest first:
 * `all` of them, the ones they wrote (`mine`), or those waiting for them and written by
 * someone else (`toApprove`), with the total and the cursor of the next page.
 */
export async function listReports(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZReportListPage>,
): Promise<{ items: ReportListLine[]; total: number; nextCursor: string | null }> {
  const actors = await reportActorsOf(app, user);
  const author: CaseAccess = { snapshot: ['context', 'author'], has: [user.id] };
  const access: CaseAccess =
    input.scope === 'mine'
      ? author
      : input.scope === 'toApprove'
        ? { allOf: [{ openTasks: actors }, { not: author }] }
        : reportListAccess(user.id, actors);
  const page = await createCaseLists(app.store.kysely).cases({
    unitId: user.unitId,
    workflow: REPORT_WORKFLOW,
    access,
    sort: { by: 'createdAt', dir: 'desc' },
    limit: input.limit,
    cursor: input.cursor ?? null,
  });
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((c) => {
      const ctx = reportContextOf(c);
      const p = reportProgress(c);
      return {
        id: c.id,
        kind: ctx.report.kind,
        title: ctx.report.title,
        author: ctx.author,
        state: c.state,
        stateLabel: REPORT_STATE_LABELS[c.state] ?? c.state,
        holders: p.holders.map((h) => h.userId),
        createdAt: ctx.createdAt,
        submittedAt: ctx.submittedAt,
        mine: c.assignments.some((a) => a.candidates.some((x) => actors.includes(x))),
      };
    }),
  };
}
