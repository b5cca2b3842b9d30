import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { DocNumbersView } from '~/components/outgoing/doc-numbers-view';
import { maySeeDocNumberHistory } from '~/server/services/outgoing/doc-number-history';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '文号使用记录' };
export const dynamic = 'force-dynamic';

/** 文号使用记录: for the secretariat and administrators only (checked on the server). */
export default async function DocNumbersPage() {
  const user = await requireUser();
  if (!maySeeDocNumberHistory(user))
    return <Forbidden reason="文号使用记录仅限文秘和系统管理员查看。" />;
  return <DocNumbersView />;
}
