import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL, toProcessing } from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());
const code = (code: string) => expect.objectContaining({ code });

describe('收文 delegation and parallel 批示', () => {
  it('leaders in parallel; a deputy acts for a leader and the ledger names both', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaderMode: 'parallel' });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen', 'instruct:1:zhang']);
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    const r = await h.send(caseId, 'xu', { type: 'INSTRUCT', opinion: '代张县长：同意' });
    expect(r).toMatchObject({ onBehalfOf: 'zhang', state: 'open.processing' });
    const entry = (await h.engine.ledger(caseId)).find((e) => e.opinion === '代张县长：同意');
    expect(entry).toMatchObject({ actorId: 'xu', onBehalfOf: 'zhang' });
    const task = (await h.engine.tasks(caseId)).find((t) => t.key === 'instruct:1:zhang');
    expect(task).toMatchObject({ doneBy: 'xu', doneOnBehalfOf: 'zhang', doneEvent: 'INSTRUCT' });
  });

  it('outside the delegation window the deputy may not act', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    h.clock.set('2026-11-30T00:00:00Z'); // the window ends here (exclusive)
    await expect(h.send(caseId, 'xu', { type: 'INSTRUCT', opinion: '代签' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
  });

  it('a leader may add departments with the 批示', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', {
      type: 'INSTRUCT',
      opinion: '请农业农村局协办',
      addAssistDepartments: ['agri'],
      addCirculateDepartments: ['office'],
    });
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:agri',
      'circulate:office',
      'handle:agri:0:assign',
      'handle:education:0:assign',
      'handle:finance:0:assign',
    ]);
  });
});

describe('收文 传阅 (circulate)', () => {
  it('a head picks readers; every read time is kept; reading goes on after 办结', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: 'education',
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: ['fang', 'kong'],
    });
    expect((await h.engine.case(caseId)).assignments.filter((a) => a.kind === 'read')).toEqual([
      expect.objectContaining({ key: 'read:finance:fang', candidates: ['fang'] }),
      expect.objectContaining({ key: 'read:finance:kong', candidates: ['kong'] }),
    ]);
    h.clock.advance(3_600_000);
    await h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance', opinion: '已阅' });
    await expect(h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: '好' });
    await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect(await h.openKeys(caseId)).toEqual(['archive', 'read:finance:kong']);
    await h.send(caseId, 'kong', { type: 'READ', departmentId: 'finance' });
    expect(await h.openKeys(caseId)).toEqual(['archive']);
  });

  it('a head passes it one level down; the sub-department head picks their readers', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: undefined,
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: [],
      forwardTo: ['budget'],
    });
    expect(await h.openKeys(caseId)).toEqual(['circulate:budget']);
    await h.send(caseId, 'qian', {
      type: 'PICK_READERS',
      departmentId: 'budget',
      readers: ['sun'],
    });
    expect(await h.openKeys(caseId)).toEqual(['read:budget:sun']);
    const r = await h.send(caseId, 'sun', { type: 'READ', departmentId: 'budget' });
    expect(r.state).toBe('completed');
    const ctx = (await h.engine.case(caseId)).snapshot as { context: { circulation: unknown } };
    expect(ctx.context.circulation).toEqual([
      expect.objectContaining({ id: 'finance', from: null, head: 'zhao' }),
      expect.objectContaining({ id: 'budget', from: 'finance', head: 'qian' }),
    ]);
  });

  it('a circulation-only case is 办结 when everyone has read', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: undefined,
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: ['fang'],
    });
    const r = await h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance' });
    expect(r.state).toBe('completed');
  });
});
