import type { Metadata } from 'next';
import { RoomsView } from '~/components/meeting/rooms-view';

export const metadata: Metadata = { title: '会议室' };

export default function RoomsPage() {
  return <RoomsView />;
}
