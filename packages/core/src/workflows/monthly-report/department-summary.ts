import type { Department } from '../../directory/model.ts';

/** Where a department stands with its report of a month (部门汇总). */
export type MonthlyReportStanding = 'missing' | 'submitted' | 'registered' | 'archived';

/** Chinese names of the standings: 未报, 已报, 已登记, 已归档. */
export const MONTHLY_REPORT_STANDING_LABELS: Readonly<Record<MonthlyReportStanding, string>> = {
  missing: '未报',
  submitted: '已报',
  registered: '已登记',
  archived: '已归档',
};

/** The standing of a report in a state: a draft or a returned report is not yet 报. */
export function standingOf(state: string | null): MonthlyReportStanding {
  if (state === 'submitted') return 'submitted';
  if (state === 'registered') return 'registered';
  if (state === 'archived') return 'archived';
  return 'missing';
}

/** One department's line of the 部门汇总. */
export interface DepartmentSummaryLine {
  departmentId: string;
  departmentName: string;
  standing: MonthlyReportStanding;
  /** The department's report of the month (a draft, a returned one too), or null. */
  caseId: string | null;
  state: string | null;
  submittedAt: string | null;
}

/**
 * The 部门汇总 of one month: every department of the unit in its order, with where its report
 * stands and which case it is. `reports` are that month's cases (header fields suffice).
 */
export function departmentSummary(
  departments: readonly Pick<Department, 'id' | 'name' | 'sort'>[],
  reports: ReadonlyArray<{ id: string; state: string; fields: Record<string, unknown> }>,
): DepartmentSummaryLine[] {
  const byDepartment = new Map(reports.map((r) => [String(r.fields.departmentId), r]));
  return [...departments]
    .sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id))
    .map((d) => {
      const r = byDepartment.get(d.id);
      const submittedAt = r?.fields.submittedAt;
      return {
        departmentId: d.id,
        departmentName: d.name,
        standing: standingOf(r?.state ?? null),
        caseId: r?.id ?? null,
        state: r?.state ?? null,
        submittedAt: typeof submittedAt === 'string' ? submittedAt : null,
      };
    });
}
