import { describe, expect, it } from 'vitest';
import type { CaseLists, ListPage } from '../ports/case-lists.ts';
import type { CaseRecord } from '../ports/store.ts';
import { type ListsFixture, t, W, W2 } from './case-lists-fixture.ts';

/** `CaseLists.done` (已办) and the batch reads of a page (`ledgersOf`, `tasksOf`). */
export function describeDoneList(fx: ListsFixture): void {
  const { U, id } = fx;
  describe('done (已办)', () => {
    const done = (userId: string, q: Partial<Parameters<CaseLists['done']>[0]> = {}) =>
      fx.lists.done({ unitId: U, userId, limit: 50, ...q });
    const caseIds = (p: ListPage<{ caseRecord: CaseRecord }>) =>
      p.items.map((i) => i.caseRecord.id.slice(id('').length));

    it('lists cases the user acted on, or someone acted on for them, by last action', async () => {
      const wang = await done('wang');
      expect(caseIds(wang)).toEqual(['d', 'x', 'a']);
      expect(wang.items[0]!.lastActedAt).toEqual(t(10));
      expect(wang.total).toBe(3);
      const zhang = await done('zhang');
      expect(caseIds(zhang)).toEqual(['d', 'c']);
      expect(zhang.items[0]!.lastActedAt).toEqual(t(50));
      expect(zhang.items[0]!.caseRecord).toEqual(fx.revs.get(id('d')));
      expect(caseIds(await done('zhou'))).toEqual(['b']);
      expect(caseIds(await done('qian'))).toEqual(['b']);
      expect(caseIds(await done('sun'))).toEqual([]);
      expect(caseIds(await done('wang', { sort: 'oldest' }))).toEqual(['a', 'x', 'd']);
    });

    it('filters, pages and counts', async () => {
      expect(caseIds(await done('wang', { workflow: W }))).toEqual(['d', 'a']);
      expect(caseIds(await done('wang', { period: { from: t(5) } }))).toEqual(['d', 'x']);
      expect(caseIds(await done('zhang', { status: 'done' }))).toEqual(['d']);
      expect(caseIds(await done('wang', { search: { text: '总结' } }))).toEqual(['d']);
      const p1 = await done('wang', { limit: 2, countBy: 'workflow' });
      expect(caseIds(p1)).toEqual(['d', 'x']);
      expect(p1.counts).toEqual({ [W]: 2, [W2]: 1 });
      const p2 = await done('wang', { limit: 2, cursor: p1.nextCursor });
      expect(caseIds(p2)).toEqual(['a']);
      expect(p2.nextCursor).toBeNull();
    });

    it('reads the ledgers and the tasks of a page of cases at once', async () => {
      const ledgers = await fx.lists.ledgersOf([id('b'), id('d'), id('none')]);
      expect([...ledgers.keys()]).toEqual([id('b'), id('d'), id('none')]);
      expect(ledgers.get(id('b'))!.map((e) => [e.seq, e.actorId, e.onBehalfOf])).toEqual([
        [1, 'li', null],
        [2, 'qian', 'zhou'],
      ]);
      expect(ledgers.get(id('d'))!.map((e) => e.seq)).toEqual([1, 2]);
      expect(ledgers.get(id('none'))).toEqual([]);
      const tasks = await fx.lists.tasksOf([id('b'), id('a'), id('none')]);
      expect(tasks.get(id('b'))!.map((k) => [k.key, k.doneBy])).toEqual([
        ['k1', 'qian'],
        ['k2', null],
      ]);
      expect(tasks.get(id('a'))!.map((k) => k.key)).toEqual(['k1']);
      expect(tasks.get(id('none'))).toEqual([]);
      const reminders = await fx.lists.tasksOf([id('r')], { keyPrefix: 'remind:' });
      expect(reminders.get(id('r'))!.map((k) => k.key)).toEqual(['remind:1:k1', 'remind:1:k9']);
      expect((await fx.lists.ledgersOf([])).size).toBe(0);
    });
  });
}
