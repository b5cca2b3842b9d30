import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { OutgoingCaseView } from '~/components/outgoing/outgoing-case-view';
import { requireCaseAccess } from '~/server/services/cases/require-case-access';
import { OUTGOING_CASE } from '~/server/services/outgoing/access';

export const metadata: Metadata = { title: '发文办理' };
export const dynamic = 'force-dynamic';

/** The 发文 case page; the server refuses (无权访问) users with no part in the case. */
export default async function OutgoingCasePage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const { caseId, refusal } = await requireCaseAccess(OUTGOING_CASE, (await params).caseId);
  if (refusal) return <Forbidden reason={refusal} />;
  return <OutgoingCaseView caseId={caseId} />;
}
