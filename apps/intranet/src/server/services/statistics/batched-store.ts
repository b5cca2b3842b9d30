import type { CaseRecord, Page, Store, TaskRecord } from '@gongwen/core';
import type { AppServices } from '~/server/app-types';
import { caseListsOf } from '~/server/services/tasks/case-lists';

/** The largest page the `CaseLists` port reads at once. */
const MAX_PAGE = 500;

/**
 * A read-only view of the app's store for `incomingStatistics`, which pages through a
 * period's cases with `listCases` and then reads, case by case, when each 承办 department's
 * first `handle:<department>:` task arrived. Here each page is one read of the `CaseLists`
 * port without the snapshot and open assignments (which statistics never read: `snapshot` is
 * null, `assignments` empty), and the `handle:` tasks of that page's cases with 承办
 * departments come in one more; `listTasks` answers from that batch (by arrival), so a batched
 * case's `listTasks` returns only those tasks — use this view for statistics only
 * (statistics.test.ts checks it gives the plain store's numbers). `search` matches the title
 * ignoring case. With 10,000 cases this replaces thousands of round trips by a few per page.
 */
export function batchedStatisticsStore(app: AppServices): Store {
  const store = app.store;
  const lists = caseListsOf(app);
  const tasks = new Map<string, TaskRecord[]>();

  const batched: Pick<Store, 'listCases' | 'listTasks'> = {
    async listCases(q): Promise<Page<CaseRecord>> {
      if (q.limit > MAX_PAGE) return store.listCases(q);
      const period = {
        ...(q.createdFrom !== undefined ? { from: q.createdFrom } : {}),
        ...(q.createdTo !== undefined ? { to: q.createdTo } : {}),
      };
      const page = await lists.cases({
        unitId: q.unitId,
        ...(q.workflow !== undefined ? { workflow: q.workflow } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.search ? { search: { text: q.search } } : {}),
        period,
        columns: 'header',
        limit: q.limit,
        offset: q.offset,
      });
      // Only cases with 承办 departments have tasks statistics read: the `handle:` ones.
      const withDepartments = page.items
        .filter((c) => Array.isArray(c.fields.departments) && c.fields.departments.length > 0)
        .map((c) => c.id);
      if (withDepartments.length > 0)
        for (const [id, t] of await lists.tasksOf(withDepartments, { keyPrefix: 'handle:' }))
          tasks.set(id, t);
      return { items: page.items, total: page.total };
    },
    async listTasks(caseId) {
      return tasks.get(caseId) ?? store.listTasks(caseId);
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listCases' || prop === 'listTasks') return batched[prop];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
