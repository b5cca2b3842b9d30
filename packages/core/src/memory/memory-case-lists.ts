import { ValidationFailed } from '../errors.ts';
import {
  assertPageRequest,
  assertPathSegment,
  type CaseAccess,
  type CaseFilter,
  type CaseLists,
  type CountBy,
  type CursorKey,
  decodeCursor,
  encodeCursor,
  type ListPage,
  type PageRequest,
} from '../ports/case-lists.ts';
import type {
  CaseRecord,
  DoneItem,
  InboxItem,
  LedgerRecord,
  Store,
  TaskRecord,
} from '../ports/store.ts';

type Key = string | number | null;
type Dir = 'asc' | 'desc';

/** A header field as text, as PostgreSQL's `fields->>'name'` gives it (null when missing). */
export function fieldText(fields: Record<string, unknown>, name: string): string | null {
  const v = fields[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Values at a snapshot path: `*` is every member; arrays on the way and at the end are entered. */
export function valuesAtPath(root: unknown, path: readonly string[]): unknown[] {
  let cur: unknown[] = [root];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const x of cur) {
      for (const y of Array.isArray(x) ? x : [x]) {
        if (y === null || typeof y !== 'object' || Array.isArray(y)) continue;
        const o = y as Record<string, unknown>;
        if (seg === '*') next.push(...Object.values(o));
        else if (Object.hasOwn(o, seg)) next.push(o[seg]);
      }
    }
    cur = next;
  }
  return cur.flatMap((x) => (Array.isArray(x) ? x : [x]));
}

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

interface Loaded {
  c: CaseRecord;
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
}

/**
 * The `CaseLists` port over any `Store` by reading every case of the unit and filtering in
 * memory: the reference implementation the conformance suite is written against, for tests and
 * demos on the memory store. Not for large stores.
 */
export function createMemoryCaseLists(store: Store): CaseLists {
  async function load(unitId: string, workflow?: string): Promise<Loaded[]> {
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

  const matchesText = (c: CaseRecord, search: CaseFilter['search'], extra: string[] = []) => {
    if (!search?.text) return true;
    const needle = search.text.toLowerCase();
    const hay = [
      c.title,
      ...(search.fields ?? []).map((f) => fieldText(c.fields, f) ?? ''),
      ...extra,
    ];
    return hay.some((h) => h.toLowerCase().includes(needle));
  };

  const matchesFilter = (x: Loaded, f: CaseFilter, extraText: string[] = []) => {
    const { c } = x;
    if (c.unitId !== f.unitId) return false;
    if (f.workflow !== undefined && c.workflow !== f.workflow) return false;
    if (f.status !== undefined && c.status !== f.status) return false;
    if (f.states && !f.states.includes(c.state)) return false;
    for (const [name, want] of Object.entries(f.fields ?? {})) {
      assertPathSegment(name);
      const v = fieldText(c.fields, name);
      const wanted = typeof want === 'string' ? [want] : want;
      if (v === null || !wanted.includes(v)) return false;
    }
    return matchesText(c, f.search, extraText);
  };

  const allows = (x: Loaded, a: CaseAccess): boolean => {
    if ('anyOf' in a) return a.anyOf.some((p) => allows(x, p));
    if ('allOf' in a) return a.allOf.every((p) => allows(x, p));
    if ('not' in a) return !allows(x, a.not);
    if ('participants' in a) {
      const ids = new Set(a.participants);
      return (
        x.ledger.some(
          (e) => ids.has(e.actorId) || (e.onBehalfOf !== null && ids.has(e.onBehalfOf)),
        ) ||
        x.tasks.some(
          (t) => t.candidates.some((p) => ids.has(p)) || (t.doneBy !== null && ids.has(t.doneBy)),
        )
      );
    }
    if ('openTasks' in a) {
      const ids = new Set(a.openTasks);
      return x.tasks.some((t) => t.doneAt === null && t.candidates.some((p) => ids.has(p)));
    }
    if ('startedBy' in a) return a.startedBy.includes(x.c.startedBy);
    if ('field' in a) {
      assertPathSegment(a.field);
      const v = fieldText(x.c.fields, a.field);
      return a.in.includes(v);
    }
    if ('snapshotKeys' in a) {
      for (const s of a.snapshotKeys) {
        assertPathSegment(s);
        if (s === '*') throw new ValidationFailed('查询字段名无效', { segment: s });
      }
      let v: unknown = x.c.snapshot;
      for (const s of a.snapshotKeys)
        v =
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? (v as Record<string, unknown>)[s]
            : undefined;
      if (typeof v === 'string') return a.has.includes(v);
      if (Array.isArray(v)) return v.some((e) => typeof e === 'string' && a.has.includes(e));
      if (v !== null && typeof v === 'object') return Object.keys(v).some((k) => a.has.includes(k));
      return false;
    }
    a.snapshot.forEach(assertPathSegment);
    return valuesAtPath(x.c.snapshot, a.snapshot).some(
      (v) => typeof v === 'string' && a.has.includes(v),
    );
  };

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
        rows.push({
          item: x.c,
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
      const rows: Sortable<InboxItem>[] = [];
      const sort = q.sort ?? 'newest';
      for (const x of await load(q.unitId, q.workflow)) {
        for (const t of x.tasks) {
          if (t.doneAt !== null) continue;
          const holders = q.principals.filter(
            (p) =>
              t.candidates.includes(p.id) &&
              (p.workflows === null || p.workflows.includes(t.workflow)),
          );
          if (holders.length === 0) continue;
          const principal = holders.find((p) => p.id === q.actorId) ?? holders[0]!;
          if (!matchesFilter(x, q, [t.label])) continue;
          if (q.kind !== undefined && t.kind !== q.kind) continue;
          if (q.period && !within(t.createdAt.getTime(), q.period)) continue;
          if (q.overdue) {
            const late = t.dueAt !== null && t.dueAt.getTime() < q.overdue.now.getTime();
            if (late !== q.overdue.is) continue;
          }
          rows.push({
            item: {
              task: t,
              caseTitle: x.c.title,
              caseState: x.c.state,
              caseFields: x.c.fields,
              principalId: principal.id,
            },
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
  };
}

function withCounts<T>(page: ListPage<T>, countBy: unknown): ListPage<T> {
  if (countBy === undefined) {
    const { counts: _drop, ...rest } = page;
    return rest;
  }
  return page;
}
