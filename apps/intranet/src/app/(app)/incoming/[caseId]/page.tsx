import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { IncomingCaseView } from '~/components/incoming/incoming-case-view';
import { requireCaseAccess } from '~/server/services/cases/require-case-access';
import { INCOMING_CASE } from '~/server/services/incoming/access';

export const metadata: Metadata = { title: '收文办理' };

/** A 收文 case. Users with no part in it get 无权访问, decided here on the server. */
export default async function IncomingCasePage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const { caseId, refusal } = await requireCaseAccess(INCOMING_CASE, (await params).caseId);
  if (refusal) return <Forbidden reason={refusal} />;
  return <IncomingCaseView caseId={caseId} />;
}
