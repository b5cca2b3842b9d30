import { isGongwenError } from '@gongwen/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '~/components/forbidden';
import { getApp } from '~/server/app';
import { buildOutgoingSheet } from '~/server/services/outgoing/processing-sheet';
import { requireUser } from '~/server/session';
import { SheetView } from './sheet-view';

export const metadata: Metadata = { title: '发文稿纸' };
export const dynamic = 'force-dynamic';

/** 发文稿纸 print view (the PDF is /api/outgoing/<caseId>/sheet). */
export default async function OutgoingSheetPage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  const caseId = decodeURIComponent((await params).caseId);
  const user = await requireUser();
  const app = await getApp();
  try {
    const sheet = await buildOutgoingSheet(app, user, caseId);
    return <SheetView sheet={sheet} />;
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return <Forbidden reason={e.message} />;
    if (isGongwenError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
