import type { Metadata } from 'next';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: '待办' };

export default function InboxPage() {
  return <InboxView />;
}
