import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { AUDIT_ACTION_LABELS } from '~/lib/audit-labels';
import { type AppServices, db } from '~/server/app-types';
import {
  type AuditQueryFilter,
  type AuditReader,
  auditQuery,
} from '~/server/services/admin/list-audit';
import { auditEntryText } from './chain';
import { verifyAuditChain } from './verify-audit';
import { writeAudit } from './write-audit';

const BATCH = 1000;

const COLUMNS = [
  { header: '序号', key: 'seq', width: 9 },
  { header: '时间', key: 'at', width: 21 },
  { header: '单位', key: 'unitId', width: 10 },
  { header: '操作', key: 'label', width: 14 },
  { header: '操作代码', key: 'action', width: 22 },
  { header: '操作人', key: 'actor', width: 12 },
  { header: '操作人账号', key: 'actorId', width: 14 },
  { header: '对象', key: 'target', width: 18 },
  { header: '详情', key: 'detail', width: 40 },
  { header: 'IP 地址', key: 'ip', width: 15 },
  { header: '前一哈希', key: 'prevHash', width: 20 },
  { header: '哈希', key: 'hash', width: 20 },
  { header: '规范内容（哈希原文）', key: 'entry', width: 40 },
] as const;

/** `审计日志-YYYYMMDD-HHmm.xlsx` (Beijing time). */
export function auditExportFileName(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `审计日志-${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 16).replace(':', '')}.xlsx`;
}

/**
 * Streams the unit's audit rows matching the filter as .xlsx, oldest first, with the chain
 * values (序号, 前一哈希, 哈希) and the canonical text each hash was computed over, so that an
 * auditor can recompute SHA-256(前一哈希 + "\n" + 规范内容) row by row without this software.
 * A second sheet holds the outcome of a full chain check made at export time. The export
 * itself is written to the log (`audit.export`) before any row is read.
 */
export async function exportAuditXlsx(
  app: AppServices,
  reader: AuditReader,
  f: AuditQueryFilter,
  out: Writable,
): Promise<number> {
  const kdb = db(app);
  const now = app.clock.now();
  await writeAudit(kdb, {
    unitId: reader.unitId,
    at: now,
    actorId: reader.userId,
    action: 'audit.export',
    target: auditExportFileName(now),
    detail: { filter: f },
    ip: reader.ip,
  });
  const check = await verifyAuditChain(kdb);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = '公文内网';
  wb.created = now;
  const ws = wb.addWorksheet('审计日志', {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' }, name: '宋体', size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  });
  header.commit();

  let written = 0;
  let after = 0;
  for (;;) {
    const rows = await auditQuery(kdb, reader.unitId, f)
      .where('a.seq', '>', sql<string>`${after}`)
      .select([
        sql<string>`a.seq::text`.as('seq'),
        'a.unit_id',
        'a.at',
        'a.actor_id',
        'u.name as actor_name',
        'a.action',
        'a.target',
        'a.detail',
        'a.ip',
        'a.prev_hash',
        'a.hash',
      ])
      .orderBy('a.seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<
        string,
        unknown
      >;
      const facts = {
        seq: Number(r.seq),
        unitId: r.unit_id,
        at: new Date(r.at),
        actorId: r.actor_id,
        action: r.action,
        target: r.target,
        detail,
        ip: r.ip,
        prevHash: r.prev_hash,
      };
      ws.addRow({
        seq: facts.seq,
        at: facts.at.toISOString(),
        unitId: r.unit_id ?? '',
        label: AUDIT_ACTION_LABELS[r.action] ?? r.action,
        action: r.action,
        actor: r.actor_name ?? '',
        actorId: r.actor_id ?? '',
        target: r.target ?? '',
        detail: JSON.stringify(detail),
        ip: r.ip ?? '',
        prevHash: r.prev_hash,
        hash: r.hash,
        entry: auditEntryText(facts),
      }).commit();
      written++;
    }
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  ws.commit();

  const summary = wb.addWorksheet('链验证');
  summary.columns = [
    { header: '项目', key: 'k', width: 22 },
    { header: '值', key: 'v', width: 80 },
  ];
  const lines: Array<[string, string]> = [
    ['导出时间', now.toISOString()],
    ['导出人', reader.userId],
    ['导出记录数', String(written)],
    ['全链校验结果', check.ok ? '完整（未发现篡改）' : '发现问题'],
    ['校验记录数', String(check.rows)],
    ['链头序号', String(check.head.seq)],
    ['链头哈希', check.head.hash],
    ['已按保留期清理至序号', String(check.head.prunedSeq)],
    ['哈希算法', 'SHA-256（十六进制）：哈希 = SHA-256(前一哈希 + "\\n" + 规范内容)，UTF-8'],
    ['规范内容', '各字段按键名排序、无空白的 JSON（与流程台帐相同的规范化方法）'],
    ...check.problems.map((p, i): [string, string] => [
      `问题 ${i + 1}`,
      `第 ${p.seq ?? '—'} 条：${p.problem}`,
    ]),
  ];
  for (const [k, v] of lines) summary.addRow({ k, v }).commit();
  summary.commit();
  await wb.commit();
  return written;
}
