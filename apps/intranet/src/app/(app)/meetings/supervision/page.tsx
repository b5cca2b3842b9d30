import type { Metadata } from 'next';
import { SupervisionView } from '~/components/meeting/supervision-view';

export const metadata: Metadata = { title: '决议督办' };

export default function SupervisionPage() {
  return <SupervisionView />;
}
