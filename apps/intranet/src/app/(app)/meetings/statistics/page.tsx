import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { MeetingReportStatistics } from '~/components/meeting/meeting-report-statistics';
import { canSeeStatistics } from '~/server/services/statistics/statistics-access';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '会议与报告统计' };
export const dynamic = 'force-dynamic';

export default async function MeetingStatisticsPage() {
  const user = await requireUser();
  if (!canSeeStatistics(user)) return <Forbidden reason="统计分析仅对领导、办公室主任和文秘开放" />;
  return <MeetingReportStatistics />;
}
