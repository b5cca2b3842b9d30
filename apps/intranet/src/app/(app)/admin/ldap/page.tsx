import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import { requireUser } from '~/server/session';
import { LdapSyncView } from './ldap-sync-view';

export const metadata: Metadata = { title: 'LDAP 目录同步' };

export default async function LdapSyncPage() {
  const user = await requireUser();
  if (!mayOpen(user, 'admin')) return <Forbidden reason={`${REFUSALS.admin}。`} />;
  return <LdapSyncView />;
}
