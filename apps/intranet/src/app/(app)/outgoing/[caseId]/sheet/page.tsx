import type { Metadata } from 'next';
import { Forbidden } from '~/components/forbidden';
import { SheetView } from '~/components/outgoing/sheet-view';
import { getApp } from '~/server/app';
import { caseIdOf } from '~/server/services/cases/case-verdict';
import { refusalOf } from '~/server/services/cases/require-case-access';
import { buildOutgoingSheet } from '~/server/services/outgoing/processing-sheet';
import { requireUser } from '~/server/session';

export const metadata: Metadata = { title: '发文稿纸' };
export const dynamic = 'force-dynamic';

/** 发文稿纸 print view (the PDF is /api/outgoing/<caseId>/sheet). */
export default async function OutgoingSheetPage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const caseId = caseIdOf((await params).caseId);
  const user = await requireUser();
  const app = await getApp();
  let sheet: Awaited<ReturnType<typeof buildOutgoingSheet>> | undefined;
  const refusal = await refusalOf(async () => {
    sheet = await buildOutgoingSheet(app, user, caseId);
  });
  if (refusal || !sheet) return <Forbidden reason={refusal ?? ''} />;
  return <SheetView sheet={sheet} />;
}
