import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { createStoreDirectory } from '../directory/store-directory.ts';
import { createWorkflowEngine, TIMER_ACTOR, type WorkflowEngine } from '../engine/engine.ts';
import { GongwenError } from '../errors.ts';
import type { Notification } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { approvalWorkflow } from './approval-workflow.ts';
import { SAMPLE_DELEGATIONS } from './directory-conformance.ts';
import { loadSampleOrg } from './sample-org.ts';

/** Options of the engine conformance suite. */
export interface EngineConformanceOptions {
  timeout?: number;
}

let n = 0;
const cmd = () => `cmd-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;

async function expectCode(p: Promise<unknown>, code: GongwenError['code']): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  // Compare strings only: a foreign error may hold a whole database handle.
  expect(e instanceof GongwenError ? e.code : `not a GongwenError: ${String(e)}`).toBe(code);
}

/**
 * End-to-end engine behaviour on a given store: the sample approval workflow passing
 * through its steps, refusals that write nothing, idempotent retries, delegation,
 * durable timers and concurrent senders.
 */
export function describeEngineConformance(
  name: string,
  makeStore: () => Promise<Store>,
  options: EngineConformanceOptions = {},
): void {
  describe(`Engine on ${name}`, { timeout: options.timeout ?? 30_000 }, () => {
    const clock = manualClock('2026-11-25T01:00:00.000Z'); // Wednesday 09:00 in Beijing
    let store: Store;
    let engine: WorkflowEngine;

    beforeAll(async () => {
      store = await makeStore();
      await loadSampleOrg(store.directory, SAMPLE_DELEGATIONS);
      engine = createWorkflowEngine({
        store,
        directory: createStoreDirectory(store.directory),
        clock,
        workflows: [approvalWorkflow],
      });
    }, options.timeout ?? 60_000);

    const start = (approvers = ['zhao', 'zhang'], extra: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: cmd(),
        input: { title: '关于申请购置办公设备的请示', approvers, ...extra },
      });

    async function snapshotOf(caseId: string) {
      return {
        case: await store.getCase(caseId),
        ledger: await store.listLedger(caseId),
        tasks: await store.listTasks(caseId),
        timers: await store.listTimers(caseId),
      };
    }

    it('runs a case through its steps, keeping tasks, ledger and chain in step', async () => {
      const started = await start();
      expect(started).toMatchObject({ rev: 1, state: 'reviewing', status: 'active', ledgerSeq: 1 });
      const c1 = await engine.case(started.caseId);
      expect(c1.assignments).toEqual([
        expect.objectContaining({
          key: 'approve:0:zhao',
          candidates: ['zhao'],
          events: ['APPROVE', 'RETURN'],
        }),
      ]);
      // 3 working days from Wednesday 2026-11-25 → end of Monday 2026-11-30 in Beijing.
      expect(c1.assignments[0]!.dueAt).toEqual(new Date('2026-11-30T15:59:59.999Z'));
      const inbox = await engine.inbox({ actorId: 'zhao' });
      expect(inbox.items.map((i) => i.task.caseId)).toContain(started.caseId);

      clock.advance(60_000);
      const r2 = await engine.send({
        caseId: started.caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意，请张县长审批' },
      });
      expect(r2).toMatchObject({ rev: 2, state: 'reviewing', ledgerSeq: 2, onBehalfOf: null });
      clock.advance(60_000);
      const r3 = await engine.send({
        caseId: started.caseId,
        actorId: 'zhang',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      expect(r3).toMatchObject({ rev: 3, state: 'approved', status: 'done' });

      const { case: c, ledger, tasks, timers } = await snapshotOf(started.caseId);
      expect(c?.status).toBe('done');
      expect(ledger.map((l) => [l.event, l.actorId, l.fromState, l.toState, l.opinion])).toEqual([
        ['start', 'sun', null, 'reviewing', null],
        ['APPROVE', 'zhao', 'reviewing', 'reviewing', '同意，请张县长审批'],
        ['APPROVE', 'zhang', 'reviewing', 'approved', '同意'],
      ]);
      expect(tasks.map((t) => [t.key, t.doneBy, t.doneEvent])).toEqual([
        ['approve:0:zhao', 'zhao', 'APPROVE'],
        ['approve:1:zhang', 'zhang', 'APPROVE'],
      ]);
      expect(timers).toEqual([]);
      expect(await engine.verifyLedger(started.caseId)).toEqual({
        ok: true,
        entries: 3,
        problems: [],
      });
      const done = await engine.done({ actorId: 'zhao' });
      expect(done.items.map((i) => i.caseRecord.id)).toContain(started.caseId);
      expect(
        (await engine.inbox({ actorId: 'zhang' })).items.map((i) => i.task.caseId),
      ).not.toContain(started.caseId);
    });

    it('refuses bad input with a typed error and writes nothing', async () => {
      const { caseId } = await start();
      const before = await snapshotOf(caseId);
      // wrong person
      await expectCode(
        engine.send({
          caseId,
          actorId: 'sun',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // forged actor id
      await expectCode(
        engine.send({
          caseId,
          actorId: 'nobody',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // inactive user
      await expectCode(
        engine.send({
          caseId,
          actorId: 'retired',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // another unit's user cannot even see the case
      await expectCode(
        engine.send({
          caseId,
          actorId: 'outsider',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_FOUND',
      );
      // unknown event
      await expectCode(
        engine.send({ caseId, actorId: 'zhao', commandId: cmd(), event: { type: 'FLY' } }),
        'INVALID_EVENT',
      );
      // event the workflow has, in the wrong state (RESUBMIT is for `revising`)
      await expectCode(
        engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'RESUBMIT' } }),
        'NOT_PERMITTED',
      );
      // invalid payload
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '   ' },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: 42 },
        }),
        'VALIDATION_FAILED',
      );
      // malformed command
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: '',
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'VALIDATION_FAILED',
      );
      // unknown case
      await expectCode(
        engine.send({
          caseId: 'no-such-case',
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_FOUND',
      );
      // stale expected revision
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          expectedRev: 5,
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'VERSION_CONFLICT',
      );
      expect(await snapshotOf(caseId)).toEqual(before);
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
    });

    it('refuses a guarded event in the wrong state with INVALID_EVENT', async () => {
      const { caseId } = await start();
      await engine.send({
        caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      const before = await snapshotOf(caseId);
      // 撤回 is only possible before anyone approved, and `can` no longer offers it.
      expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([]);
      await expectCode(
        engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'WITHDRAW' } }),
        'INVALID_EVENT',
      );
      expect(await snapshotOf(caseId)).toEqual(before);
    });

    it('refuses to start with invalid input or unknown assignees, writing nothing', async () => {
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '', approvers: ['zhao'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '标题', approvers: ['ghost'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '标题', approvers: ['outsider'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({ workflow: 'nope', actorId: 'sun', commandId: cmd(), input: {} }),
        'NOT_FOUND',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'ghost',
          commandId: cmd(),
          input: { title: '标题', approvers: ['zhao'] },
        }),
        'NOT_PERMITTED',
      );
      const c = cmd();
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: c,
          caseId: 'case-never',
          input: { title: '标题', approvers: ['ghost'] },
        }),
        'VALIDATION_FAILED',
      );
      expect(await store.getCase('case-never')).toBeNull();
      expect(await store.getCommand(c)).toBeNull();
    });

    it('answers a retried command with the first result and writes once', async () => {
      const startCmd = cmd();
      const input = { title: '重试测试', approvers: ['zhao'] };
      const a = await engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: startCmd,
        input,
      });
      const b = await engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: startCmd,
        input,
      });
      expect(b).toEqual(a);
      const sendCmd = cmd();
      const ev = {
        caseId: a.caseId,
        actorId: 'zhao',
        commandId: sendCmd,
        event: { type: 'RETURN', reason: '请补充预算明细' },
      };
      const r1 = await engine.send(ev);
      const r2 = await engine.send(ev);
      expect(r2).toEqual(r1);
      const [r3, r4] = await Promise.all([engine.send(ev), engine.send(ev)]);
      expect(r3).toEqual(r1);
      expect(r4).toEqual(r1);
      expect(await store.listLedger(a.caseId)).toHaveLength(2);
      // The same id sent to another case is a mistake, not a retry.
      const other = await start(['zhao']);
      await expectCode(engine.send({ ...ev, caseId: other.caseId }), 'VALIDATION_FAILED');
      expect(await store.listLedger(other.caseId)).toHaveLength(1);
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
    async function noticesOf(caseId: string): Promise<Notification[]> {
      const sent: Notification[] = [];
      while ((await engine.deliverNotifications({ send: async (m) => void sent.push(m) })) > 0) {
        // until the outbox is empty
      }
      return sent.filter((m) => m.caseId === caseId);
    }

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
      expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([
        'WITHDRAW',
      ]);
      expect((await engine.can({ caseId, actorId: 'qian' })).map((e) => e.type)).toEqual([]);
      await engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'WITHDRAW' } });
      expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([
        'RESUBMIT',
        'CANCEL',
      ]);
      expect((await engine.can({ caseId, actorId: 'zhao' })).map((e) => e.type)).toEqual([]);
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
      await expectCode(
        engine.openTask({ caseId, taskId: task.id, actorId: 'sun' }),
        'NOT_PERMITTED',
      );
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
  });
}
