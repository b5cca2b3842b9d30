import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { DepartmentSummaryView } from '~/components/monthly-report/department-summary-view';
import { seesAllMonthlyReports } from '~/server/services/monthly-report/case-kind';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '工作月报 · 部门汇总' };
export const dynamic = 'force-dynamic';

/** 部门汇总 (leaders, the office director, the secretariat). */
export default async function MonthlySummaryPage() {
  const user = await requireUser();
  if (!seesAllMonthlyReports(user))
    return <Forbidden reason="无权查看部门汇总：仅领导、办公室和秘书可以查看" />;
  return <DepartmentSummaryView />;
}
