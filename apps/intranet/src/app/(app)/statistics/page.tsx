import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { canSeeStatistics } from '~/server/services/statistics/statistics-access';
import { requireUser } from '~/server/session';
import { StatisticsView } from './statistics-view';

export const metadata: Metadata = { title: '统计' };

export default async function StatisticsPage() {
  const user = await requireUser();
  if (!canSeeStatistics(user)) {
    return <Forbidden reason="统计分析仅对领导、办公室主任和文秘开放。" />;
  }
  return <StatisticsView />;
}
