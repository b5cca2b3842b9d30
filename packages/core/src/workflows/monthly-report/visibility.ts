import type { User } from '../../directory/model.ts';
import type { VisibilityRule } from '../../workflow/visibility.ts';
import { forViewerAndPrincipals, seeAll, seeNothing } from '../../workflow/visibility.ts';
import { SEE_ALL_ROLES } from '../shared/department-visibility.ts';

/**
 * Whether a user may see a department's monthly report: leaders, the office director and the
 * secretariat see every department's; anyone else their own department's (and the drafter
 * their own report, should they have moved since).
 */
export function canViewMonthlyReport(
  viewer: Pick<User, 'id' | 'unitId' | 'departmentId' | 'roles' | 'active'>,
  report: { unitId: string; departmentId: string; author: string },
): boolean {
  if (!viewer.active || viewer.unitId !== report.unitId) return false;
  if (viewer.roles.some((r) => SEE_ALL_ROLES.includes(r))) return true;
  return viewer.departmentId === report.departmentId || viewer.id === report.author;
}

/** The 工作月报 visibility rule for `engine.view`: all of a report or nothing (`canViewMonthlyReport`). */
export const monthlyReportVisibility: VisibilityRule = forViewerAndPrincipals(async (args) => {
  const viewer = await args.directory.getUser(args.viewerId);
  const ctx = (args.caseRecord.snapshot as { context: { departmentId: string; author: string } })
    .context;
  const report = { unitId: args.caseRecord.unitId, ...ctx };
  return viewer && canViewMonthlyReport(viewer, report) ? seeAll(args) : seeNothing();
});
