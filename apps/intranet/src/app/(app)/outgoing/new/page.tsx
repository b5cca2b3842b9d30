import type { Metadata } from 'next';
import { NewDraft } from '~/components/outgoing/new-draft';

export const metadata: Metadata = { title: '拟稿' };

export default function NewDraftPage() {
  return <NewDraft />;
}
