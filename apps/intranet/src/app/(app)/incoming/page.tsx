import type { Metadata } from 'next';
import { IncomingList } from '~/components/incoming/incoming-list';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '收文' };

/** 收文 list: the unit's incoming documents this user may see. */
export default async function IncomingPage() {
  const user = await requireUser();
  return <IncomingList canRegister={user.roles.includes('secretary')} />;
}
