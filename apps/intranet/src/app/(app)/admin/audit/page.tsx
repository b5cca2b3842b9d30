import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import { requireUser } from '~/server/session';
import { AuditView } from './audit-view';

export const metadata: Metadata = { title: '审计日志' };

export default async function AuditPage() {
  const user = await requireUser();
  if (!mayOpen(user, 'admin')) return <Forbidden reason={`${REFUSALS.admin}。`} />;
  return <AuditView />;
}
