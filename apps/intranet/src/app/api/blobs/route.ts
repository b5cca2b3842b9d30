import { ATTACHMENT_MAX_BYTES } from '~/lib/schemas/incoming';
import { getApp } from '~/server/app';
import { uploadAttachment } from '~/server/services/incoming/attachments';
import { errorResponse } from '~/server/services/incoming/http-errors';
import { getCurrentUser } from '~/server/session';

export const dynamic = 'force-dynamic';

/** Uploads one attachment (multipart field `file`); answers `{ blobId, name, size, contentType }`. */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: 'UNAUTHORIZED', message: '请先登录' }, { status: 401 });
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > ATTACHMENT_MAX_BYTES + 64 * 1024) {
    return Response.json(
      {
        code: 'VALIDATION_FAILED',
        message: `附件超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB，不能上传`,
      },
      { status: 413 },
    );
  }
  try {
    const form = await request.formData();
    const file = form.get('file');
    if (!(file instanceof File)) {
      return Response.json(
        { code: 'VALIDATION_FAILED', message: '请选择要上传的文件' },
        { status: 400 },
      );
    }
    const app = await getApp();
    const uploaded = await uploadAttachment(app, user, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(uploaded);
  } catch (e) {
    return errorResponse(e);
  }
}
