import { isGongwenError } from '@gongwen/core';
import { httpStatusOf } from '~/server/api/errors';

/** A JSON error response for route handlers: SDK errors keep their Chinese message and map to a status. */
export function errorResponse(e: unknown): Response {
  if (isGongwenError(e)) {
    return Response.json({ code: e.code, message: e.message }, { status: httpStatusOf(e.code) });
  }
  console.error('[gongwen] route error', e);
  return Response.json(
    { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' },
    { status: 500 },
  );
}

/** `Content-Disposition` with a Chinese file name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
