import type { Metadata } from 'next';
import { MeetingsView } from '~/components/meeting/meetings-view';

export const metadata: Metadata = { title: '会议管理' };

export default function MeetingsPage() {
  return <MeetingsView />;
}
