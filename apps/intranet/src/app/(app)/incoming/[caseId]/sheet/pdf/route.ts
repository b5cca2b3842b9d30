import { getApp } from '~/server/app';
import { auditAccess } from '~/server/services/audit/audit-access';
import { contentDisposition, errorResponse } from '~/server/services/incoming/http-errors';
import { buildIncomingSheet } from '~/server/services/incoming/processing-sheet';
import {
  formatSheetTime,
  renderProcessingSheet,
} from '~/server/services/sheets/render-processing-sheet';
import { getCurrentUser } from '~/server/session';

export const dynamic = 'force-dynamic';

/** The 收文处理笺 as an A4 PDF (CJK font subset, handwriting as vector paths). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ caseId: string }> },
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: 'UNAUTHORIZED', message: '请先登录' }, { status: 401 });
  const { caseId } = await params;
  try {
    const app = await getApp();
    const sheet = await buildIncomingSheet(app, user, decodeURIComponent(caseId));
    const pdf = await renderProcessingSheet({
      ...sheet,
      footer: `打印人：${user.name}　打印时间：${formatSheetTime(app.clock.now())}`,
    });
    await auditAccess(app, user, request, {
      action: 'document.download',
      target: decodeURIComponent(caseId),
      detail: { file: 'sheet', inline: true },
    });
    const serial = sheet.fields.find(([l]) => l === '收文编号')?.[1] ?? '';
    return new Response(Buffer.from(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(
          'inline',
          `收文处理笺${serial ? `-${serial}` : ''}.pdf`,
        ),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
