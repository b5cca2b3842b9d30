import type { Metadata } from 'next';
import { DoneView } from './done-view';

export const metadata: Metadata = { title: '已办' };

export default function DonePage() {
  return <DoneView />;
}
