import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { refusalOfCurrentPage } from '~/server/auth/page-guard';
import { getCurrentUser } from '~/server/session';

export const metadata: Metadata = { title: '无权访问' };

/** What `forbidden()` renders, with HTTP 403: 无权访问 and, when known, why. */
export default async function ForbiddenPage() {
  const reason = await refusalOfCurrentPage(await getCurrentUser());
  return <Forbidden {...(reason ? { reason } : {})} />;
}
