import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { MeetingView } from '~/components/meeting/meeting-view';
import { requireCaseAccess } from '~/server/services/cases/require-case-access';
import { MEETING_CASE } from '~/server/services/meeting/access';

export const metadata: Metadata = { title: '会议' };
export const dynamic = 'force-dynamic';

/** The meeting page; the server refuses (无权访问) users with no part in the meeting. */
export default async function MeetingPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { user, caseId, refusal } = await requireCaseAccess(MEETING_CASE, (await params).caseId);
  if (refusal) return <Forbidden reason={refusal} />;
  return <MeetingView caseId={caseId} me={user.id} />;
}
