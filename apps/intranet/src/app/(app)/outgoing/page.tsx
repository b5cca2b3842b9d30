import type { Metadata } from 'next';
import { OutgoingList } from '~/components/outgoing/outgoing-list';

export const metadata: Metadata = { title: '发文' };

export default function OutgoingPage() {
  return <OutgoingList />;
}
