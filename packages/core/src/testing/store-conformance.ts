import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommandReplayed, VersionConflict } from '../errors.ts';
import { buildLedgerRecord, GENESIS_HASH } from '../ledger/chain.ts';
import type { CaseRecord, StartWrite, Store, TaskRecord, TransitionWrite } from '../ports/store.ts';
import { loadSampleOrg } from './sample-org.ts';

/** Options of the store conformance suite. */
export interface StoreConformanceOptions {
  /** Per-test timeout in ms (embedded databases boot slowly). */
  timeout?: number;
}

let seq = 0;
/** A unique id per call, so suites can share one database. */
const uid = (p: string) => `${p}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const T0 = new Date('2026-11-25T01:00:00.000Z');
/** Timers of these tests fall due long after any engine test's clock. */
const FAR = new Date('2090-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function task(
  caseId: string,
  key: string,
  candidates: string[],
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id: uid('task'),
    unitId: 'demo',
    caseId,
    workflow: 'approval',
    key,
    kind: 'act',
    label: `办理 ${key}`,
    events: ['APPROVE'],
    candidates,
    createdAt: T0,
    dueAt: null,
    openedAt: null,
    doneAt: null,
    doneBy: null,
    doneOnBehalfOf: null,
    doneEvent: null,
    ...extra,
  };
}

function newCase(
  opts: { title?: string; candidates?: string[]; createdAt?: Date; workflow?: string } = {},
): StartWrite {
  const id = uid('case');
  const ledger = buildLedgerRecord({
    caseId: id,
    seq: 1,
    unitId: 'demo',
    at: opts.createdAt ?? T0,
    actorId: 'wang',
    onBehalfOf: null,
    event: 'start',
    fromState: null,
    toState: 'reviewing',
    opinion: null,
    fields: { title: opts.title ?? '关于测试的请示', nested: { b: 1, a: [1, '二'] } },
    prevHash: GENESIS_HASH,
  });
  const t = task(id, 'k1', opts.candidates ?? ['zhang'], {
    createdAt: opts.createdAt ?? T0,
    workflow: opts.workflow ?? 'approval',
  });
  const caseRecord: CaseRecord = {
    id,
    unitId: 'demo',
    workflow: opts.workflow ?? 'store-conformance',
    workflowVersion: 1,
    title: opts.title ?? '关于测试的请示',
    state: 'reviewing',
    status: 'active',
    snapshot: { status: 'active', value: 'reviewing', context: { n: 1, 中文: '值' } },
    fields: { 密级: '普通', urgency: '特急' },
    rev: 1,
    startedBy: 'wang',
    createdAt: opts.createdAt ?? T0,
    updatedAt: opts.createdAt ?? T0,
    ledgerSeq: 1,
    ledgerHead: ledger.hash,
    assignments: [
      {
        key: 'k1',
        kind: 'act',
        label: t.label,
        events: ['APPROVE'],
        candidates: t.candidates,
        dueAt: null,
      },
    ],
  };
  return {
    case: caseRecord,
    ledger,
    openTasks: [t],
    scheduleTimers: [
      { caseId: id, sendId: 'remind', unitId: 'demo', dueAt: FAR, event: { type: 'REMIND' } },
    ],
    outbox: [
      {
        id: uid('ob'),
        unitId: 'demo',
        caseId: id,
        taskId: t.id,
        channel: 'inApp',
        recipients: ['zhang'],
        title: '待办',
        body: '正文',
        createdAt: T0,
      },
    ],
    command: { id: uid('cmd'), caseId: id, result: { caseId: id, rev: 1 } },
  };
}

function nextWrite(start: StartWrite, overrides: Partial<TransitionWrite> = {}): TransitionWrite {
  const ledger = buildLedgerRecord({
    caseId: start.case.id,
    seq: 2,
    unitId: 'demo',
    at: at(5),
    actorId: 'zhang',
    onBehalfOf: null,
    event: 'APPROVE',
    fromState: 'reviewing',
    toState: 'approved',
    opinion: '同意',
    fields: {},
    prevHash: start.ledger.hash,
  });
  return {
    caseId: start.case.id,
    expectedRev: 1,
    case: {
      rev: 2,
      state: 'approved',
      status: 'active',
      snapshot: { status: 'active', value: 'approved', context: { n: 2 } },
      title: start.case.title,
      fields: { 密级: '普通' },
      updatedAt: at(5),
      ledgerSeq: 2,
      ledgerHead: ledger.hash,
      assignments: [],
    },
    ledger,
    closeTasks: [{ key: 'k1', doneBy: 'zhang', doneOnBehalfOf: null, doneEvent: 'APPROVE' }],
    closedAt: at(5),
    openTasks: [task(start.case.id, 'k2', ['li'], { createdAt: at(5) })],
    deleteTimers: ['remind'],
    scheduleTimers: [
      {
        caseId: start.case.id,
        sendId: 'later',
        unitId: 'demo',
        dueAt: new Date(FAR.getTime() + 60_000),
        event: { type: 'LATER', n: 1 },
      },
    ],
    outbox: [],
    command: { id: uid('cmd'), caseId: start.case.id, result: { rev: 2 } },
    ...overrides,
  };
}

/**
 * The behaviour every `Store` must show. Call from a test file of the adapter:
 * `describeStoreConformance('pglite', async () => store)`. The store may be shared
 * with other suites; tests only read what they wrote.
 */
export function describeStoreConformance(
  name: string,
  makeStore: () => Promise<Store>,
  options: StoreConformanceOptions = {},
): void {
  describe(`Store conformance: ${name}`, { timeout: options.timeout ?? 30_000 }, () => {
    let store: Store;
    beforeAll(async () => {
      store = await makeStore();
      await loadSampleOrg(store.directory);
    }, options.timeout ?? 60_000);

    it('creates a case with its ledger, tasks, timers and command in one transaction', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      expect(await store.getCase(w.case.id)).toEqual(w.case);
      expect(await store.listLedger(w.case.id)).toEqual([w.ledger]);
      expect(await store.listTasks(w.case.id)).toEqual(w.openTasks);
      expect(await store.listTimers(w.case.id)).toEqual(w.scheduleTimers);
      expect(await store.getCommand(w.command!.id)).toEqual(w.command);
    });

    it('rolls back everything when the transaction function throws', async () => {
      const w = newCase();
      await expect(
        store.transaction(async (tx) => {
          await tx.createCase(w);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getCase(w.case.id)).toBeNull();
      expect(await store.listLedger(w.case.id)).toEqual([]);
      expect(await store.listTasks(w.case.id)).toEqual([]);
      expect(await store.listTimers(w.case.id)).toEqual([]);
      expect(await store.getCommand(w.command!.id)).toBeNull();
    });

    it('refuses a duplicate command id with CommandReplayed and writes nothing', async () => {
      const first = newCase();
      await store.transaction((tx) => tx.createCase(first));
      const second = { ...newCase(), command: { ...first.command!, caseId: 'x' } };
      await expect(store.transaction((tx) => tx.createCase(second))).rejects.toBeInstanceOf(
        CommandReplayed,
      );
      expect(await store.getCase(second.case.id)).toBeNull();
    });

    it('applies a transition: case, ledger, closed and opened tasks, timers', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      const t = nextWrite(w);
      await store.transaction(async (tx) => {
        const { caseRecord, command } = await tx.lockCase(w.case.id, t.command!.id);
        expect(caseRecord?.rev).toBe(1);
        expect(command).toBeNull();
        await tx.applyTransition(t);
      });
      const c = await store.getCase(w.case.id);
      expect(c).toEqual({ ...w.case, ...t.case });
      expect((await store.listLedger(w.case.id)).map((l) => l.seq)).toEqual([1, 2]);
      expect((await store.listLedger(w.case.id))[1]).toEqual(t.ledger);
      const tasks = await store.listTasks(w.case.id);
      expect(tasks).toHaveLength(2);
      expect(tasks[0]).toMatchObject({
        key: 'k1',
        doneBy: 'zhang',
        doneEvent: 'APPROVE',
        doneAt: at(5),
      });
      expect(tasks[1]).toMatchObject({ key: 'k2', doneAt: null, candidates: ['li'] });
      expect(await store.listTimers(w.case.id)).toEqual(t.scheduleTimers);
      const locked = await store.transaction((tx) => tx.lockCase(w.case.id, t.command!.id));
      expect(locked.command).toEqual(t.command);
    });

    it('deletes every timer of a case with "*"', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      await store.transaction((tx) =>
        tx.applyTransition(nextWrite(w, { deleteTimers: ['*'], scheduleTimers: [] })),
      );
      expect(await store.listTimers(w.case.id)).toEqual([]);
    });

    it('moves a case to another workflow version inside a transition (流程迁移)', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      await store.transaction(async (tx) => {
        await tx.lockCase(w.case.id, null);
        await tx.applyTransition(nextWrite(w, { command: null }));
        await tx.setWorkflowVersion(w.case.id, w.case.workflowVersion + 1);
      });
      expect(await store.getCase(w.case.id)).toMatchObject({
        workflowVersion: w.case.workflowVersion + 1,
        rev: 2,
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.setWorkflowVersion(w.case.id, 99);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.getCase(w.case.id))?.workflowVersion).toBe(w.case.workflowVersion + 1);
    });

    it('fails a transition on a stale rev with VersionConflict and writes nothing', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      const stale = nextWrite(w, { expectedRev: 7 });
      await expect(store.transaction((tx) => tx.applyTransition(stale))).rejects.toBeInstanceOf(
        VersionConflict,
      );
      expect((await store.getCase(w.case.id))?.rev).toBe(1);
      expect(await store.listLedger(w.case.id)).toHaveLength(1);
      expect(await store.getCommand(stale.command!.id)).toBeNull();
      expect((await store.listTasks(w.case.id)).every((t) => t.doneAt === null)).toBe(true);
    });

    it('fails a transition whose command id was used with CommandReplayed and writes nothing', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      const dup = nextWrite(w, { command: { ...w.command!, caseId: w.case.id } });
      await expect(store.transaction((tx) => tx.applyTransition(dup))).rejects.toBeInstanceOf(
        CommandReplayed,
      );
      expect((await store.getCase(w.case.id))?.rev).toBe(1);
      expect(await store.listLedger(w.case.id)).toHaveLength(1);
    });

    it('serialises transactions that lock the same case', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let locked!: () => void;
      const firstLocked = new Promise<void>((r) => {
        locked = r;
      });
      const first = store.transaction(async (tx) => {
        await tx.lockCase(w.case.id, null);
        locked();
        await held;
        await tx.applyTransition(nextWrite(w));
        order.push('first committed');
      });
      await firstLocked;
      const second = store.transaction(async (tx) => {
        const { caseRecord } = await tx.lockCase(w.case.id, null);
        order.push(`second saw rev ${caseRecord?.rev}`);
      });
      await new Promise((r) => setTimeout(r, 50));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first committed', 'second saw rev 2']);
    });

    it('hands out gapless serial numbers under concurrency, giving back rolled-back ones', async () => {
      const scope = uid('收文:红头:2026');
      const values = await Promise.all(
        Array.from({ length: 20 }, () => store.transaction((tx) => tx.nextSerial('demo', scope))),
      );
      expect([...values].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.nextSerial('demo', scope)).toBe(21);
          throw new Error('registration refused');
        }),
      ).rejects.toThrow('registration refused');
      expect(await store.currentSerial('demo', scope)).toBe(20);
      expect(await store.transaction((tx) => tx.nextSerial('demo', scope))).toBe(21);
      expect(await store.transaction((tx) => tx.nextSerial('other', scope))).toBe(1);
      expect(await store.currentSerial('demo', uid('never-used'))).toBe(0);
    });

    it('lists cases by workflow, status, period and title, newest first', async () => {
      const workflow = uid('listing');
      const made: StartWrite[] = [];
      for (const [i, title] of [
        '一号 关于春耕的通知',
        '二号 关于防汛的通知',
        '三号 关于秋收的报告',
      ].entries()) {
        const w = newCase({ title, workflow, createdAt: at(100 + i) });
        await store.transaction((tx) => tx.createCase(w));
        made.push(w);
      }
      await store.transaction((tx) =>
        tx.applyTransition({
          ...nextWrite(made[0]!),
          case: { ...nextWrite(made[0]!).case, status: 'done' },
        }),
      );
      const base = { unitId: 'demo', workflow, limit: 10, offset: 0 };
      const all = await store.listCases(base);
      expect(all.total).toBe(3);
      expect(all.items.map((c) => c.title[0])).toEqual(['三', '二', '一']);
      expect(
        (await store.listCases({ ...base, status: 'done' })).items.map((c) => c.title[0]),
      ).toEqual(['一']);
      expect((await store.listCases({ ...base, status: 'active' })).total).toBe(2);
      expect(
        (await store.listCases({ ...base, createdFrom: at(101), createdTo: at(102) })).items.map(
          (c) => c.title[0],
        ),
      ).toEqual(['二']);
      expect((await store.listCases({ ...base, search: '通知' })).total).toBe(2);
      expect(
        (await store.listCases({ ...base, limit: 1, offset: 1 })).items.map((c) => c.title[0]),
      ).toEqual(['二']);
      expect((await store.listCases({ ...base, unitId: 'other' })).total).toBe(0);
    });

    it('answers an unknown case with null', async () => {
      expect(await store.getCase('no-such-case')).toBeNull();
      const r = await store.transaction((tx) => tx.lockCase('no-such-case', 'no-such-command'));
      expect(r).toEqual({ caseRecord: null, command: null });
    });

    describe('inbox and done lists', () => {
      const principal = uid('inbox-user');
      const deputyFor = uid('inbox-principal');
      const made: StartWrite[] = [];
      beforeAll(async () => {
        const specs = [
          {
            title: '甲 关于预算调整的请示',
            candidates: [principal],
            createdAt: at(1),
            workflow: 'approval',
          },
          {
            title: '乙 关于道路养护的报告',
            candidates: [principal, 'zhang'],
            createdAt: at(2),
            workflow: 'incoming',
          },
          {
            title: '丙 关于学校建设的函',
            candidates: [deputyFor],
            createdAt: at(3),
            workflow: 'approval',
          },
          {
            title: '丁 关于医疗保障的通知',
            candidates: [deputyFor],
            createdAt: at(4),
            workflow: 'incoming',
          },
          {
            title: '戊 不相关',
            candidates: ['someone-else'],
            createdAt: at(5),
            workflow: 'approval',
          },
        ];
        for (const s of specs) {
          const w = newCase(s);
          w.openTasks[0]!.dueAt = s.title.startsWith('甲')
            ? at(10)
            : s.title.startsWith('乙')
              ? at(1000)
              : null;
          await store.transaction((tx) => tx.createCase(w));
          made.push(w);
        }
      });

      it('lists open tasks of every principal, respecting delegated workflows', async () => {
        const page = await store.inbox({
          unitId: 'demo',
          principals: [
            { id: principal, workflows: null },
            { id: deputyFor, workflows: ['approval'] },
          ],
          now: at(20),
          sort: 'newest',
          limit: 10,
          offset: 0,
        });
        expect(page.total).toBe(3);
        expect(page.items.map((i) => i.caseTitle)).toEqual([
          '丙 关于学校建设的函',
          '乙 关于道路养护的报告',
          '甲 关于预算调整的请示',
        ]);
        expect(page.items[0]!.principalId).toBe(deputyFor);
        expect(page.items[2]!.caseFields).toEqual({ 密级: '普通', urgency: '特急' });
      });

      it('filters, sorts and paginates', async () => {
        const base = {
          unitId: 'demo',
          principals: [
            { id: principal, workflows: null },
            { id: deputyFor, workflows: null },
          ],
          now: at(20),
          sort: 'newest' as const,
          limit: 10,
          offset: 0,
        };
        expect((await store.inbox({ ...base, workflow: 'incoming' })).total).toBe(2);
        const overdue = await store.inbox({ ...base, overdue: true });
        expect(overdue.items.map((i) => i.caseTitle)).toEqual(['甲 关于预算调整的请示']);
        expect((await store.inbox({ ...base, overdue: false })).total).toBe(3);
        expect(
          (await store.inbox({ ...base, search: '道路' })).items.map((i) => i.caseTitle),
        ).toEqual(['乙 关于道路养护的报告']);
        expect((await store.inbox({ ...base, kind: 'read' })).total).toBe(0);
        const oldest = await store.inbox({ ...base, sort: 'oldest', limit: 2, offset: 1 });
        expect(oldest.total).toBe(4);
        expect(oldest.items.map((i) => i.caseTitle[0])).toEqual(['乙', '丙']);
        const due = await store.inbox({ ...base, sort: 'dueSoonest' });
        expect(due.items.map((i) => i.caseTitle[0])).toEqual(['甲', '乙', '丙', '丁']);
      });

      it('drops closed tasks from the inbox and lists the case as done for its actor', async () => {
        const w = made[0]!;
        const t = nextWrite(w, {
          ledger: buildLedgerRecord({ ...nextWrite(w).ledger, actorId: principal }),
          openTasks: [],
        });
        t.case.ledgerHead = t.ledger.hash;
        await store.transaction((tx) => tx.applyTransition(t));
        const page = await store.inbox({
          unitId: 'demo',
          principals: [{ id: principal, workflows: null }],
          now: at(20),
          sort: 'newest',
          limit: 10,
          offset: 0,
        });
        expect(page.items.map((i) => i.caseTitle[0])).toEqual(['乙']);
        const done = await store.done({ unitId: 'demo', userId: principal, limit: 10, offset: 0 });
        expect(done.total).toBe(1);
        expect(done.items[0]!.caseRecord.id).toBe(w.case.id);
        expect(done.items[0]!.lastActedAt).toEqual(at(5));
        expect(
          (
            await store.done({
              unitId: 'demo',
              userId: principal,
              limit: 10,
              offset: 0,
              search: '不存在',
            })
          ).total,
        ).toBe(0);
      });

      it('keeps the first time a task was opened', async () => {
        const taskId = made[1]!.openTasks[0]!.id;
        await store.markTaskOpened(taskId, at(7));
        await store.markTaskOpened(taskId, at(9));
        const t = (await store.listTasks(made[1]!.case.id))[0]!;
        expect(t.openedAt).toEqual(at(7));
      });
    });

    describe('timers', () => {
      beforeEach(async () => {
        // Claim and discard anything due far in the past left by other tests.
        await store.claimDueTimers(
          new Date('2000-01-01T00:00:00Z'),
          1000,
          'sweeper',
          new Date('2000-01-01T00:00:01Z'),
        );
      });

      it('claims only due timers, disjointly between workers, and honours leases', async () => {
        const now = new Date('2001-01-01T00:00:00Z');
        const ids: string[] = [];
        for (let i = 0; i < 6; i++) {
          const w = newCase();
          w.scheduleTimers = [
            {
              caseId: w.case.id,
              sendId: 's',
              unitId: 'demo',
              dueAt: new Date(now.getTime() - 1000 + i * 400),
              event: { type: 'REMIND' },
            },
          ];
          await store.transaction((tx) => tx.createCase(w));
          ids.push(w.case.id);
        }
        const lease = new Date(now.getTime() + 60_000);
        const [a, b] = await Promise.all([
          store.claimDueTimers(now, 2, 'A', lease),
          store.claimDueTimers(now, 10, 'B', lease),
        ]);
        const mine = [...a, ...b].filter((t) => ids.includes(t.caseId));
        expect(mine).toHaveLength(3); // due at -1000, -600, -200 ms
        expect(new Set(mine.map((t) => t.caseId)).size).toBe(3);
        expect(
          (await store.claimDueTimers(now, 10, 'C', lease)).filter((t) => ids.includes(t.caseId)),
        ).toEqual([]);
        // After the lease lapses, another worker may claim them again.
        const later = new Date(now.getTime() + 61_000);
        const again = (
          await store.claimDueTimers(later, 100, 'D', new Date(later.getTime() + 60_000))
        ).filter((t) => ids.includes(t.caseId));
        expect(again).toHaveLength(6);
        const t0 = again[0]!;
        expect(await store.transaction((tx) => tx.takeTimer(t0.caseId, t0.sendId, 'A'))).toBeNull();
        const taken = await store.transaction((tx) => tx.takeTimer(t0.caseId, t0.sendId, 'D'));
        expect(taken).toMatchObject({ caseId: t0.caseId, sendId: 's', event: { type: 'REMIND' } });
        expect(await store.listTimers(t0.caseId)).toEqual([]);
        for (const t of again)
          await store.transaction((tx) => tx.takeTimer(t.caseId, t.sendId, 'D'));
      });

      it('reports the next due time', async () => {
        const w = newCase();
        w.scheduleTimers = [
          {
            caseId: w.case.id,
            sendId: 'n',
            unitId: 'demo',
            dueAt: new Date('1999-06-01T00:00:00Z'),
            event: { type: 'X' },
          },
        ];
        await store.transaction((tx) => tx.createCase(w));
        expect(await store.nextTimerDue(new Date('1999-01-01T00:00:00Z'))).toEqual(
          new Date('1999-06-01T00:00:00Z'),
        );
        await store.claimDueTimers(
          new Date('1999-07-01T00:00:00Z'),
          1000,
          'x',
          new Date('1999-07-01T00:00:01Z'),
        );
      });
    });

    it('claims outbox rows once and marks them sent', async () => {
      const w = newCase();
      await store.transaction((tx) => tx.createCase(w));
      const now = new Date('2030-01-01T00:00:00Z');
      const lease = new Date(now.getTime() + 60_000);
      const [a, b] = await Promise.all([
        store.claimOutbox(now, 1000, 'A', lease),
        store.claimOutbox(now, 1000, 'B', lease),
      ]);
      const ids = [...a, ...b].map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(w.outbox[0]!.id);
      expect([...a, ...b].find((o) => o.id === w.outbox[0]!.id)).toMatchObject({
        caseId: w.case.id,
        taskId: w.openTasks[0]!.id,
        recipients: ['zhang'],
      });
      await store.markOutboxSent(ids, now);
      const after = await store.claimOutbox(
        new Date('2031-01-01T00:00:00Z'),
        1000,
        'C',
        new Date('2031-01-01T00:01:00Z'),
      );
      expect(after.map((o) => o.id)).not.toContain(w.outbox[0]!.id);
    });
  });
}
