import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { ReportView } from '~/components/report/report-view';
import { requireCaseAccess } from '~/server/services/cases/require-case-access';
import { REPORT_CASE } from '~/server/services/report/access';

export const metadata: Metadata = { title: '报告审批' };
export const dynamic = 'force-dynamic';

/** The report page; the server refuses (无权访问) users with no part in the report. */
export default async function ReportPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId, refusal } = await requireCaseAccess(REPORT_CASE, (await params).caseId);
  if (refusal) return <Forbidden reason={refusal} />;
  return <ReportView caseId={caseId} />;
}
