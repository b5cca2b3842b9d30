import {
  type DepartmentSummaryLine,
  departmentSummary,
  MONTHLY_REPORT_STANDING_LABELS,
  MONTHLY_REPORT_WORKFLOW,
  NotPermitted,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf } from '~/server/services/tasks/case-lists';
import { seesAllMonthlyReports } from './case-kind';

/**
 * 部门汇总 of one month: every department of the unit and where its report stands (未报, 已报,
 * 已登记, 已归档), for leaders, the office director and the secretariat.
 */
export async function getDepartmentSummary(
  app: AppServices,
  user: SessionUser,
  month: string,
): Promise<Array<DepartmentSummaryLine & { standingLabel: string }>> {
  if (!seesAllMonthlyReports(user))
    throw new NotPermitted('无权查看部门汇总：仅领导、办公室和秘书可以查看', { month });
  const [departments, page] = await Promise.all([
    app.directory.listDepartments(user.unitId),
    caseListsOf(app).cases({
      unitId: user.unitId,
      workflow: MONTHLY_REPORT_WORKFLOW,
      fields: { month },
      columns: 'header',
      limit: 500,
    }),
  ]);
  return departmentSummary(departments, page.items).map((line) => ({
    ...line,
    standingLabel: MONTHLY_REPORT_STANDING_LABELS[line.standing],
  }));
}
