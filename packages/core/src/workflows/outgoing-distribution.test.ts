import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../memory/memory-store.ts';
import { createIncomingWorkflow } from './incoming/definition.ts';
import { distributeToUnits } from './outgoing/distribute-to-units.ts';
import { outgoingHarness, STANDARD_CHECK } from './outgoing/testing-harness.ts';

describe('发文 分发 to platform units only', () => {
  it('every 回执 is in at once: distributed, no reminder timer left', async () => {
    const h = await outgoingHarness(createMemoryStore(), undefined, {}, (calendar) => [
      createIncomingWorkflow({ calendar }),
    ]);
    const { caseId } = await h.draft('xu', {
      mainRecipients: [{ unitId: 'other' }],
      ccRecipients: [],
    });
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await h.send(caseId, 'li', { ...STANDARD_CHECK, countersign: undefined });
    await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
    await h.send(caseId, 'zhang', { type: 'SIGN' });
    await h.send(caseId, 'xu', { type: 'FINALIZE', mode: 'auto' });
    const docNumber = (await h.engine.case(caseId)).fields.docNumber;
    await h.send(caseId, 'wang', {
      type: 'SEAL',
      pdfBlobKey: 'k',
      pdfSha256: 'a'.repeat(64),
      pageCount: 1,
      certificateSerial: '01',
      signerName: '示例县人民政府',
      sealId: 's',
      docNumber,
      sealedAt: '2026-11-25T03:00:00Z',
    });
    // a secretary of the sending unit only: others may not distribute (nothing created elsewhere)
    await expect(
      distributeToUnits({
        engine: h.engine,
        directory: h.directory,
        caseId,
        actorId: 'xu',
        clock: h.clock,
      }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    expect((await h.store.listCases({ unitId: 'other', limit: 5, offset: 0 })).total).toBe(0);
    const { result } = await distributeToUnits({
      engine: h.engine,
      directory: h.directory,
      caseId,
      actorId: 'zhou',
      clock: h.clock,
    });
    expect(result.state).toBe('distributed');
    expect(await h.store.listTimers(caseId)).toEqual([]);
    expect(await h.openKeys(caseId)).toEqual(['archive']);
  });

  it('a document with no 主送 or 抄送 (a published 通告) is distributed to nobody and goes on', async () => {
    const h = await outgoingHarness(createMemoryStore(), undefined, {}, (calendar) => [
      createIncomingWorkflow({ calendar }),
    ]);
    const { caseId } = await h.draft('xu', {
      docType: '通告',
      mainRecipients: [],
      ccRecipients: [],
    });
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await h.send(caseId, 'li', { ...STANDARD_CHECK, countersign: undefined });
    await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
    await h.send(caseId, 'zhang', { type: 'SIGN' });
    await h.send(caseId, 'xu', { type: 'FINALIZE', mode: 'auto' });
    const docNumber = (await h.engine.case(caseId)).fields.docNumber;
    await h.send(caseId, 'wang', {
      type: 'SEAL',
      pdfBlobKey: 'k',
      pdfSha256: 'a'.repeat(64),
      pageCount: 1,
      certificateSerial: '01',
      signerName: '示例县人民政府',
      sealId: 's',
      docNumber,
      sealedAt: '2026-11-25T03:00:00Z',
    });
    expect((await h.engine.can({ caseId, actorId: 'zhou' })).map((e) => e.type)).toContain(
      'DISTRIBUTE',
    );
    const { result, deliveries } = await distributeToUnits({
      engine: h.engine,
      directory: h.directory,
      caseId,
      actorId: 'zhou',
      clock: h.clock,
    });
    expect(deliveries).toEqual([]);
    expect(result.state).toBe('distributed');
    expect(await h.openKeys(caseId)).toEqual(['archive']);
  });
});
