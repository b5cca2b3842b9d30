import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { signOutSession } from '~/server/services/accounts/sessions';
import { callerFor } from '~/server/testing/test-app';
import { DIALECTS, type DialectApp, openDialectApp } from '~/server/testing/test-dialects';
import { runDailyAuditCheck } from './daily-check';
import { exportAuditXlsx } from './export-audit';
import { verifyAuditChain } from './verify-audit';
import { writeAudit } from './write-audit';

describe.each(DIALECTS)('the audit log as a hash chain on %s', (dialect) => {
  let t: DialectApp;
  beforeAll(async () => {
    t = await openDialectApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const kdb = () => db(t.app);
  const write = (n: number) =>
    writeAudit(kdb(), {
      unitId: 'demo',
      at: t.app.clock.now(),
      actorId: 'gao',
      action: 'admin.user.update',
      target: `user-${n}`,
      detail: { n, when: new Date('2026-11-25T01:00:00Z'), skipped: undefined, 中文: '审计' },
      ip: '10.0.0.1',
    });
  const raw = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(kdb())).rows;
  /** Runs `fn` as the database superuser would: with the audit triggers switched off. */
  const bypassingTriggers = async (fn: () => Promise<unknown>) => {
    await sql`ALTER TABLE app_audit_log DISABLE TRIGGER USER`.execute(kdb());
    try {
      await fn();
    } finally {
      await sql`ALTER TABLE app_audit_log ENABLE TRIGGER USER`.execute(kdb());
    }
  };

  it('links every row to the one before it, also when written concurrently', async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => write(i)));
    // and inside a caller's transaction
    await kdb()
      .transaction()
      .execute((trx) =>
        writeAudit(trx, { unitId: 'demo', at: t.app.clock.now(), actorId: 'gao', action: 'x.tx' }),
      );
    const rows = await raw(
      sql<{
        seq: string;
        prev_hash: string;
        hash: string;
      }>`SELECT seq::text AS seq, prev_hash, hash FROM app_audit_log ORDER BY app_audit_log.seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    const check = await verifyAuditChain(kdb());
    expect(check).toMatchObject({ ok: true, rows: 25, problems: [] });
    expect(check.head).toMatchObject({ seq: 25, hash: rows[24]?.hash });
  });

  it('refuses UPDATE, TRUNCATE and the DELETE of rows younger than 180 days', async () => {
    await expect(
      sql`UPDATE app_audit_log SET target = 'x' WHERE seq = 3`.execute(kdb()),
    ).rejects.toThrow(/审计日志不可修改/);
    await expect(sql`DELETE FROM app_audit_log WHERE seq = 3`.execute(kdb())).rejects.toThrow(
      /审计日志须保存至少 180 天/,
    );
    await expect(sql`TRUNCATE app_audit_log`.execute(kdb())).rejects.toThrow(/审计日志不可清空/);
    await expect(sql`UPDATE app_audit_head SET seq = 1`.execute(kdb())).rejects.toThrow(
      /只能向前移动/,
    );
    await expect(sql`DELETE FROM app_audit_head`.execute(kdb())).rejects.toThrow(/不可删除/);
    // nothing to prune: every row is younger than 180 days
    const pruned = await raw(sql<{ n: string }>`SELECT app_audit_prune(30)::text AS n`);
    expect(pruned[0]?.n).toBe('0');
    expect((await verifyAuditChain(kdb())).ok).toBe(true);
  });

  it('detects and locates an edited row', async () => {
    const [original] = await raw(
      sql<{ detail: unknown }>`SELECT detail FROM app_audit_log WHERE seq = 5`,
    );
    await bypassingTriggers(() =>
      sql`UPDATE app_audit_log SET detail = '{"n": 999}'::jsonb WHERE seq = 5`.execute(kdb()),
    );
    const check = await verifyAuditChain(kdb());
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ seq: 5, problem: '记录内容与哈希不符（已被修改）' }),
    ]);
    await bypassingTriggers(() =>
      sql`UPDATE app_audit_log SET detail = ${JSON.stringify(original?.detail)}::jsonb WHERE seq = 5`.execute(
        kdb(),
      ),
    );
    expect((await verifyAuditChain(kdb())).ok).toBe(true);
  });

  it('detects and locates a deleted row, and the deletion of the newest rows', async () => {
    const baseline: Array<number | null> = [];
    const saved = await raw(
      sql<Record<string, unknown>>`SELECT * FROM app_audit_log WHERE seq = 9`,
    );
    await bypassingTriggers(() => sql`DELETE FROM app_audit_log WHERE seq = 9`.execute(kdb()));
    const check = await verifyAuditChain(kdb());
    expect(check.ok).toBe(false);
    expect(check.problems.filter((p) => !baseline.includes(p.seq))).toEqual([
      expect.objectContaining({ seq: 9, problem: '第 9 条记录缺失（已被删除）' }),
    ]);
    // put it back exactly
    const r = saved[0]!;
    await bypassingTriggers(() =>
      sql`INSERT INTO app_audit_log (id, unit_id, at, actor_id, action, target, detail, ip, seq, prev_hash, hash)
        VALUES (${r.id}, ${r.unit_id}, ${r.at}, ${r.actor_id}, ${r.action}, ${r.target}, ${JSON.stringify(r.detail)}::jsonb, ${r.ip}, ${r.seq}, ${r.prev_hash}, ${r.hash})`.execute(
        kdb(),
      ),
    );
    expect((await verifyAuditChain(kdb())).problems.map((p) => p.seq)).toEqual(baseline);

    // the newest two rows removed: only the head tells
    await write(100);
    await write(101);
    const head = (await verifyAuditChain(kdb())).head.seq;
    await bypassingTriggers(() =>
      sql`DELETE FROM app_audit_log WHERE seq > ${head - 2}`.execute(kdb()),
    );
    const tail = await verifyAuditChain(kdb());
    expect(tail.problems.filter((p) => !baseline.includes(p.seq))).toEqual([
      expect.objectContaining({
        seq: head - 1,
        problem: `第 ${head - 1}–${head} 条记录缺失（末尾记录被删除）`,
      }),
    ]);
  });

  it('exports the rows with their chain values, each hash recomputable from the sheet, and audits the export', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => out.on('end', r));
    const n = await exportAuditXlsx(
      t.app,
      { userId: 'gao', unitId: 'demo', ip: '10.0.0.9' },
      {},
      out,
    );
    await done;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['序号', '前一哈希', '哈希', '规范内容（哈希原文）']),
    );
    expect(ws.rowCount - 1).toBe(n);
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      const [prev, hash, entry] = [
        row.getCell(11).text,
        row.getCell(12).text,
        row.getCell(13).text,
      ];
      expect(
        createHash('sha256').update(`${prev}\n${entry}`, 'utf8').digest('hex'),
        `row ${i}`,
      ).toBe(hash);
    }
    // the export is the newest row, so it is in the sheet too
    expect(ws.getRow(ws.rowCount).getCell(5).text).toBe('audit.export');
    expect(wb.getWorksheet('链验证')!.getRow(5).getCell(2).text).toMatch(/完整|发现问题/);
  });

  it('detects and locates reordered rows', { timeout: 300_000 }, async () => {
    const d = await openDialectApp(dialect, { org: false });
    try {
      const k = db(d.app);
      for (let i = 0; i < 6; i++) {
        await writeAudit(k, {
          unitId: 'demo',
          at: d.app.clock.now(),
          actorId: 'gao',
          action: `a.${i}`,
        });
        d.app.clock.advance(1000);
      }
      expect((await verifyAuditChain(k)).ok).toBe(true);
      // swap rows 3 and 4 (their sequence numbers), as a superuser could
      await sql`ALTER TABLE app_audit_log DISABLE TRIGGER USER`.execute(k);
      await sql`UPDATE app_audit_log SET seq = -3 WHERE seq = 3`.execute(k);
      await sql`UPDATE app_audit_log SET seq = 3 WHERE seq = 4`.execute(k);
      await sql`UPDATE app_audit_log SET seq = 4 WHERE seq = -3`.execute(k);
      await sql`ALTER TABLE app_audit_log ENABLE TRIGGER USER`.execute(k);
      const check = await verifyAuditChain(k);
      expect(check.ok).toBe(false);
      expect([...new Set(check.problems.map((p) => p.seq))]).toEqual([3, 4, 5]);
      expect(check.problems).toContainEqual(
        expect.objectContaining({ seq: 3, problem: '记录内容与哈希不符（已被修改）' }),
      );
      expect(check.problems).toContainEqual(
        expect.objectContaining({
          seq: 5,
          problem: '与前一条记录的链接不符（前一条被修改、删除或顺序被调换）',
        }),
      );

      // the daily check records the failure in the log itself, once a day
      expect(await runDailyAuditCheck(d.app)).toBe(true);
      expect(await runDailyAuditCheck(d.app)).toBe(false);
      const rec = await k
        .selectFrom('app_audit_log')
        .select(['target', 'detail', 'seq'])
        .where('action', '=', 'audit.verify')
        .executeTakeFirstOrThrow();
      expect(rec.target).toBe('failed');
      expect(rec.detail).toMatchObject({ trigger: 'daily', ok: false, rows: 6, headSeq: 6 });
      d.app.clock.advance(25 * 3600_000);
      expect(await runDailyAuditCheck(d.app)).toBe(true);
    } finally {
      await d.close();
    }
  });

  it('prunes only rows older than 180 days, from the oldest end, and the chain still verifies', {
    timeout: 300_000,
  }, async () => {
    const d = await openDialectApp(dialect, { org: false });
    try {
      const k = db(d.app);
      const old = new Date(Date.now() - 400 * 86_400_000);
      for (let i = 0; i < 3; i++)
        await writeAudit(k, {
          unitId: 'demo',
          at: new Date(old.getTime() + i * 1000),
          actorId: 'gao',
          action: 'old',
        });
      await writeAudit(k, { unitId: 'demo', at: new Date(), actorId: 'gao', action: 'young' });
      await writeAudit(k, {
        unitId: 'demo',
        at: new Date(old.getTime() + 9000),
        actorId: 'gao',
        action: 'old',
      });
      // an old row above the anchor cannot be deleted directly
      await expect(sql`DELETE FROM app_audit_log WHERE seq = 1`.execute(k)).rejects.toThrow(
        /app_audit_prune/,
      );
      const n = (await sql<{ n: string }>`SELECT app_audit_prune(180)::text AS n`.execute(k))
        .rows[0]?.n;
      expect(n).toBe('3'); // stops at the first young row: row 5 stays
      const check = await verifyAuditChain(k);
      expect(check).toMatchObject({ ok: true, rows: 2, head: { seq: 5, prunedSeq: 3 } });
    } finally {
      await d.close();
    }
  });

  it('audits the auditor: listing writes audit.view, 验证 records its outcome', {
    timeout: 300_000,
  }, async () => {
    const d = await openDialectApp(dialect);
    try {
      const gao = callerFor(d.app, 'gao');
      const page = await gao.audit.list({ page: 1, pageSize: 20 });
      expect(page.items.map((l) => l.action)).toEqual(['audit.view']);
      expect(page.items[0]).toMatchObject({ seq: 1, actorId: 'gao', prevHash: '0'.repeat(64) });
      await gao.admin.audit({ action: 'audit.view' });
      const v = await gao.audit.verify();
      expect(v).toMatchObject({ ok: true, rows: 2, headSeq: 2, problems: [] });
      const checks = await gao.audit.checks();
      expect(checks[0]).toMatchObject({ trigger: 'manual', ok: true, rows: 2, actorId: 'gao' });
      await expect(callerFor(d.app, 'zhang').audit.verify()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await verifyAuditChain(db(d.app))).rows).toBe(3);

      // 退出登录 is audited once: a revoked copy of the session signing out writes nothing
      await db(d.app)
        .insertInto('app_accounts')
        .values({
          user_id: 'zhang',
          username: 'zhang',
          password_hash: null,
          created_at: new Date(),
        })
        .execute();
      expect(await signOutSession(d.app, { userId: 'zhang', sessionVersion: 1 })).toBe(true);
      expect(await signOutSession(d.app, { userId: 'zhang', sessionVersion: 1 })).toBe(false);
      const outs = await db(d.app)
        .selectFrom('app_audit_log')
        .select(['actor_id', 'unit_id'])
        .where('action', '=', 'auth.signOut')
        .execute();
      expect(outs).toEqual([{ actor_id: 'zhang', unit_id: 'demo' }]);
    } finally {
      await d.close();
    }
  });
});
