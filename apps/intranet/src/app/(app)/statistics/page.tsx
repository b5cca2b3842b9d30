import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import { requireUser } from '~/server/session';
import { StatisticsView } from './statistics-view';

export const metadata: Metadata = { title: '统计' };

export default async function StatisticsPage() {
  const user = await requireUser();
  if (!mayOpen(user, 'statistics')) return <Forbidden reason={`${REFUSALS.statistics}。`} />;
  return <StatisticsView />;
}
