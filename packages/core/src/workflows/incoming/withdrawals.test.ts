import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL, toProcessing } from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());
const code = (code: string) => expect.objectContaining({ code });

describe('收文 撤回 (withdraw before the next actor acted)', () => {
  it('the proposer takes back the proposal until the director acts', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    // another secretary did not send it
    await expect(h.send(caseId, 'wang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    expect((await h.engine.can({ caseId, actorId: 'zhou' })).map((e) => e.type)).toEqual([
      'WITHDRAW',
      'REMIND',
    ]);
    const r = await h.send(caseId, 'zhou', { type: 'WITHDRAW' });
    expect(r.state).toBe('proposing');
    expect(await h.store.listTimers(caseId)).toEqual([]);
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await expect(h.send(caseId, 'zhou', { type: 'WITHDRAW' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });

  it('the director takes back a changed review; the original proposal is restored', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      opinion: '改由陈副县长批示',
      proposal: { ...STANDARD_PROPOSAL, leaders: ['chen'], type: undefined },
    });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
    await h.send(caseId, 'li', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['review:1']);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    await expect(h.send(caseId, 'li', { type: 'WITHDRAW' })).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('a leader in sequence takes back an instruction until the next leader acts', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang', 'chen', 'ma'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '第一稿' });
    await h.send(caseId, 'zhang', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '第二稿' });
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    await expect(h.send(caseId, 'zhang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'chen', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
  });

  it('the head takes back an assignment, a handler a hand-down or a result, until the next acts', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' });
    expect(await h.openKeys(caseId)).toContain('handle:finance:2:assign');
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    // the head can no longer take back: the handler acted
    await expect(
      h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' });
    let c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))!.candidates).toEqual([
      'qian',
    ]);
    await h.send(caseId, 'qian', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' });
    await h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' });
    c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))!.key).toMatch(/:handle$/);
    await h.send(caseId, 'qian', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'B' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    await expect(
      h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('opening (签收) the next task is not acting: the sender may still take it back', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    const task = (await h.engine.tasks(caseId)).find((t) => t.key === 'handle:finance:1:handle')!;
    await h.engine.openTask({ caseId, taskId: task.id, actorId: 'sun' });
    await h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' });
    const closed = (await h.engine.tasks(caseId)).find((t) => t.id === task.id)!;
    expect(closed).toMatchObject({ doneBy: null, openedAt: expect.any(Date) });
  });

  it('a withdraw racing the next actor: exactly one of them wins', async () => {
    for (let i = 0; i < 5; i++) {
      const h = await setup();
      const { caseId } = await h.register();
      await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
      const outcomes = await Promise.allSettled([
        h.send(caseId, 'zhou', { type: 'WITHDRAW' }),
        h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const c = await h.engine.case(caseId);
      expect(c.rev).toBe(3);
      expect(['proposing', 'open.instructing']).toContain(c.state);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    }
  });

  it('a withdraw naming another department takes back nothing', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await expect(
      h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'education' }),
    ).rejects.toEqual(code('INVALID_EVENT'));
  });
});
