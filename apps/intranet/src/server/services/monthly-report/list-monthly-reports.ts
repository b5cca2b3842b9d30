import { MONTHLY_REPORT_STATE_LABELS, MONTHLY_REPORT_WORKFLOW } from '@gongwen/core';
import { z } from 'zod';
import { ZMonthlyReportList } from '~/lib/schemas/monthly-report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadNames } from '~/server/services/cases/names';
import { caseListsOf } from '~/server/services/tasks/case-lists';
import { monthlyReportListAccess } from './case-kind';

/** The list's input: the filters and a page, newest month first. */
export const ZMonthlyReportListPage = ZMonthlyReportList.extend({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** One line of the 工作月报 list. */
export interface MonthlyReportListLine {
  id: string;
  month: string;
  departmentName: string;
  authorName: string;
  state: string;
  stateLabel: string;
  submittedAt: string | null;
}

/**
 * A page of the 工作月报 the user may see (the office and leaders: every department's; anyone
 * else: their department's), filtered by 月份/部门/状态 in the database, newest month first.
 */
export async function listMonthlyReports(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMonthlyReportListPage>,
): Promise<{ items: MonthlyReportListLine[]; total: number; nextCursor: string | null }> {
  const access = monthlyReportListAccess(user);
  const [page, names] = await Promise.all([
    caseListsOf(app).cases({
      unitId: user.unitId,
      workflow: MONTHLY_REPORT_WORKFLOW,
      ...(access && { access }),
      fields: {
        ...(input.month && { month: input.month }),
        ...(input.departmentId && { departmentId: input.departmentId }),
      },
      ...(input.state && { states: [input.state] }),
      columns: 'header',
      sort: { by: { field: 'month' }, dir: 'desc' },
      limit: input.limit,
      cursor: input.cursor ?? null,
    }),
    loadNames(app, user.unitId),
  ]);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((c) => ({
      id: c.id,
      month: String(c.fields.month),
      departmentName: names.department(text(c.fields.departmentId)),
      authorName: names.user(c.startedBy),
      state: c.state,
      stateLabel: MONTHLY_REPORT_STATE_LABELS[c.state] ?? c.state,
      submittedAt: text(c.fields.submittedAt),
    })),
  };
}
