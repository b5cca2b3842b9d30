import type { Metadata } from 'next';
import { ReportForm } from '~/components/report/report-form';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '新建报告' };
export const dynamic = 'force-dynamic';

export default async function NewReportPage() {
  const user = await requireUser();
  return <ReportForm me={user.id} />;
}
