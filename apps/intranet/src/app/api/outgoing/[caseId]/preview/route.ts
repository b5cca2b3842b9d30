import { auditAccess } from '~/server/services/audit/audit-access';
import { asUser, pdfResponse } from '~/server/services/outgoing/http';
import { renderOutgoingPreview } from '~/server/services/outgoing/render-outgoing-preview';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/outgoing/<caseId>/preview: the GB/T 9704 PDF of the case (the sealed one once
 * sealed), inline, for users who may see the case.
 */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return asUser(req, async (app, user) => {
    const preview = await renderOutgoingPreview(app, user, caseId);
    await auditAccess(app, user, req, {
      action: 'document.download',
      target: caseId,
      detail: { file: 'preview', source: preview.source, inline: true },
    });
    const res = pdfResponse(preview.pdf, 'inline', preview.fileName, 'preview.pdf');
    res.headers.set('x-gongwen-preview', preview.source);
    return res;
  });
}
