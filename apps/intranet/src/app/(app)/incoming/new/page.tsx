import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { RegisterView } from '~/components/incoming/register-view';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '签收登记' };

/** 签收登记: only the secretariat registers incoming documents (the engine checks it too). */
export default async function RegisterPage() {
  const user = await requireUser();
  if (!user.roles.includes('secretary')) {
    return <Forbidden reason="只有文秘（秘书科）可以签收登记收文。" />;
  }
  return <RegisterView />;
}
