import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { outgoingVersions } from './case-context.ts';
import { outgoingDocNumberHistory } from './doc-number-history.ts';
import { projectOutgoingLedger } from './ledger-projection.ts';
import { body, outgoingHarness, STANDARD_CHECK, toSigning } from './testing-harness.ts';

const HOUR = 3_600_000;
const code = (c: string) => expect.objectContaining({ code: c });

describe('发文 文号: gapless per 机关代字 and year, voided numbers recorded', () => {
  it('50 parallel 签发 in one 机关代字 take 50 distinct consecutive numbers', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await toSigning(h));
    const results = await Promise.all(
      ids.map((id) => h.send(id, 'zhang', { type: 'SIGN', opinion: '同意' })),
    );
    expect(results.every((r) => r.state === 'finalizing')).toBe(true);
    const numbers = await Promise.all(
      ids.map(async (id) => (await h.engine.case(id)).fields.docNumber as string),
    );
    expect(numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(new Set(numbers).size).toBe(50);
    expect(await h.store.currentSerial('demo', '发文:示政办发:2026')).toBe(50);
    const history = await outgoingDocNumberHistory({
      store: h.store,
      unitId: 'demo',
      issuerCode: '示政办发',
      year: 2026,
    });
    expect(history.entries).toHaveLength(50);
    expect(history.missing).toEqual([]);
  });

  it('a voided number stays recorded as 作废 and is never reused; a withdrawn 签发 voids its number', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const a = await toSigning(h);
    const b = await toSigning(h);
    await h.send(a, 'zhang', { type: 'SIGN' });
    // the signer takes back the 签发 before 成文: the number is voided, not returned
    await h.send(a, 'zhang', { type: 'WITHDRAW' });
    expect((await h.engine.case(a)).fields.docNumber).toBeNull();
    await h.send(b, 'zhang', { type: 'SIGN' });
    expect((await h.engine.case(b)).fields.docNumber).toBe('示政办发〔2026〕2号');
    await h.send(a, 'zhang', { type: 'SIGN', opinion: '同意（重签）' });
    expect((await h.engine.case(a)).fields.docNumber).toBe('示政办发〔2026〕3号');
    // only the secretariat voids; a reason is required; the next number is taken at once
    await expect(h.send(a, 'xu', { type: 'VOID_DOC_NUMBER', reason: '错号' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.send(a, 'wang', { type: 'VOID_DOC_NUMBER' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    h.clock.advance(HOUR);
    await h.send(a, 'wang', { type: 'VOID_DOC_NUMBER', reason: '文号与已印发文件重复登记' });
    expect((await h.engine.case(a)).fields.docNumber).toBe('示政办发〔2026〕4号');
    const history = await outgoingDocNumberHistory({
      store: h.store,
      unitId: 'demo',
      issuerCode: '示政办发',
      year: 2026,
    });
    expect(history.missing).toEqual([]);
    expect(
      history.entries.map((e) => [
        e.serial,
        e.caseId === a ? 'a' : 'b',
        e.status,
        e.voidReason,
        e.voidedBy,
      ]),
    ).toEqual([
      [1, 'a', 'voided', '签发已撤回', 'zhang'],
      [2, 'b', 'inUse', null, null],
      [3, 'a', 'voided', '文号与已印发文件重复登记', 'wang'],
      [4, 'a', 'inUse', null, null],
    ]);
    const row = projectOutgoingLedger(await h.engine.case(a), await h.engine.ledger(a));
    expect(row.docNumber).toBe('示政办发〔2026〕4号');
    expect(row.docNumbers.map((n) => [n.docNumber, n.voidReason])).toEqual([
      ['示政办发〔2026〕1号', '签发已撤回'],
      ['示政办发〔2026〕3号', '文号与已印发文件重复登记'],
      ['示政办发〔2026〕4号', null],
    ]);
    // after 盖章 the number can no longer be voided
    await h.send(a, 'xu', { type: 'FINALIZE', mode: 'auto' });
    await h.send(a, 'wang', {
      type: 'SEAL',
      pdfBlobKey: 'k',
      pdfSha256: 'a'.repeat(64),
      pageCount: 1,
      certificateSerial: '01',
      signerName: '示例县人民政府',
      sealId: 's',
      docNumber: '示政办发〔2026〕4号',
      sealedAt: '2026-11-25T03:00:00Z',
    });
    await expect(h.send(a, 'wang', { type: 'VOID_DOC_NUMBER', reason: 'x' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });

  it('numberAt finalize: the number is taken at 成文, per 机关代字', async () => {
    const h = await outgoingHarness(createMemoryStore(), undefined, { numberAt: 'finalize' });
    const a = await toSigning(h);
    await h.send(a, 'zhang', { type: 'SIGN' });
    expect((await h.engine.case(a)).fields.docNumber).toBeNull();
    // no number yet: nothing to void
    await expect(h.send(a, 'wang', { type: 'VOID_DOC_NUMBER', reason: 'x' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
    await h.send(a, 'zhou', { type: 'FINALIZE', mode: 'manual', body: body('清稿后的正文。') });
    const c = await h.engine.case(a);
    expect(c.fields).toMatchObject({ docNumber: '示政办发〔2026〕1号', finalVersion: 2 });
    expect(outgoingVersions(c).at(-1)).toMatchObject({
      no: 2,
      kind: 'final',
      step: 'finalize',
      author: 'zhou',
    });
    const { caseId: other } = await h.draft('xu', { issuerCode: '示政发' });
    await h.send(other, 'xu', { type: 'SUBMIT' });
    await h.send(other, 'li', { ...STANDARD_CHECK, countersign: undefined });
    await h.send(other, 'zhou', { type: 'RECHECK', opinion: '同意' });
    await h.send(other, 'zhang', { type: 'SIGN' });
    await h.send(other, 'xu', { type: 'FINALIZE', mode: 'auto' });
    expect((await h.engine.case(other)).fields.docNumber).toBe('示政发〔2026〕1号');
  });

  it('SEAL must carry the case’s current 文号', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const a = await toSigning(h);
    await h.send(a, 'zhang', { type: 'SIGN' });
    await h.send(a, 'xu', { type: 'FINALIZE', mode: 'auto' });
    await expect(
      h.send(a, 'wang', {
        type: 'SEAL',
        pdfBlobKey: 'k',
        pdfSha256: 'a'.repeat(64),
        pageCount: 1,
        certificateSerial: '01',
        signerName: 'x',
        sealId: 's',
        docNumber: '示政办发〔2026〕9号',
        sealedAt: '2026-11-25T03:00:00Z',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '盖章文件的文号（示政办发〔2026〕9号）与办件文号不符',
    });
  });
});
