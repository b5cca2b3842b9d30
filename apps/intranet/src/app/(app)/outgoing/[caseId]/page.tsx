import { isGongwenError } from '@gongwen/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '~/components/forbidden';
import { getApp } from '~/server/app';
import { loadOutgoingAccess } from '~/server/services/outgoing/access';
import { requireUser } from '~/server/session';
import { CaseView } from './case-view';

export const metadata: Metadata = { title: '发文办理' };
export const dynamic = 'force-dynamic';

/** The 发文 case page; the server refuses (无权访问) users with no part in the case. */
export default async function OutgoingCasePage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const { caseId } = await params;
  const user = await requireUser();
  const app = await getApp();
  try {
    await loadOutgoingAccess(app, user, decodeURIComponent(caseId));
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return <Forbidden reason={e.message} />;
    if (isGongwenError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  return <CaseView caseId={decodeURIComponent(caseId)} />;
}
