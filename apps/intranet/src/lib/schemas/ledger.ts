import { z } from 'zod';
import { SECRECY_OPTIONS, URGENCY_OPTIONS } from '~/lib/schemas/tasks';

/** The workflows that keep a 流程台帐 in the intranet. */
export const LEDGER_WORKFLOWS = ['incoming', 'outgoing'] as const;
export type LedgerWorkflow = (typeof LEDGER_WORKFLOWS)[number];

/** Chinese names of the two ledgers. */
export const LEDGER_TITLES: Record<LedgerWorkflow, string> = {
  incoming: '收文台帐',
  outgoing: '发文台帐',
};

const ZPeriod = z
  .strictObject({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: '结束日期不能早于开始日期',
    path: ['to'],
  });

/** The filters a ledger is listed, exported and printed with. */
export const ZLedgerQuery = z.strictObject({
  workflow: z.enum(LEDGER_WORKFLOWS, { message: '请选择收文台帐或发文台帐' }),
  /** Cases registered (收文) or drafted (发文) in this period. */
  period: ZPeriod.optional(),
  /** 承办/传阅 department (收文) or 拟稿/会签 department (发文). */
  departmentId: z.string().trim().min(1).max(64, '部门编号过长').optional(),
  /** The case's state, e.g. `open.processing` or `signing`. */
  state: z.string().trim().min(1).max(64, '状态过长').optional(),
  urgency: z.enum(URGENCY_OPTIONS, { message: '紧急程度无效' }).optional(),
  secrecy: z.enum(SECRECY_OPTIONS, { message: '密级无效' }).optional(),
  /** Part of the title or of a 文号 / 收文编号. */
  search: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
});
export type LedgerQuery = z.input<typeof ZLedgerQuery>;

/** A page of the ledger. */
export const ZLedgerFilter = ZLedgerQuery.extend({
  page: z.number().int().min(1, '页码须大于 0').default(1),
  pageSize: z.number().int().min(1).max(100, '每页最多 100 条').default(20),
});
export type LedgerFilter = z.input<typeof ZLedgerFilter>;

/** 流程统计 of one case. */
export const ZFlowStatisticsInput = z.strictObject({
  caseId: z.string().trim().min(1, '请指定办件').max(128, '办件编号过长'),
});

/**
 * The ledger query as URL search parameters (export and print links): `workflow`, `from`,
 * `to` (ISO instants), `departmentId`, `state`, `urgency`, `secrecy`, `search`.
 */
export function ledgerQueryToSearchParams(q: LedgerQuery): URLSearchParams {
  const p = new URLSearchParams({ workflow: q.workflow });
  const from = q.period?.from;
  const to = q.period?.to;
  if (from) p.set('from', new Date(from as Date | string).toISOString());
  if (to) p.set('to', new Date(to as Date | string).toISOString());
  for (const key of ['departmentId', 'state', 'urgency', 'secrecy', 'search'] as const) {
    const v = q[key];
    if (v) p.set(key, v);
  }
  return p;
}

/** Reads the ledger query back from URL search parameters (unvalidated: parse with ZLedgerQuery). */
export function ledgerQueryFromSearchParams(
  p: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  const get = (k: string): string | undefined => {
    if (p instanceof URLSearchParams) return p.get(k) ?? undefined;
    const v = p[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const from = get('from');
  const to = get('to');
  const out: Record<string, unknown> = { workflow: get('workflow') };
  if (from || to) out.period = { ...(from && { from }), ...(to && { to }) };
  for (const key of ['departmentId', 'state', 'urgency', 'secrecy', 'search']) {
    const v = get(key);
    if (v) out[key] = v;
  }
  return out;
}
