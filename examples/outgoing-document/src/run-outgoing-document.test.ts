import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import { createPostgresStore } from '@gongwen/adapters/postgres';
import {
  type IncomingContext,
  manualClock,
  outgoingContextOf,
  outgoingDocNumberHistory,
  outgoingVersions,
  projectOutgoingLedger,
  type Store,
} from '@gongwen/core';
import { describe, expect, it } from 'vitest';
import { DRAFT_BODY, FINANCE_PROPOSAL, REVISED_BODY, TITLE } from './document-text.ts';
import { COUNTY, TOWNSHIP } from './organisation.ts';
import { runOutgoingDocument } from './run-outgoing-document.ts';

const PG_URL = process.env.GONGWEN_PG_URL;
if (process.env.CI && !PG_URL) {
  throw new Error('CI must run the PostgreSQL case: GONGWEN_PG_URL is not set');
}
/** PGlite always; PostgreSQL too when a server is given (required in CI). */
const DIALECTS: Array<'pglite' | 'postgres'> = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated store: PGlite in memory, or a new database on the PostgreSQL server
 * (created through an admin connection that runs no migrations, dropped afterwards).
 */
async function openFreshStore(
  dialect: 'pglite' | 'postgres',
): Promise<{ store: Store; close: () => Promise<void> }> {
  if (dialect === 'pglite') {
    const store = await createPgliteStore({ dataDir: 'memory://' });
    return { store, close: () => store.close() };
  }
  if (!PG_URL) throw new Error('GONGWEN_PG_URL is not set');
  const admin = await createPostgresStore({ connectionString: PG_URL, migrate: false, max: 1 });
  const name = `gw_outgoing_example_${process.pid}_${Date.now().toString(36)}`;
  await admin.pool.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const store = await createPostgresStore({ connectionString: url.toString() });
  return {
    store,
    close: async () => {
      await store.close();
      await admin.pool.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

const pdftotext = async (path: string) =>
  (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout;

describe.each(DIALECTS)('发文 with the real renderer and seal, on %s', (dialect) => {
  it('runs 拟稿 → 核稿 → 会签 → 返还 → 复核 → 签发 (退回修改 once) → 文号 → 成文 → 盖章 → 分发 → 回执 → 存档', {
    // LibreOffice takes 2–10 s on a quiet machine and much longer on a busy one
    timeout: 600_000,
  }, async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'gongwen-outgoing-example-'));
    const { store, close } = await openFreshStore(dialect);
    try {
      const clock = manualClock('2026-11-25T01:00:00Z'); // Wednesday 09:00 in Beijing
      const lines: string[] = [];
      const r = await runOutgoingDocument({ store, workDir, clock, log: (l) => lines.push(l) });
      const { engine, caseId, docNumber } = r;

      // 拟稿: the drafter's .docx (rendered by renderDocx) imports back to exactly its body
      expect(r.imported).toEqual({ body: DRAFT_BODY, warnings: [] });
      expect(docNumber).toBe('示政发〔2026〕1号');

      // 盖章: the stored PDF is the one the case records, and its seal verifies
      const pdf = await readFile(r.sealedPdf.path);
      const c = await engine.case(caseId);
      expect(c.state).toBe('archived');
      expect(c.fields.docNumber).toBe(docNumber);
      const ledger = await engine.ledger(caseId);
      const row = projectOutgoingLedger(c, ledger);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(
        outgoingContextOf(c).seal?.pdfSha256,
      );
      expect(r.verification).toHaveLength(1);
      expect(r.verification[0]).toMatchObject({
        valid: true,
        intact: true,
        trusted: true,
        revoked: false,
        coversWholeDocument: true,
        signerName: COUNTY.name,
        problems: [],
      });
      // pdftotext breaks lines and puts spaces between CJK and digits; compare without them
      const text = (await pdftotext(r.sealedPdf.path)).replace(/\s+/g, '');
      expect(text).toContain(docNumber);
      expect(text).toContain(TITLE);
      expect(text).toContain(`${COUNTY.name}文件`);
      expect(text).toContain('严禁迟报、漏报、谎报、瞒报。'); // the revision 签发 asked for
      expect(text).toContain('县应急管理局0000-1234568'); // a table row

      // 分发: a 收文 case in 城关镇, registered by its secretary, pointing back to the 发文
      const inTownship = await store.listCases({ unitId: TOWNSHIP.id, limit: 10, offset: 0 });
      expect(inTownship.total).toBe(1);
      expect(inTownship.items[0]).toMatchObject({
        id: r.incoming.id,
        workflow: 'incoming',
        state: 'proposing',
        title: TITLE,
        startedBy: 'cg-lin',
        fields: {
          senderUnit: COUNTY.name,
          senderDocNumber: docNumber,
          direction: '上级来文',
          source: { workflow: 'outgoing', caseId, unitId: COUNTY.id, docNumber },
        },
      });
      const registration = (r.incoming.snapshot as { context: IncomingContext }).context
        .registration;
      expect(registration.attachments).toEqual([
        { blobId: r.sealedPdf.blobKey, name: `${docNumber}.pdf` },
      ]);
      expect(registration.pages).toBe(r.sealedPdf.pageCount);
      expect((await engine.inbox({ actorId: 'cg-lin' })).items.map((i) => i.task.caseId)).toEqual([
        r.incoming.id,
      ]);

      // the hash-chained ledgers verify
      expect(r.ledger).toMatchObject({ ok: true, problems: [] });
      expect(await engine.verifyLedger(caseId)).toMatchObject({ ok: true, problems: [] });
      expect((await engine.verifyLedger(r.incoming.id)).ok).toBe(true);

      // 文号 history
      const history = await outgoingDocNumberHistory({
        store,
        unitId: COUNTY.id,
        issuerCode: '示政发',
        year: 2026,
      });
      expect(history.entries.map((e) => [e.docNumber, e.caseId, e.status, e.allocatedBy])).toEqual([
        [docNumber, caseId, 'inUse', 'zhang'],
      ]);
      expect(history).toMatchObject({ lastSerial: 1, missing: [] });

      // 台帐 row: 签发人, 文号, 盖章, 分发 and every 回执
      expect(row).toMatchObject({
        docNumber,
        title: TITLE,
        drafter: 'xu',
        draftingDepartment: 'office',
        check: { by: 'li' },
        recheck: { by: 'zhou' },
        signing: { by: 'zhang', opinion: '同意印发。' },
        finalized: { by: 'zhou', mode: 'auto' },
        seal: {
          by: 'wang',
          signerName: COUNTY.name,
          certificateSerial: r.verification[0]?.certificateSerial,
        },
        archivedAt: expect.any(Date),
      });
      expect(row.returns.map((x) => [x.by, x.opinion])).toEqual([
        ['zhang', '请补充突发事件应急处置和信息报送的要求。'],
      ]);
      expect(
        row.countersign.map((l) => [
          l.round,
          l.departmentId,
          l.member,
          l.memberOpinion?.opinion ?? null,
          l.opinion?.by,
        ]),
      ).toEqual([
        [1, 'finance', 'qian', '建议明确隐患整治经费来源。', 'zhao'],
        [1, 'emergency', null, null, 'he'],
        [2, 'finance', null, null, 'zhao'],
        [2, 'emergency', null, null, 'he'],
        [3, 'emergency', null, null, 'he'],
      ]);
      expect(row.distribution.map((d) => [d.recipient, d.incomingCaseId, d.receivedBy])).toEqual([
        [`unit:${TOWNSHIP.id}`, r.incoming.id, 'cg-lin'],
        ['ext:0', null, '刘收发'],
        ['ext:1', null, '陈收发'],
      ]);
      expect(row.distribution.every((d) => d.receivedAt instanceof Date)).toBe(true);
      expect(row.docNumbers.map((n) => [n.docNumber, n.allocatedBy, n.voidedAt])).toEqual([
        [docNumber, 'zhang', null],
      ]);

      // every version of the 正文 is kept; the signed one is the 成文稿
      const versions = outgoingVersions(c);
      expect(versions.map((v) => [v.no, v.author, v.kind])).toEqual([
        [1, 'xu', 'draft'],
        [2, 'qian', 'proposal'],
        [3, 'xu', 'draft'],
        [4, 'xu', 'draft'],
      ]);
      expect(versions[1]?.body).toEqual(FINANCE_PROPOSAL);
      expect(versions.at(-1)?.body).toEqual(REVISED_BODY);

      // what `npm start` prints
      expect(lines).toContain(`  取得文号：${docNumber}`);
      expect(lines).toContain(`盖章 PDF：${r.sealedPdf.path}`);
      expect(lines).toContain(`验章结果：有效（签章单位：${COUNTY.name}）`);
      expect(lines.filter((l) => l.startsWith('【')).map((l) => l.replace(/】.*/, '】'))).toEqual([
        '【准备】',
        '【准备】',
        '【拟稿】',
        '【核稿】',
        '【会签】',
        '【返还】',
        '【复核】',
        '【签发】',
        '【成文】',
        '【盖章】',
        '【分发】',
        '【回执】',
        '【存档】',
        '【流程台帐】',
      ]);
      console.info(
        `${dialect}: .docx ${r.timings.docx.toFixed(0)} ms, 盖章 ${r.timings.seal.toFixed(0)} ms, total ${r.timings.total.toFixed(0)} ms`,
      );
    } finally {
      await close();
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
