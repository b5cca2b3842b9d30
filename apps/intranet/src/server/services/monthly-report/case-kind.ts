import {
  type CaseAccess,
  type CaseRecord,
  canViewMonthlyReport,
  MONTHLY_REPORT_WORKFLOW,
  type MonthlyReportContext,
  SEE_ALL_ROLES,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import { type CaseKind, contextOf, refusalsOf } from '~/server/services/cases/case-kind';

/** The machine context of a 工作月报 case. */
export function monthlyReportContextOf(c: Pick<CaseRecord, 'snapshot'>): MonthlyReportContext {
  return contextOf<MonthlyReportContext>(c);
}

/** Whether `user` may see a report (the core's rule: its department, the office, leaders). */
export function userSeesMonthlyReport(user: SessionUser, c: CaseRecord): boolean {
  const ctx = monthlyReportContextOf(c);
  return canViewMonthlyReport(
    { ...user, departmentId: user.departmentId ?? '', active: true },
    { unitId: c.unitId, departmentId: ctx.departmentId, author: ctx.author },
  );
}

/** 工作月报 on the shared case path: all of a report, or nothing (`canViewMonthlyReport`). */
export const MONTHLY_REPORT_CASE: CaseKind<MonthlyReportContext> = {
  workflow: MONTHLY_REPORT_WORKFLOW,
  ...refusalsOf('工作月报'),
  async visibility({ user, caseRecord, ledger, tasks }) {
    if (!userSeesMonthlyReport(user, caseRecord)) return null;
    return { scope: 'all', ledger, tasks, ctx: monthlyReportContextOf(caseRecord) };
  },
};

/** Whether `user` sees every department's reports (leaders, the office director, the secretariat). */
export function seesAllMonthlyReports(user: SessionUser): boolean {
  return user.roles.some((r) => SEE_ALL_ROLES.includes(r));
}

/**
 * The same rule as a `CaseLists` access predicate: none for those who see all, else the
 * reports of their department and those they drafted.
 */
export function monthlyReportListAccess(user: SessionUser): CaseAccess | undefined {
  if (seesAllMonthlyReports(user)) return undefined;
  return {
    anyOf: [
      { field: 'departmentId', in: user.departmentId ? [user.departmentId] : [] },
      { startedBy: [user.id] },
    ],
  };
}
