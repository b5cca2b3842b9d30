import { getApp } from '~/server/app';
import { auditAccess } from '~/server/services/audit/audit-access';
import { readBlobFor } from '~/server/services/incoming/attachments';
import { contentDisposition, errorResponse } from '~/server/services/incoming/http-errors';
import { getCurrentUser } from '~/server/session';

export const dynamic = 'force-dynamic';

/**
 * Downloads an attachment when the signed-in user may see the case that owns it (checked on
 * the server by the workflow's visibility rules), or uploaded it and no case uses it yet.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ key: string }> },
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: 'UNAUTHORIZED', message: '请先登录' }, { status: 401 });
  const { key } = await params;
  try {
    const app = await getApp();
    const blob = await readBlobFor(app, user, key);
    const inline = new URL(request.url).searchParams.get('inline') === '1';
    await auditAccess(app, user, request, {
      action: 'document.download',
      target: key,
      detail: { name: blob.name, inline },
    });
    return new Response(Buffer.from(blob.bytes), {
      headers: {
        'Content-Type': blob.contentType,
        'Content-Length': String(blob.bytes.byteLength),
        'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', blob.name),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
