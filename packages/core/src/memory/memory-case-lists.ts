import {
  assertPageRequest,
  assertPathSegment,
  type CaseLists,
  type CountBy,
  type CursorKey,
  decodeCursor,
  encodeCursor,
  type InboxListItem,
  type InboxOwner,
  type ListPage,
  type PageRequest,
  remindedKey,
} from '../ports/case-lists.ts';
import type { CaseRecord, DoneItem, Store, TaskKind, TaskRecord } from '../ports/store.ts';
import { allows, fieldText, type LoadedCase, matchesFilter } from './memory-case-access.ts';

type Key = string | number | null;
type Dir = 'asc' | 'desc';

/** Milliseconds of an ISO instant, or null. */
function instant(v: string | null): number | null {
  const t = v === null ? Number.NaN : Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** Code-point order with nulls last in either direction. */
function cmpKey(a: Key, b: Key, dir: Dir): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const r = a < b ? -1 : 1;
  return dir === 'asc' ? r : -r;
}

interface Sortable<T> {
  item: T;
  keys: Key[];
  id: string;
  count: string;
}

/** Sorts, applies cursor or offset and limit, counts — the part every list shares. */
function paginate<T>(rows: Sortable<T>[], dirs: Dir[], page: PageRequest): ListPage<T> {
  assertPageRequest(page);
  const idDir = dirs[0] ?? 'asc';
  const cmp = (a: { keys: Key[]; id: string }, b: { keys: Key[]; id: string }) => {
    for (let i = 0; i < dirs.length; i++) {
      const r = cmpKey(a.keys[i] ?? null, b.keys[i] ?? null, dirs[i]!);
      if (r !== 0) return r;
    }
    return cmpKey(a.id, b.id, idDir);
  };
  rows.sort(cmp);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.count] = (counts[r.count] ?? 0) + 1;
  let rest = rows;
  if (page.cursor) {
    const at: CursorKey = decodeCursor(page.cursor, dirs.length);
    rest = rows.filter((r) => cmp(r, at) > 0);
  }
  rest = rest.slice(page.offset ?? 0);
  const items = rest.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => r.item),
    total: rows.length,
    nextCursor:
      rest.length > page.limit && last ? encodeCursor({ keys: last.keys, id: last.id }) : null,
    counts,
  };
}

/**
 * The `CaseLists` port over any `Store` by reading every case of the unit and filtering in
 * memory: the reference implementation the conformance suite is written against, for tests and
 * demos on the memory store. Not for large stores.
 */
export function createMemoryCaseLists(store: Store): CaseLists {
  async function load(unitId: string, workflow?: string): Promise<LoadedCase[]> {
    const all = await store.listCases({
      unitId,
      ...(workflow !== undefined ? { workflow } : {}),
      limit: Number.MAX_SAFE_INTEGER,
      offset: 0,
    });
    return Promise.all(
      all.items.map(async (c) => ({
        c,
        ledger: await store.listLedger(c.id),
        tasks: await store.listTasks(c.id),
      })),
    );
  }

  const countKey = (c: CaseRecord, by: CountBy | undefined): string => {
    if (by === undefined) return '';
    if (by === 'state') return c.state;
    if (by === 'status') return c.status;
    if (by === 'workflow') return c.workflow;
    return fieldText(c.fields, by.field) ?? '';
  };

  const within = (t: number, p: { from?: Date; to?: Date } | undefined) =>
    (p?.from === undefined || t >= p.from.getTime()) && (p?.to === undefined || t < p.to.getTime());

  return {
    async cases(q) {
      assertPageRequest(q);
      const rows: Sortable<CaseRecord>[] = [];
      const sort = q.sort ?? { by: 'createdAt', dir: 'desc' };
      if (typeof sort.by === 'object') assertPathSegment(sort.by.field);
      for (const x of await load(q.unitId, q.workflow)) {
        if (!matchesFilter(x, q)) continue;
        if (q.startedBy !== undefined && x.c.startedBy !== q.startedBy) continue;
        if (q.period) {
          const of = q.period.of ?? 'createdAt';
          let t: number;
          if (of === 'createdAt') t = x.c.createdAt.getTime();
          else {
            const v = fieldText(x.c.fields, of.field);
            t = v === null ? Number.NaN : Date.parse(v);
            if (Number.isNaN(t)) continue;
          }
          if (!within(t, q.period)) continue;
        }
        if (q.overdue) {
          const now = q.overdue.now.getTime();
          const late = x.tasks.some(
            (t) => t.doneAt === null && t.dueAt !== null && t.dueAt.getTime() < now,
          );
          if (late !== q.overdue.is) continue;
        }
        if (q.access && !allows(x, q.access)) continue;
        if (q.match && !allows(x, q.match)) continue;
        rows.push({
          item: q.columns === 'header' ? { ...x.c, snapshot: null, assignments: [] } : x.c,
          keys: [
            sort.by === 'createdAt'
              ? x.c.createdAt.getTime()
              : sort.by.as === 'time'
                ? instant(fieldText(x.c.fields, sort.by.field))
                : fieldText(x.c.fields, sort.by.field),
          ],
          id: x.c.id,
          count: countKey(x.c, q.countBy),
        });
      }
      return withCounts(paginate(rows, [sort.dir], q), q.countBy);
    },

    async inbox(q) {
      assertPageRequest(q);
      const rows: Sortable<InboxListItem>[] = [];
      const sort = q.sort ?? 'newest';
      for (const x of await load(q.unitId, q.workflow)) {
        for (const line of inboxLines(x, q, q.kind)) {
          const t = line.task;
          if (!matchesFilter(x, q, [t.label])) continue;
          if (q.period && !within(t.createdAt.getTime(), q.period)) continue;
          if (q.overdue) {
            const late = t.dueAt !== null && t.dueAt.getTime() < q.overdue.now.getTime();
            if (late !== q.overdue.is) continue;
          }
          rows.push({
            item: { ...line, caseTitle: x.c.title, caseState: x.c.state, caseFields: x.c.fields },
            keys:
              sort === 'dueSoonest'
                ? [t.dueAt?.getTime() ?? null, t.createdAt.getTime()]
                : [t.createdAt.getTime()],
            id: t.id,
            count: q.countBy === 'kind' ? t.kind : q.countBy === 'workflow' ? t.workflow : '',
          });
        }
      }
      const dirs: Dir[] =
        sort === 'dueSoonest' ? ['asc', 'asc'] : sort === 'oldest' ? ['asc'] : ['desc'];
      return withCounts(paginate(rows, dirs, q), q.countBy);
    },

    async inboxSummary(q) {
      const out = {
        total: 0,
        overdue: 0,
        dueSoon: 0,
        reminded: 0,
        byWorkflow: {} as Record<string, number>,
      };
      const now = q.now.getTime();
      for (const x of await load(q.unitId)) {
        for (const { task: t, reminded } of inboxLines(x, q)) {
          const due = t.dueAt?.getTime() ?? null;
          out.total++;
          if (due !== null && due < now) out.overdue++;
          if (due !== null && due >= now && due < q.dueSoonUntil.getTime()) out.dueSoon++;
          if (reminded) out.reminded++;
          out.byWorkflow[t.workflow] = (out.byWorkflow[t.workflow] ?? 0) + 1;
        }
      }
      return out;
    },

    async done(q) {
      assertPageRequest(q);
      const rows: Sortable<DoneItem>[] = [];
      for (const x of await load(q.unitId, q.workflow)) {
        if (!matchesFilter(x, q)) continue;
        const mine = x.ledger.filter((e) => e.actorId === q.userId || e.onBehalfOf === q.userId);
        if (mine.length === 0) continue;
        const last = Math.max(...mine.map((e) => e.at.getTime()));
        if (q.period && !within(last, q.period)) continue;
        rows.push({
          item: { caseRecord: x.c, lastActedAt: new Date(last) },
          keys: [last],
          id: x.c.id,
          count: countKey(x.c, q.countBy),
        });
      }
      return withCounts(paginate(rows, [q.sort === 'oldest' ? 'asc' : 'desc'], q), q.countBy);
    },

    async ledgersOf(caseIds) {
      const out = new Map<string, Awaited<ReturnType<Store['listLedger']>>>();
      for (const id of caseIds)
        out.set(
          id,
          [...(await store.listLedger(id))].sort((a, b) => a.seq - b.seq),
        );
      return out;
    },

    async tasksOf(caseIds, options = {}) {
      const out = new Map<string, TaskRecord[]>();
      for (const id of caseIds) {
        const tasks = (await store.listTasks(id)).filter(
          (t) => options.keyPrefix === undefined || t.key.startsWith(options.keyPrefix),
        );
        out.set(
          id,
          tasks.sort(
            (a, b) =>
              a.createdAt.getTime() - b.createdAt.getTime() ||
              (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          ),
        );
      }
      return out;
    },
  };
}

/** Whether open task `t` of the case has an open 催办 twin for principal `p`. */
function hasOpenReminder(x: LoadedCase, t: TaskRecord, p: string): boolean {
  return (
    t.kind !== 'remind' &&
    x.tasks.some(
      (r) =>
        r.doneAt === null &&
        r.kind === 'remind' &&
        remindedKey(r.key) === t.key &&
        r.candidates.includes(p),
    )
  );
}

/** Whether 催办 task `r` reminds of a task of the case that is open for principal `p`. */
function isTwinOfOpenTask(x: LoadedCase, r: TaskRecord, p: string): boolean {
  return (
    r.kind === 'remind' &&
    x.tasks.some(
      (t) =>
        t.doneAt === null &&
        t.kind !== 'remind' &&
        t.key === remindedKey(r.key) &&
        t.candidates.includes(p),
    )
  );
}

/** The 待办 lines of a case: one per open task some principal holds, the actor's own first. */
function inboxLines(
  x: LoadedCase,
  q: InboxOwner,
  kind?: TaskKind,
): Array<{ task: TaskRecord; principalId: string; reminded: boolean }> {
  const out: Array<{ task: TaskRecord; principalId: string; reminded: boolean }> = [];
  for (const t of x.tasks) {
    if (t.doneAt !== null) continue;
    const holders = q.principals.filter(
      (p) =>
        t.candidates.includes(p.id) &&
        (p.workflows === null || p.workflows.includes(t.workflow)) &&
        !(q.foldReminders && isTwinOfOpenTask(x, t, p.id)) &&
        (kind === undefined ||
          (q.foldReminders && kind === 'remind'
            ? t.kind === 'remind' || hasOpenReminder(x, t, p.id)
            : t.kind === kind)),
    );
    const principal = holders.find((p) => p.id === q.actorId) ?? holders[0];
    if (!principal) continue;
    out.push({
      task: t,
      principalId: principal.id,
      reminded: t.kind === 'remind' || hasOpenReminder(x, t, principal.id),
    });
  }
  return out;
}

function withCounts<T>(page: ListPage<T>, countBy: unknown): ListPage<T> {
  if (countBy === undefined) {
    const { counts: _drop, ...rest } = page;
    return rest;
  }
  return page;
}
