import type { Metadata } from 'next';
import { MonthlyReportsView } from '~/components/monthly-report/monthly-reports-view';
import { seesAllMonthlyReports } from '~/server/services/monthly-report/case-kind';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '工作月报' };
export const dynamic = 'force-dynamic';

export default async function MonthlyReportsPage() {
  const user = await requireUser();
  return <MonthlyReportsView seesAll={seesAllMonthlyReports(user)} />;
}
