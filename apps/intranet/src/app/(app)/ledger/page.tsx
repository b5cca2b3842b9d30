import type { Metadata } from 'next';
import { requireUser } from '~/server/session';
import { LedgerView } from './ledger-view';

export const metadata: Metadata = { title: '流程台帐' };

export default async function LedgerPage() {
  const user = await requireUser();
  // the user's id keys the columns they chose to show (列设置)
  return <LedgerView userId={user.id} />;
}
