import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL, toProcessing } from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());

describe('收文 happy path', () => {
  it('runs from 签收登记 to 归档 through the engine', async () => {
    const h = await setup();
    const { caseId, state } = await h.register();
    expect(state).toBe('proposing');
    const c0 = await h.engine.case(caseId);
    expect(c0.fields.serialNo).toBe('收〔2026〕0001');
    expect(await h.openKeys(caseId)).toEqual(['propose:0:0']);

    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    expect((await h.engine.case(caseId)).state).toBe('open.reviewing');
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept', opinion: '同意拟办意见' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '请财政局认真研究落实' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意张县长意见' });
    const c1 = await h.engine.case(caseId);
    expect(c1.state).toBe('open.processing');
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:agri',
      'handle:education:0:assign',
      'handle:finance:0:assign',
    ]);

    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', {
      type: 'SUBMIT_RESULT',
      departmentId: 'finance',
      result: '已按通知要求完成预算编制',
    });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    expect((await h.engine.case(caseId)).state).toBe('open.processing');
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', {
      type: 'SUBMIT_RESULT',
      departmentId: 'education',
      result: '已报送教育经费需求',
    });
    await h.send(caseId, 'feng', { type: 'PICK_READERS', departmentId: 'agri', readers: [] });
    const done = await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect(done.state).toBe('completed');
    expect(await h.openKeys(caseId)).toEqual(['archive']);
    const archived = await h.send(caseId, 'wang', { type: 'ARCHIVE', archiveCode: 'WS-2026-0001' });
    expect(archived.status).toBe('done');
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    await expect(h.send(caseId, 'wang', { type: 'REMIND', note: '再催' })).rejects.toMatchObject({
      code: 'INVALID_EVENT',
    });
  });
});

describe('收文 concurrency', () => {
  it('20 parallel registrations get 20 distinct consecutive 收文编号; 白头 counts apart', async () => {
    const h = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.register(i % 2 === 0 ? 'zhou' : 'wang')),
    );
    const numbers = await Promise.all(
      results.map(async (r) => (await h.engine.case(r.caseId)).fields.serialNo as string),
    );
    expect(numbers.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `收〔2026〕${String(i + 1).padStart(4, '0')}`),
    );
    const white = await h.register('zhou', { headType: '白头' });
    expect((await h.engine.case(white.caseId)).fields.serialNo).toBe('收白〔2026〕0001');
    expect(await h.store.currentSerial('demo', '收文:红头:2026')).toBe(20);
  });

  it('two handlers finishing at the same instant both land; 办结 happens once', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await Promise.all([
      h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' }),
      h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'B' }),
    ]);
    const both = await Promise.all([
      h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' }),
      h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' }),
    ]);
    expect(both.map((r) => r.state).sort()).toEqual(['completed', 'open.processing']);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.filter((e) => e.toState === 'completed')).toHaveLength(1);
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });
});
