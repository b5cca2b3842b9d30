import type { Metadata } from 'next';
import { LedgerView } from './ledger-view';

export const metadata: Metadata = { title: '流程台帐' };

export default function LedgerPage() {
  return <LedgerView />;
}
