import { auditAccess } from '~/server/services/audit/audit-access';
import { asUser, pdfResponse } from '~/server/services/outgoing/http';
import { buildOutgoingSheet } from '~/server/services/outgoing/processing-sheet';
import { renderProcessingSheet } from '~/server/services/sheets/render-processing-sheet';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/outgoing/<caseId>/sheet: the 发文稿纸 as PDF (`?download=1` to save it). */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const download = new URL(req.url).searchParams.get('download') === '1';
  return asUser(req, async (app, user) => {
    const sheet = await buildOutgoingSheet(app, user, caseId);
    const pdf = await renderProcessingSheet(sheet);
    await auditAccess(app, user, req, {
      action: 'document.download',
      target: caseId,
      detail: { file: 'sheet', inline: !download },
    });
    return pdfResponse(
      pdf,
      download ? 'attachment' : 'inline',
      `发文稿纸-${sheet.fields[1]?.[1] ?? caseId}.pdf`,
      'sheet.pdf',
    );
  });
}
