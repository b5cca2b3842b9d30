import { isGongwenError } from '@gongwen/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '~/components/forbidden';
import { ReportView } from '~/components/report/report-view';
import { getApp } from '~/server/app';
import { loadReport } from '~/server/services/report/access';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '报告审批' };
export const dynamic = 'force-dynamic';

/** The report page; the server refuses (无权访问) users with no part in the report. */
export default async function ReportPage({ params }: { params: Promise<{ caseId: string }> }) {
  const caseId = decodeURIComponent((await params).caseId);
  const user = await requireUser();
  try {
    await loadReport(await getApp(), user, caseId);
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return <Forbidden reason={e.message} />;
    if (isGongwenError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  return <ReportView caseId={caseId} />;
}
