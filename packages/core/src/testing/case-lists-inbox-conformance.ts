import { describe, expect, it } from 'vitest';
import type { CaseLists, InboxListItem, ListPage } from '../ports/case-lists.ts';
import type { TaskRecord } from '../ports/store.ts';
import { type ListsFixture, NOW, t, W, W2 } from './case-lists-fixture.ts';

/** `CaseLists.inbox` and `inboxSummary` (待办): the principals' open tasks, filters, order, 催办. */
export function describeInboxList(fx: ListsFixture): void {
  const { U, id } = fx;
  describe('inbox (待办)', () => {
    const zhang = [{ id: 'zhang', workflows: null }];
    const inbox = (q: Partial<Parameters<CaseLists['inbox']>[0]> = {}) =>
      fx.lists.inbox({ unitId: U, actorId: 'zhang', principals: zhang, limit: 50, ...q });
    const taskIds = (p: ListPage<{ task: TaskRecord }>) =>
      p.items.map((i) => i.task.id.slice(id('').length));

    it('lists open tasks of the principals, newest first, with the case line', async () => {
      const p = await inbox();
      expect(taskIds(p)).toEqual(['e-k1', 'c-k1', 'x-k1', 'a-k1']);
      expect(p.total).toBe(4);
      const a = p.items[3]!;
      expect(a.caseTitle).toBe(fx.specs.A.title);
      expect(a.caseState).toBe('drafting');
      expect(a.caseFields).toEqual(fx.specs.A.fields);
      expect(a.principalId).toBe('zhang');
      expect(a.task.candidates).toEqual(['zhang']);
      expect(a.task.dueAt).toEqual(t(60));
      expect(taskIds(await inbox({ sort: 'oldest' }))).toEqual(['a-k1', 'x-k1', 'c-k1', 'e-k1']);
      expect(taskIds(await inbox({ workflow: W }))).toEqual(['e-k1', 'c-k1', 'a-k1']);
    });

    it('filters on kind, overdue, arrival period, header fields and text (label too)', async () => {
      expect(taskIds(await inbox({ kind: 'remind' }))).toEqual(['c-k1']);
      expect(taskIds(await inbox({ overdue: { is: true, now: NOW } }))).toEqual(['e-k1', 'a-k1']);
      expect(taskIds(await inbox({ overdue: { is: false, now: NOW } }))).toEqual(['c-k1', 'x-k1']);
      expect(taskIds(await inbox({ period: { from: t(5), to: t(20) } }))).toEqual(['c-k1', 'x-k1']);
      expect(taskIds(await inbox({ fields: { urgency: '特急' } }))).toEqual(['x-k1', 'a-k1']);
      expect(taskIds(await inbox({ states: ['reviewing'] }))).toEqual(['c-k1']);
      expect(taskIds(await inbox({ search: { text: '春耕' } }))).toEqual(['a-k1']);
      expect(taskIds(await inbox({ search: { text: '拟稿' } }))).toEqual(['e-k1']);
      expect(taskIds(await inbox({ search: { text: '1', fields: ['docNumber'] } }))).toEqual([
        'c-k1',
        'a-k1',
      ]);
      const counted = await inbox({ countBy: 'kind', limit: 1 });
      expect(counted.counts).toEqual({ act: 3, remind: 1 });
      expect(counted.total).toBe(4);
    });

    it('sorts due soonest (no due date last) and pages through equal due times', async () => {
      expect(taskIds(await inbox({ sort: 'dueSoonest' }))).toEqual([
        'a-k1',
        'e-k1',
        'c-k1',
        'x-k1',
      ]);
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const p: ListPage<{ task: TaskRecord }> = await inbox({
          sort: 'dueSoonest',
          limit: 1,
          cursor,
        });
        out.push(...taskIds(p));
        cursor = p.nextCursor;
      } while (cursor !== null && out.length < 10);
      expect(out).toEqual(['a-k1', 'e-k1', 'c-k1', 'x-k1']);
      const two = await inbox({ limit: 2 });
      expect(taskIds(await inbox({ limit: 2, cursor: two.nextCursor }))).toEqual(['x-k1', 'a-k1']);
    });

    it('adds the tasks of principals the actor deputises for, by workflow, one line per task', async () => {
      const sun = await fx.lists.inbox({
        unitId: U,
        actorId: 'sun',
        principals: [
          { id: 'sun', workflows: null },
          { id: 'zhang', workflows: [W] },
        ],
        limit: 50,
      });
      expect(taskIds(sun)).toEqual(['b-k2', 'e-k1', 'c-k1', 'a-k1']);
      expect(sun.items.map((i) => i.principalId)).toEqual(['sun', 'zhang', 'zhang', 'zhang']);
      const qian = await fx.lists.inbox({
        unitId: U,
        actorId: 'qian',
        principals: [
          { id: 'zhang', workflows: null },
          { id: 'qian', workflows: null },
        ],
        limit: 50,
        countBy: 'workflow',
      });
      expect(taskIds(qian)).toEqual(['e-k1', 'c-k1', 'x-k1', 'a-k1']);
      expect(qian.items[0]!.principalId).toBe('qian');
      expect(qian.total).toBe(4);
      expect(qian.counts).toEqual({ [W]: 3, [W2]: 1 });
      expect(
        (await fx.lists.inbox({ unitId: U, actorId: 'zhou', principals: [], limit: 5 })).total,
      ).toBe(0);
    });

    it('folds 催办 into the task it reminds of, for the principal who holds both', async () => {
      const lines = (actorId: string, q: Partial<Parameters<CaseLists['inbox']>[0]> = {}) =>
        fx.lists.inbox({
          unitId: fx.U4,
          actorId,
          principals: [{ id: actorId, workflows: null }],
          limit: 50,
          ...q,
        });
      const marks = (p: ListPage<InboxListItem>) =>
        p.items.map((i) => `${i.task.id.slice(id('').length)}${i.reminded ? ' 催' : ''}`);
      expect(marks(await lines('zhang'))).toEqual([
        'r2-remind:1:k1 催',
        'r-remind:1:k9 催',
        'r-remind:1:k1 催',
        'r-k1 催',
      ]);
      const folded = await lines('zhang', { foldReminders: true });
      expect(marks(folded)).toEqual(['r2-remind:1:k1 催', 'r-remind:1:k9 催', 'r-k1 催']);
      expect(folded.total).toBe(3);
      expect(marks(await lines('zhang', { foldReminders: true, kind: 'remind' }))).toEqual([
        'r2-remind:1:k1 催',
        'r-remind:1:k9 催',
        'r-k1 催',
      ]);
      expect(marks(await lines('zhang', { kind: 'remind' }))).toEqual([
        'r2-remind:1:k1 催',
        'r-remind:1:k9 催',
        'r-remind:1:k1 催',
      ]);
      expect(marks(await lines('wu', { foldReminders: true }))).toEqual(['r2-k1', 'r-k1']);
      expect((await lines('wu', { foldReminders: true, kind: 'remind' })).total).toBe(0);
      const sun = await fx.lists.inbox({
        unitId: fx.U4,
        actorId: 'sun',
        principals: [
          { id: 'sun', workflows: null },
          { id: 'zhang', workflows: null },
        ],
        foldReminders: true,
        limit: 50,
      });
      expect(marks(sun)).toEqual(['r2-remind:1:k1 催', 'r-remind:1:k9 催', 'r-k1 催']);
      expect(sun.items.map((i) => i.principalId)).toEqual(['zhang', 'zhang', 'zhang']);
    });

    it('sums a 待办 up: in all, past due, due soon, 催办, per workflow', async () => {
      const summary = (unitId: string, foldReminders: boolean) =>
        fx.lists.inboxSummary({
          unitId,
          actorId: 'zhang',
          principals: zhang,
          foldReminders,
          now: NOW,
          dueSoonUntil: t(250),
        });
      expect(await summary(U, false)).toEqual({
        total: 4,
        overdue: 2,
        dueSoon: 1,
        reminded: 1,
        byWorkflow: { [W]: 3, [W2]: 1 },
      });
      expect(await summary(U, true)).toEqual(await summary(U, false));
      expect(await summary(fx.U4, true)).toEqual({
        total: 3,
        overdue: 1,
        dueSoon: 1,
        reminded: 3,
        byWorkflow: { [W]: 3 },
      });
      expect(await summary(fx.U4, false)).toEqual({
        total: 4,
        overdue: 1,
        dueSoon: 1,
        reminded: 4,
        byWorkflow: { [W]: 4 },
      });
      const sun = await fx.lists.inboxSummary({
        unitId: U,
        actorId: 'sun',
        principals: [
          { id: 'sun', workflows: null },
          { id: 'zhang', workflows: [W] },
        ],
        now: NOW,
        dueSoonUntil: t(250),
      });
      expect(sun).toEqual({
        total: 4,
        overdue: 2,
        dueSoon: 1,
        reminded: 1,
        byWorkflow: { [W]: 4 },
      });
      expect(
        await fx.lists.inboxSummary({
          unitId: U,
          actorId: 'zhou',
          principals: [],
          now: NOW,
          dueSoonUntil: t(250),
        }),
      ).toEqual({ total: 0, overdue: 0, dueSoon: 0, reminded: 0, byWorkflow: {} });
    });
  });
}
