import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { MonthlyReportView } from '~/components/monthly-report/monthly-report-view';
import { requireCaseAccess } from '~/server/services/cases/require-case-access';
import { MONTHLY_REPORT_CASE } from '~/server/services/monthly-report/case-kind';

export const metadata: Metadata = { title: '工作月报' };
export const dynamic = 'force-dynamic';

/** The 工作月报 page; the server refuses (无权访问) users of other departments. */
export default async function MonthlyReportPage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const { caseId, refusal } = await requireCaseAccess(MONTHLY_REPORT_CASE, (await params).caseId);
  if (refusal) return <Forbidden reason={refusal} />;
  return <MonthlyReportView caseId={caseId} />;
}
