import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import { requireUser } from '~/server/session';
import { OrgAdmin } from './org-admin';

export const metadata: Metadata = { title: '组织机构与用户' };

export default async function OrgPage() {
  const user = await requireUser();
  if (!mayOpen(user, 'admin')) return <Forbidden reason={`${REFUSALS.admin}。`} />;
  return <OrgAdmin currentUserId={user.id} />;
}
