import { PassThrough, Readable } from 'node:stream';
import { ZodError } from 'zod';
import '~/lib/zod-locale';
import { ledgerQueryFromSearchParams, ZLedgerQuery } from '~/lib/schemas/ledger';
import { contextForUserId } from '~/server/api/context';
import { getApp } from '~/server/app';
import { getSessionUserId } from '~/server/auth';
import { auditAccess } from '~/server/services/audit/audit-access';
import {
  attachmentDisposition,
  exportLedgerXlsx,
  ledgerExportFileName,
} from '~/server/services/ledger/export-ledger';

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
 * GET /api/export/ledger?workflow=incoming&from=…&to=…&departmentId=…&state=…&urgency=…&secrecy=…&search=…
 * Streams the 流程台帐 the signed-in user may see as .xlsx, with the page's filters.
 */
export async function GET(req: Request): Promise<Response> {
  const app = await getApp();
  const ctx = await contextForUserId(app, await getSessionUserId(), req.headers);
  if (!ctx.user) return plain(401, '请先登录');
  let query: ReturnType<typeof ZLedgerQuery.parse>;
  try {
    query = ZLedgerQuery.parse(ledgerQueryFromSearchParams(new URL(req.url).searchParams));
  } catch (e) {
    const message =
      e instanceof ZodError ? e.issues.map((i) => i.message).join('；') : '导出条件有误';
    return plain(400, `导出条件有误：${message}`);
  }
  const user = ctx.user;
  await auditAccess(app, user, req, {
    action: 'export.ledger',
    target: query.workflow,
    detail: { query },
  });
  const out = new PassThrough();
  exportLedgerXlsx(app, user, query, out).catch((e: unknown) => {
    console.error('[gongwen] ledger export failed', e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': XLSX,
      'content-disposition': attachmentDisposition(
        ledgerExportFileName(app, query.workflow),
        `ledger-${query.workflow}.xlsx`,
      ),
      'cache-control': 'no-store',
    },
  });
}
