import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { MonthlyReportForm } from '~/components/monthly-report/monthly-report-form';
import { getApp } from '~/server/app';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '新建工作月报' };
export const dynamic = 'force-dynamic';

/** 新建工作月报, for the user's own department. */
export default async function NewMonthlyReportPage() {
  const user = await requireUser();
  if (!user.departmentId) return <Forbidden reason="您不属于任何部门，不能拟写工作月报" />;
  const department = await (await getApp()).directory.getDepartment(user.departmentId);
  return (
    <MonthlyReportForm
      departmentId={user.departmentId}
      departmentName={department?.name ?? user.departmentId}
    />
  );
}
