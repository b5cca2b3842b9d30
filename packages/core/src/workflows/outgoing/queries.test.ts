import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { buildOutgoingOfficialDocument } from './official-document.ts';
import { outgoingStatistics } from './statistics.ts';
import { outgoingHarness, STANDARD_CHECK, toCountersign, toSigning } from './testing-harness.ts';
import { visibleOutgoingFlow } from './visibility.ts';

describe('发文 queries', () => {
  it('visibility: see-all roles, participants and their superiors; outsiders see nothing; classified only to participants', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h);
    await h.send(caseId, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'sun',
    });
    const view = async (viewerId: string, id = caseId) => {
      const caseRecord = await h.engine.case(id);
      return visibleOutgoingFlow({
        viewerId,
        caseRecord,
        ledger: await h.engine.ledger(id),
        tasks: await h.engine.tasks(id),
        directory: h.directory,
      });
    };
    expect((await view('zhang')).scope).toBe('all');
    expect((await view('zhou')).scope).toBe('all');
    // qian heads 预算股 where sun works: sees sun's task, not the others'
    const qian = await view('qian');
    expect(qian.scope).toBe('downward');
    expect(qian.tasks.map((t) => t.key)).toEqual(['countersign:1:finance:1:member']);
    expect(qian.ledger).toEqual([]);
    // tang (农业农村局) took no part and is above nobody who did
    expect((await view('tang')).scope).toBe('none');
    expect((await view('outsider')).scope).toBe('none');
    // a classified document: the superior of a participant who took no part sees nothing
    const { caseId: secret } = await h.draft('xu', { secrecy: '秘密', secrecyTerm: '1年' });
    await h.send(secret, 'xu', { type: 'SUBMIT' });
    await h.send(secret, 'li', STANDARD_CHECK);
    await h.send(secret, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'sun',
    });
    expect((await view('qian', secret)).scope).toBe('none');
    expect((await view('sun', secret)).scope).toBe('downward');
  });

  it('statistics per 文种 and 拟稿单位', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const a = await toSigning(h);
    await h.send(a, 'zhang', { type: 'SIGN' });
    const b = await toSigning(h);
    await h.send(b, 'zhang', { type: 'REJECT', reason: '不发' });
    const { caseId: c } = await h.draft('xu', { docType: '函' });
    await h.send(c, 'xu', { type: 'CANCEL', reason: '重复' });
    await h.draft('xu', { docType: '请示' });
    const stats = await outgoingStatistics({
      store: h.store,
      calendar: h.calendar,
      unitId: 'demo',
      from: new Date('2026-11-01T00:00:00+08:00'),
      to: new Date('2026-12-01T00:00:00+08:00'),
    });
    expect(stats.unit).toEqual({
      drafted: 4,
      signed: 1,
      issued: 0,
      rejected: 1,
      cancelled: 1,
      inProgress: 2,
      averageWorkingDays: null,
    });
    expect(stats.docTypes.map((t) => [t.docType, t.drafted])).toEqual([
      ['函', 1],
      ['请示', 1],
      ['通知', 2],
    ]);
  });

  it('the OfficialDocument of a draft preview has no 文号; a 请示 prints its 签发人', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft('xu', {
      docType: '请示',
      secrecy: '秘密',
      secrecyTerm: '6个月',
      urgency: '普通',
    });
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await h.send(caseId, 'li', { ...STANDARD_CHECK, countersign: undefined });
    await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
    let doc = await buildOutgoingOfficialDocument({
      caseRecord: await h.engine.case(caseId),
      directory: h.directory,
    });
    expect(doc.docNumber).toBeUndefined();
    expect(doc).toMatchObject({ secrecy: '秘密', secrecyPeriod: '6个月' });
    expect(doc.urgency).toBeUndefined();
    await h.send(caseId, 'zhang', { type: 'SIGN' });
    await h.send(caseId, 'xu', { type: 'FINALIZE', mode: 'auto' });
    doc = await buildOutgoingOfficialDocument({
      caseRecord: await h.engine.case(caseId),
      directory: h.directory,
      letterhead: { issuerMark: '示例县人民政府办公室文件', signatureName: '示例县人民政府办公室' },
    });
    expect(doc).toMatchObject({
      docNumber: '示政办发〔2026〕1号',
      signers: ['张县长'],
      issuerMark: '示例县人民政府办公室文件',
      signatureName: '示例县人民政府办公室',
      printer: '示例县人民政府',
    });
  });
});
