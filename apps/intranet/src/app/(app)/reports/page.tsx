import type { Metadata } from 'next';
import { ReportsView } from '~/components/report/reports-view';

export const metadata: Metadata = { title: '报告审批' };

export default function ReportsPage() {
  return <ReportsView />;
}
