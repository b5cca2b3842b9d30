import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerRecord } from '../ledger/chain.ts';
import type { StartWrite, Store } from '../ports/store.ts';
import { at, newCase, nextWrite, uid } from './store-conformance-fixtures.ts';

/** The store conformance tests of lists: a unit's cases, the inbox (待办) and done (已办). */
export function describeStoreLists(getStore: () => Store): void {
  let store!: Store;
  beforeAll(() => {
    store = getStore();
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
}
