import { beforeAll, expect, it } from 'vitest';
import type { WorkflowEngine } from '../engine/engine.ts';
import type { Store } from '../ports/store.ts';
import { cmd, type EngineSuite, expectCode } from './engine-conformance-suite.ts';

/** Engine conformance: delegation (代理), notices to deputies, 改派 and the events each user may send. */
export function describeEngineDelegationAndReassign(suite: EngineSuite): void {
  const { clock, start, snapshotOf, noticesOf } = suite;
  let store!: Store;
  let engine!: WorkflowEngine;
  beforeAll(() => {
    ({ store, engine } = suite.get());
  });

  it('lets a deputy act for the principal within the delegation, and records both', async () => {
    const { caseId } = await start(['zhang']);
    expect(
      (await engine.inbox({ actorId: 'li' })).items.some(
        (i) => i.task.caseId === caseId && i.principalId === 'zhang',
      ),
    ).toBe(true);
    const can = await engine.can({ caseId, actorId: 'li' });
    expect(can.map((e) => [e.type, e.onBehalfOf])).toEqual([
      ['APPROVE', 'zhang'],
      ['RETURN', 'zhang'],
    ]);
    const r = await engine.send({
      caseId,
      actorId: 'li',
      commandId: cmd(),
      event: { type: 'APPROVE', opinion: '同意（代）' },
    });
    expect(r.onBehalfOf).toBe('zhang');
    const last = (await store.listLedger(caseId)).at(-1)!;
    expect([last.actorId, last.onBehalfOf]).toEqual(['li', 'zhang']);
    const task = (await store.listTasks(caseId))[0]!;
    expect([task.doneBy, task.doneOnBehalfOf]).toEqual(['li', 'zhang']);
    // The delegation ends on 2026-12-01.
    const { caseId: later } = await start(['zhang']);
    clock.set('2026-12-02T01:00:00.000Z');
    try {
      await expectCode(
        engine.send({
          caseId: later,
          actorId: 'li',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '同意' },
        }),
        'NOT_PERMITTED',
      );
    } finally {
      clock.set('2026-11-25T01:00:00.000Z');
    }
    // Someone without a delegation cannot name a principal.
    await expectCode(
      engine.send({
        caseId: later,
        actorId: 'wang',
        onBehalfOf: 'zhang',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      }),
      'NOT_PERMITTED',
    );
  });

  /** Delivers every pending notification; returns those about `caseId`. */
  it("sends a new task's notice to the deputy of a candidate with a delegation in force", async () => {
    // zhang has li act for him in 'approval' (SAMPLE_DELEGATIONS); zhao has no deputy
    const { caseId } = await start(['zhang']);
    const task = (await store.listTasks(caseId))[0]!;
    const notices = await noticesOf(caseId);
    expect(notices.map((m) => [m.to, m.title, m.taskId])).toEqual([
      [['zhang'], '待办：审批（李主任代理）', task.id],
      [['li'], '待办：审批（代张县长）', task.id],
    ]);
    expect(notices.every((m) => m.body === '关于申请购置办公设备的请示')).toBe(true);
    expect(notices[0]!.createdAt).toEqual(clock.now());
    const plain = await start(['zhao', 'zhang']);
    expect((await noticesOf(plain.caseId)).map((m) => [m.to, m.title])).toEqual([
      [['zhao'], '待办：审批'],
    ]);
    await engine.send({
      caseId: plain.caseId,
      actorId: 'zhao',
      commandId: cmd(),
      event: { type: 'APPROVE', opinion: '同意' },
    });
    const second = (await store.listTasks(plain.caseId)).find((x) => x.doneAt === null)!;
    expect((await noticesOf(plain.caseId)).map((m) => [m.to, m.title, m.taskId])).toEqual([
      [['zhang'], '待办：审批（李主任代理）', second.id],
      [['li'], '待办：审批（代张县长）', second.id],
    ]);
    // once the delegation has ended, only the candidate is told
    clock.set('2026-12-02T01:00:00.000Z');
    try {
      const later = await start(['zhang']);
      expect((await noticesOf(later.caseId)).map((m) => [m.to, m.title])).toEqual([
        [['zhang'], '待办：审批'],
      ]);
    } finally {
      clock.set('2026-11-25T01:00:00.000Z');
    }
  });

  it('reassigns an open task to someone else, recorded in the ledger', async () => {
    const { caseId } = await start(['zhao']);
    const key = (await engine.case(caseId)).assignments[0]!.key;
    const base = { caseId, taskKey: key, to: ['qian'], reason: '赵局长外出学习，改由钱股长办理' };
    const before = await snapshotOf(caseId);
    await expectCode(
      engine.reassign({ ...base, actorId: 'sun', commandId: cmd() }),
      'NOT_PERMITTED',
    );
    await expectCode(
      engine.reassign({ ...base, actorId: 'gao', commandId: cmd(), to: ['ghost'] }),
      'VALIDATION_FAILED',
    );
    await expectCode(
      engine.reassign({ ...base, actorId: 'gao', commandId: cmd(), taskKey: 'nope' }),
      'NOT_FOUND',
    );
    await expectCode(
      engine.reassign({ ...base, actorId: 'gao', commandId: cmd(), reason: ' ' }),
      'VALIDATION_FAILED',
    );
    expect(await snapshotOf(caseId)).toEqual(before);

    const r = await engine.reassign({ ...base, actorId: 'gao', commandId: cmd() });
    expect(r).toMatchObject({ rev: 2, state: 'reviewing' });
    const c = await engine.case(caseId);
    expect(c.assignments.map((a) => [a.key, a.candidates])).toEqual([[key, ['qian']]]);
    // Both rows share a creation time on this fixed clock: compare without their order.
    const tasks = (await store.listTasks(caseId)).sort(
      (a, b) => Number(a.doneAt === null) - Number(b.doneAt === null),
    );
    expect(tasks.map((t) => [t.key, t.candidates, t.doneEvent])).toEqual([
      [key, ['zhao'], '$reassign'],
      [key, ['qian'], null],
    ]);
    await expectCode(
      engine.send({
        caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      }),
      'NOT_PERMITTED',
    );
    await engine.send({
      caseId,
      actorId: 'qian',
      commandId: cmd(),
      event: { type: 'APPROVE', opinion: '同意' },
    });
    const ledger = await store.listLedger(caseId);
    expect(ledger.map((l) => [l.event, l.actorId, l.opinion])).toEqual([
      ['start', 'sun', null],
      ['$reassign', 'gao', '赵局长外出学习，改由钱股长办理'],
      ['APPROVE', 'qian', '同意'],
    ]);
    expect(ledger[1]!.fields).toEqual({ taskKey: key, from: ['zhao'], to: ['qian'] });
    expect((await engine.verifyLedger(caseId)).ok).toBe(true);
  });

  it('lists the events each user may send now', async () => {
    const { caseId } = await start();
    expect((await engine.can({ caseId, actorId: 'zhao' })).map((e) => e.type)).toEqual([
      'APPROVE',
      'RETURN',
    ]);
    expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual(['WITHDRAW']);
    expect((await engine.can({ caseId, actorId: 'qian' })).map((e) => e.type)).toEqual([]);
    await engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'WITHDRAW' } });
    expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([
      'RESUBMIT',
      'CANCEL',
    ]);
    expect((await engine.can({ caseId, actorId: 'zhao' })).map((e) => e.type)).toEqual([]);
  });
}
