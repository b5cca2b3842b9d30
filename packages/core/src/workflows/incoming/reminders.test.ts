import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL, toProcessing } from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());
const code = (code: string) => expect.objectContaining({ code });

describe('收文 催办 (remind)', () => {
  it('reminds automatically at the deadline and every working day after, and by hand', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    const timers = await h.store.listTimers(caseId);
    expect(timers).toHaveLength(1);
    // 7 working days from Wednesday 2026-11-25: the end of Friday 2026-12-04 in Beijing
    expect(timers[0]!.dueAt.toISOString()).toBe('2026-12-04T15:59:59.999Z');
    expect((await h.engine.case(caseId)).fields.deadline).toBe('2026-12-04T15:59:59.999Z');

    h.clock.set('2026-12-04T15:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(0);
    h.clock.set('2026-12-04T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    let c = await h.engine.case(caseId);
    expect(c.fields.reminderCount).toBe(1);
    expect(
      c.assignments
        .filter((a) => a.kind === 'remind')
        .map((a) => a.key)
        .sort(),
    ).toEqual([
      'remind:1:circulate:agri',
      'remind:1:handle:education:0:assign',
      'remind:1:handle:finance:1:handle',
    ]);
    const outbox = await h.store.claimOutbox(h.clock.now(), 100, 't', new Date('2030-01-01'));
    const remind = outbox.filter((o) => o.title.startsWith('催办'));
    expect(remind).toHaveLength(1);
    expect(remind[0]!.recipients.sort()).toEqual(['sun', 'zhou']);
    // the deadline in Chinese, Beijing time — not the ISO instant
    expect(remind[0]!.body).toContain('办理时限为2026年12月4日 23:59，请抓紧办理。');
    // the next reminder: end of Monday 2026-12-07 (the weekend does not count)
    expect((await h.store.listTimers(caseId))[0]!.dueAt.toISOString()).toBe(
      '2026-12-07T15:59:59.999Z',
    );
    h.clock.set('2026-12-07T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    // manual 催办 by the secretariat, at any time; others may not
    await expect(h.send(caseId, 'sun', { type: 'REMIND' })).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'wang', { type: 'REMIND', note: '请今日内报送' });
    c = await h.engine.case(caseId);
    expect(c.fields.reminderCount).toBe(3);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.filter((e) => e.event === 'DEADLINE_REMIND').map((e) => e.actorId)).toEqual([
      '$timer',
      '$timer',
    ]);
    expect(ledger.at(-1)).toMatchObject({
      event: 'REMIND',
      actorId: 'wang',
      opinion: '请今日内报送',
    });
    // 办结 removes the timer
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '完成' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'he' });
    await h.send(caseId, 'he', {
      type: 'SUBMIT_RESULT',
      departmentId: 'education',
      result: '完成',
    });
    await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect((await h.engine.case(caseId)).state).toBe('completed');
    expect(await h.store.listTimers(caseId)).toEqual([]);
  });

  it('sets no timer without the 催办 flag; a changed review reschedules it', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, supervise: false });
    expect(await h.store.listTimers(caseId)).toEqual([]);
    await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      proposal: { ...STANDARD_PROPOSAL, type: undefined, supervise: true, deadline: '2026-11-30' },
    });
    const timers = await h.store.listTimers(caseId);
    expect(timers.map((t) => t.dueAt.toISOString())).toEqual(['2026-11-30T15:59:59.999Z']);
  });

  it('reminds at the interval the proposal sets, in working days', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', {
      ...STANDARD_PROPOSAL,
      deadline: '2026-11-27',
      remindEveryWorkingDays: 3,
    });
    h.clock.set('2026-11-27T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    // Friday's deadline + 3 working days = Wednesday 2026-12-02
    expect((await h.store.listTimers(caseId)).map((t) => t.dueAt.toISOString())).toEqual([
      '2026-12-02T15:59:59.999Z',
    ]);
    expect(await h.openKeys(caseId)).toEqual(['remind:1:review:1', 'review:1']);
    // a withdrawn proposal takes its timer with it
    await h.send(caseId, 'zhou', { type: 'WITHDRAW' });
    expect(await h.store.listTimers(caseId)).toEqual([]);
  });

  it('can() offers each person exactly their steps', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    const types = async (actorId: string) =>
      (await h.engine.can({ caseId, actorId })).map((e) => e.type).sort();
    expect(await types('zhao')).toEqual(['ASSIGN']);
    expect(await types('feng')).toEqual(['PICK_READERS']);
    expect(await types('wang')).toEqual(['REMIND']);
    expect(await types('sun')).toEqual([]);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    expect(await types('sun')).toEqual(['HAND_DOWN', 'RETURN', 'SUBMIT_RESULT']);
    expect(await types('zhao')).toEqual(['WITHDRAW']);
  });
});
