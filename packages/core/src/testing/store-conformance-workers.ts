import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../ports/store.ts';
import { newCase } from './store-conformance-fixtures.ts';

/** The store conformance tests of what workers claim: due timers and outbox rows. */
export function describeStoreWorkers(getStore: () => Store): void {
  let store!: Store;
  beforeAll(() => {
    store = getStore();
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
      for (const t of again) await store.transaction((tx) => tx.takeTimer(t.caseId, t.sendId, 'D'));
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
}
