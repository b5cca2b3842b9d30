import { beforeAll, expect, it } from 'vitest';
import { TIMER_ACTOR, type WorkflowEngine } from '../engine/engine.ts';
import { GongwenError } from '../errors.ts';
import type { Notification } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { cmd, type EngineSuite, expectCode } from './engine-conformance-suite.ts';

/** Engine conformance: durable timers, concurrent senders, gapless numbers and notification delivery. */
export function describeEngineWorkersAndConcurrency(suite: EngineSuite): void {
  const { clock, start } = suite;
  let store!: Store;
  let engine!: WorkflowEngine;
  beforeAll(() => {
    ({ store, engine } = suite.get());
  });

  it('fires a durable timer once, reschedules it, and cancels it when the state is left', async () => {
    const { caseId } = await start(['zhao'], { remindAfterMs: 3_600_000 });
    const [timer] = await store.listTimers(caseId);
    expect(timer).toMatchObject({
      sendId: 'remind',
      dueAt: new Date('2026-11-25T02:00:00.000Z'),
      event: { type: 'REMIND' },
    });
    expect((await engine.runDueTimers({ now: new Date('2026-11-25T01:59:59.000Z') })).fired).toBe(
      0,
    );
    clock.set('2026-11-25T02:00:01.000Z');
    try {
      const run = await engine.runDueTimers({ workerId: 'w1' });
      expect(run.fired).toBeGreaterThanOrEqual(1);
      const again = await engine.runDueTimers({ workerId: 'w2' });
      expect(again.fired).toBe(0);
      const c = await engine.case(caseId);
      expect(c.fields.reminders).toBe(1);
      const entry = (await store.listLedger(caseId)).at(-1)!;
      expect([entry.event, entry.actorId]).toEqual(['REMIND', TIMER_ACTOR]);
      const timers = await store.listTimers(caseId);
      expect(timers.map((t) => t.dueAt)).toEqual([new Date('2026-11-25T03:00:01.000Z')]);
      // The task stays the same through a reminder.
      expect((await store.listTasks(caseId)).filter((t) => t.doneAt === null)).toHaveLength(1);
      await engine.send({
        caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'RETURN', reason: '退回修改' },
      });
      expect(await store.listTimers(caseId)).toEqual([]);
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
    } finally {
      clock.set('2026-11-25T01:00:00.000Z');
    }
  });

  it('runs timers in a long-running worker until stopped', async () => {
    const { caseId } = await start(['zhao'], { remindAfterMs: 3_600_000 });
    const worker = engine.startTimerWorker({ workerId: 'background', pollMs: 10 });
    try {
      clock.set('2026-11-25T02:00:00.500Z');
      const deadline = Date.now() + 10_000;
      while ((await engine.case(caseId)).fields.reminders !== 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await worker.stop();
      clock.set('2026-11-25T01:00:00.000Z');
    }
    expect((await engine.case(caseId)).fields.reminders).toBe(1);
    const fired = (await store.listLedger(caseId)).filter((l) => l.actorId === TIMER_ACTOR);
    expect(fired.map((l) => l.event)).toEqual(['REMIND']);
  });

  it('lets exactly one of 16 concurrent senders win each step', async () => {
    const approvers = ['zhao', 'zhang', 'chen'];
    const { caseId } = await start(approvers);
    for (let round = 0; round < approvers.length; round++) {
      const actor = approvers[round]!;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) =>
          engine.send({
            caseId,
            actorId: actor,
            commandId: cmd(),
            event: { type: 'APPROVE', opinion: `第${i}号` },
          }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          expect(o.reason).toBeInstanceOf(GongwenError);
          expect(['NOT_PERMITTED', 'INVALID_EVENT']).toContain((o.reason as GongwenError).code);
        }
      }
    }
    const ledger = await store.listLedger(caseId);
    expect(ledger.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect((await engine.case(caseId)).rev).toBe(4);
    expect((await engine.verifyLedger(caseId)).ok).toBe(true);
  });

  it('numbers 20 parallel starts with 20 distinct consecutive numbers', async () => {
    const before = await store.currentSerial('demo', '审批:2026');
    const results = await Promise.all(Array.from({ length: 20 }, () => start(['zhao'])));
    const numbers = await Promise.all(
      results.map(async (r) => (await engine.case(r.caseId)).fields.serialNo),
    );
    const expected = Array.from({ length: 20 }, (_, i) => `审〔2026〕${before + i + 1}号`);
    expect(
      [...numbers].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true })),
    ).toEqual(expected);
    // A refused start takes no number.
    await expectCode(
      engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: cmd(),
        input: { title: '标题', approvers: ['ghost'] },
      }),
      'VALIDATION_FAILED',
    );
    expect(await store.currentSerial('demo', '审批:2026')).toBe(before + 20);
  });

  it('delivers notifications in a long-running worker until stopped', async () => {
    const sent: Notification[] = [];
    const worker = engine.startNotificationWorker({
      notifier: { send: async (m) => void sent.push(m) },
      pollMs: 10,
    });
    let caseId = '';
    try {
      ({ caseId } = await start(['chen']));
      const deadline = Date.now() + 10_000;
      while (!sent.some((m) => m.caseId === caseId) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await worker.stop();
    }
    expect(sent.filter((m) => m.caseId === caseId)).toEqual([
      expect.objectContaining({ channel: 'inApp', to: ['chen'], title: '待办：审批' }),
    ]);
  });

  it('records when a task is first opened and delivers notifications through a Notifier', async () => {
    const { caseId } = await start(['qian']);
    const task = (await store.listTasks(caseId))[0]!;
    await expectCode(engine.openTask({ caseId, taskId: task.id, actorId: 'sun' }), 'NOT_PERMITTED');
    await engine.openTask({ caseId, taskId: task.id, actorId: 'qian' });
    expect((await store.listTasks(caseId))[0]!.openedAt).toEqual(clock.now());
    const sent: Notification[] = [];
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const k = await engine.deliverNotifications(
        { send: async (m) => void sent.push(m) },
        { limit: 500 },
      );
      total += k;
      if (k === 0) break;
    }
    expect(total).toBe(sent.length);
    expect(sent.find((m) => m.caseId === caseId)).toMatchObject({
      channel: 'inApp',
      to: ['qian'],
      title: '待办：审批',
    });
    expect(await engine.deliverNotifications({ send: async () => undefined })).toBe(0);
  });
}
