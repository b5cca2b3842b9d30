import { auditAccess } from '~/server/services/audit/audit-access';
import { asUser, pdfResponse, plain } from '~/server/services/outgoing/http';
import { readSealedPdf } from '~/server/services/outgoing/seal-outgoing';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/outgoing/<caseId>/sealed: downloads the sealed PDF (`?inline=1` to view it). */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const inline = new URL(req.url).searchParams.get('inline') === '1';
  return asUser(req, async (app, user) => {
    const sealed = await readSealedPdf(app, user, caseId);
    if (!sealed) return plain(404, '该发文尚未盖章');
    await auditAccess(app, user, req, {
      action: 'document.download',
      target: caseId,
      detail: { file: 'sealed', inline },
    });
    return pdfResponse(sealed.pdf, inline ? 'inline' : 'attachment', sealed.fileName, 'sealed.pdf');
  });
}
