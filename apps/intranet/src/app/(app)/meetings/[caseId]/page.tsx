import { isGongwenError } from '@gongwen/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '~/components/forbidden';
import { MeetingView } from '~/components/meeting/meeting-view';
import { getApp } from '~/server/app';
import { loadMeeting } from '~/server/services/meeting/access';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '会议' };
export const dynamic = 'force-dynamic';

/** The meeting page; the server refuses (无权访问) users with no part in the meeting. */
export default async function MeetingPage({ params }: { params: Promise<{ caseId: string }> }) {
  const caseId = decodeURIComponent((await params).caseId);
  const user = await requireUser();
  try {
    await loadMeeting(await getApp(), user, caseId);
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return <Forbidden reason={e.message} />;
    if (isGongwenError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  return <MeetingView caseId={caseId} me={user.id} />;
}
