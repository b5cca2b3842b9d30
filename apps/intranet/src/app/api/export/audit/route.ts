import { PassThrough, Readable } from 'node:stream';
import { ZodError } from 'zod';
import '~/lib/zod-locale';
import { ZAuditFilter } from '~/lib/schemas/admin';
import { contextForUserId } from '~/server/api/context';
import { getApp } from '~/server/app';
import { getSessionUserId } from '~/server/auth';
import { ipOfHeaders } from '~/server/services/audit/audit-access';
import { auditExportFileName, exportAuditXlsx } from '~/server/services/audit/export-audit';
import { attachmentDisposition } from '~/server/services/ledger/export-ledger';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * GET /api/export/audit?action=…&from=…&to=…&search=…: the unit's audit log as .xlsx with the
 * chain values, for system administrators; the export is itself audited (`audit.export`).
 */
export async function GET(req: Request): Promise<Response> {
  const app = await getApp();
  const ctx = await contextForUserId(app, await getSessionUserId(), req.headers);
  if (!ctx.user) return plain(401, '请先登录');
  if (!ctx.user.roles.includes('admin')) return plain(403, '无权访问：需要系统管理员权限');
  const params = new URL(req.url).searchParams;
  let filter: ReturnType<typeof ZAuditFilter.parse>;
  try {
    filter = ZAuditFilter.parse({
      ...(params.get('action') && { action: params.get('action') }),
      ...(params.get('from') && { from: params.get('from') }),
      ...(params.get('to') && { to: params.get('to') }),
      ...(params.get('search') && { search: params.get('search') }),
    });
  } catch (e) {
    const message =
      e instanceof ZodError ? e.issues.map((i) => i.message).join('；') : '导出条件有误';
    return plain(400, `导出条件有误：${message}`);
  }
  const { page: _p, pageSize: _s, ...f } = filter;
  const user = ctx.user;
  const out = new PassThrough();
  exportAuditXlsx(
    app,
    { userId: user.id, unitId: user.unitId, ip: ipOfHeaders(req.headers) },
    f,
    out,
  ).catch((e: unknown) => {
    console.error('[gongwen] audit export failed', e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': XLSX,
      'content-disposition': attachmentDisposition(
        auditExportFileName(app.clock.now()),
        'audit.xlsx',
      ),
      'cache-control': 'no-store',
    },
  });
}
