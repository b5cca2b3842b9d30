import { isGongwenError } from '@gongwen/core';
import { contextForUserId, type SessionUser } from '~/server/api/context';
import { httpStatusOf } from '~/server/api/errors';
import { getApp } from '~/server/app';
import type { AppServices } from '~/server/app-types';

/** A plain-text response in Chinese. */
export function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `inline` or `attachment` with the UTF-8 file name (RFC 6266) and an ASCII fallback. */
export function disposition(kind: 'inline' | 'attachment', fileName: string, fallback: string) {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A PDF response, never cached by shared caches (documents are per-user permission checked). */
export function pdfResponse(
  pdf: Uint8Array,
  kind: 'inline' | 'attachment',
  fileName: string,
  fallback: string,
): Response {
  return new Response(Buffer.from(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(pdf.byteLength),
      'content-disposition': disposition(kind, fileName, fallback),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/**
 * Runs a route handler as the signed-in user: 401 when signed out, the SDK's errors as
 * 403/404/400/409 with their Chinese message, anything else as 500 (logged, not shown).
 */
export async function asUser(
  req: Request,
  handler: (app: AppServices, user: SessionUser) => Promise<Response>,
): Promise<Response> {
  const { getSessionUserId } = await import('~/server/auth');
  const app = await getApp();
  const ctx = await contextForUserId(app, await getSessionUserId(), req.headers);
  if (!ctx.user) return plain(401, '请先登录');
  try {
    return await handler(app, ctx.user);
  } catch (e) {
    if (isGongwenError(e)) {
      return plain(
        httpStatusOf(e.code),
        /[\u4e00-\u9fff]/.test(e.message) ? e.message : '请求有误',
      );
    }
    if ((e as { code?: string }).code === 'DOCUMENT_RENDER_FAILED') {
      console.error('[gongwen] render failed', e);
      return plain(503, '公文版式生成失败，请稍后重试');
    }
    console.error('[gongwen] outgoing route failed', e);
    return plain(500, '服务器内部错误，请稍后重试');
  }
}
