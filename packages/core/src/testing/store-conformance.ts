import { beforeAll, describe, expect, it } from 'vitest';
import { CommandReplayed, VersionConflict } from '../errors.ts';
import type { Store } from '../ports/store.ts';
import { loadSampleOrg } from './sample-org.ts';
import { at, newCase, nextWrite, uid } from './store-conformance-fixtures.ts';
import { describeStoreLists } from './store-conformance-lists.ts';
import { describeStoreWorkers } from './store-conformance-workers.ts';

/** Options of the store conformance suite. */
export interface StoreConformanceOptions {
  /** Per-test timeout in ms (embedded databases boot slowly). */
  timeout?: number;
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

    it('answers an unknown case with null', async () => {
      expect(await store.getCase('no-such-case')).toBeNull();
      const r = await store.transaction((tx) => tx.lockCase('no-such-case', 'no-such-command'));
      expect(r).toEqual({ caseRecord: null, command: null });
    });

    describeStoreLists(() => store);
    describeStoreWorkers(() => store);
  });
}
