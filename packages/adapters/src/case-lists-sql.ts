/** The SQL building blocks of the `CaseLists` adapter: filters, access, keyset order and pages. */
import {
  assertPageRequest,
  assertPathSegment,
  type CaseAccess,
  type CaseFilter,
  type CursorKey,
  decodeCursor,
  encodeCursor,
  type ListPage,
  type PageRequest,
  ValidationFailed,
} from '@gongwen/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

/** A result row as the drivers return it. */
export type Row = Record<string, unknown>;
/** A piece of SQL. */
export type Sql = RawBuilder<unknown>;

/** A LIKE pattern matching `text` anywhere, with %, _ and \ taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** One sort key: its SQL, direction, whether it can be null (sorted last) and how its cursor value is typed. */
export interface SortKey {
  expr: Sql;
  dir: 'asc' | 'desc';
  nullable: boolean;
  type: 'time' | 'text';
  /** The key's value in a result row, as the cursor keeps it. */
  read: (r: Row) => string | number | null;
}

export const time = (v: unknown): number | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(String(v))).getTime();

function cursorValue(k: SortKey, v: string | number | null): Sql {
  if (k.type === 'time') {
    if (typeof v !== 'number') throw new ValidationFailed('翻页位置无效，请从第一页重新查询');
    return sql`${new Date(v)}::timestamptz`;
  }
  if (typeof v !== 'string') throw new ValidationFailed('翻页位置无效，请从第一页重新查询');
  return sql`${v}::text COLLATE "C"`;
}

/** Rows after the cursor in the order of `keys` then `id` (nulls last in either direction). */
export function keyset(keys: SortKey[], id: Sql, at: CursorKey): Sql {
  const dir = keys[0]?.dir ?? 'asc';
  const cmp = (d: 'asc' | 'desc') => (d === 'asc' ? sql.raw('>') : sql.raw('<'));
  if (keys.every((k) => !k.nullable && k.dir === dir)) {
    // One row comparison, which a btree index on the same columns answers as a range.
    const left = sql.join([...keys.map((k) => k.expr), id]);
    const right = sql.join([
      ...keys.map((k, i) => cursorValue(k, at.keys[i] ?? null)),
      sql`${at.id}::text COLLATE "C"`,
    ]);
    return sql`(${left}) ${cmp(dir)} (${right})`;
  }
  let acc: Sql = sql`${id} ${cmp(dir)} ${at.id}::text COLLATE "C"`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    const v = at.keys[i] ?? null;
    if (v === null) {
      if (!k.nullable) throw new ValidationFailed('翻页位置无效，请从第一页重新查询');
      acc = sql`(${k.expr} IS NULL AND ${acc})`;
    } else {
      const cv = cursorValue(k, v);
      const gt = k.nullable
        ? sql`(${k.expr} ${cmp(k.dir)} ${cv} OR ${k.expr} IS NULL)`
        : sql`${k.expr} ${cmp(k.dir)} ${cv}`;
      acc = sql`(${gt} OR (${k.expr} = ${cv} AND ${acc}))`;
    }
  }
  return acc;
}

export function orderBy(keys: SortKey[], id: Sql): Sql {
  const dir = keys[0]?.dir ?? 'asc';
  // Non-null keys keep PostgreSQL's default null placement, so that a btree index scanned in
  // either direction delivers the order (an explicit DESC NULLS LAST would force a sort).
  const d = (x: 'asc' | 'desc', nullable: boolean) =>
    sql.raw(
      nullable
        ? x === 'asc'
          ? 'ASC NULLS LAST'
          : 'DESC NULLS LAST'
        : x === 'asc'
          ? 'ASC'
          : 'DESC',
    );
  return sql.join([
    ...keys.map((k) => sql`${k.expr} ${d(k.dir, k.nullable)}`),
    sql`${id} ${d(dir, false)}`,
  ]);
}

/** The header field `name` of the case row `c` as text. */
export function field(name: string): Sql {
  assertPathSegment(name);
  if (name === '*') throw new ValidationFailed('查询字段名无效', { name });
  return sql`(c.fields->>${name}::text)`;
}

/** A jsonpath string for `path` (validated segments, quoted). */
export function jsonPath(path: readonly string[]): string {
  return `$${path
    .map((s) => {
      assertPathSegment(s);
      return s === '*' ? '.*' : `."${s}"`;
    })
    .join('')}`;
}

export function accessSql(a: CaseAccess, unitId: string): Sql {
  if ('anyOf' in a)
    return a.anyOf.length === 0
      ? sql`FALSE`
      : sql`(${sql.join(
          a.anyOf.map((p) => accessSql(p, unitId)),
          sql` OR `,
        )})`;
  if ('allOf' in a)
    return a.allOf.length === 0
      ? sql`TRUE`
      : sql`(${sql.join(
          a.allOf.map((p) => accessSql(p, unitId)),
          sql` AND `,
        )})`;
  if ('not' in a) return sql`(NOT ${accessSql(a.not, unitId)})`;
  if ('participants' in a) {
    const ids = [...a.participants];
    // Uncorrelated: each subquery runs once through its index and is hashed.
    return sql`c.id IN (
      SELECT case_id FROM ledger WHERE unit_id = ${unitId} AND actor_id = ANY(${ids}::text[])
      UNION ALL SELECT case_id FROM ledger WHERE unit_id = ${unitId} AND on_behalf_of = ANY(${ids}::text[])
      UNION ALL SELECT case_id FROM tasks WHERE unit_id = ${unitId} AND candidates && ${ids}::text[]
      UNION ALL SELECT case_id FROM tasks WHERE unit_id = ${unitId} AND done_by = ANY(${ids}::text[]))`;
  }
  if ('openTasks' in a)
    return sql`c.id IN (SELECT case_id FROM task_candidates
      WHERE unit_id = ${unitId} AND principal_id = ANY(${[...a.openTasks]}::text[]))`;
  if ('startedBy' in a) return sql`c.started_by = ANY(${[...a.startedBy]}::text[])`;
  if ('field' in a) {
    const values = a.in.filter((v): v is string => v !== null);
    const f = field(a.field);
    const some = sql`(${f} IS NOT NULL AND ${f} = ANY(${values}::text[]))`;
    return a.in.includes(null) ? sql`(${f} IS NULL OR ${some})` : some;
  }
  if ('snapshotKeys' in a) {
    for (const s of a.snapshotKeys) {
      assertPathSegment(s);
      if (s === '*') throw new ValidationFailed('查询字段名无效', { segment: s });
    }
    return sql`COALESCE((c.snapshot #> ${[...a.snapshotKeys]}::text[]) ?| ${[...a.has]}::text[], FALSE)`;
  }
  if ('fieldValues' in a) return pathHas(sql`c.fields`, a.fieldValues, a.has);
  return pathHas(sql`c.snapshot`, a.snapshot, a.has);
}

/** Some string at `path` of the jsonb `doc` is one of `has` (arrays entered, as `valuesAtPath`). */
function pathHas(doc: Sql, path: readonly string[], has: readonly string[]): Sql {
  if (has.length === 0) return sql`FALSE`;
  const test = has.map((_, i) => `@ == $v${i}`).join(' || ');
  const vars = Object.fromEntries(has.map((v, i) => [`v${i}`, v]));
  return sql`jsonb_path_exists(${doc}, ${`${jsonPath(path)}[*] ? (${test})`}::jsonpath,
    ${JSON.stringify(vars)}::jsonb)`;
}

/** Filters on the case row `c` shared by the three lists (`workflowColumn` for the inbox's own copy). */
export function filterSql(
  f: CaseFilter,
  extraText: Sql[] = [],
  workflowColumn = sql`c.workflow`,
): Sql[] {
  const out: Sql[] = [];
  if (f.ids) out.push(sql`c.id = ANY(${[...f.ids]}::text[])`);
  if (f.workflow !== undefined) out.push(sql`${workflowColumn} = ${f.workflow}`);
  if (f.status !== undefined) out.push(sql`c.status = ${f.status}`);
  if (f.states) out.push(sql`c.state = ANY(${[...f.states]}::text[])`);
  for (const [name, want] of Object.entries(f.fields ?? {}))
    out.push(sql`${field(name)} = ANY(${typeof want === 'string' ? [want] : [...want]}::text[])`);
  if (f.search?.text) {
    const like = containing(f.search.text);
    const parts = [
      sql`c.title ILIKE ${like}`,
      ...(f.search.fields ?? []).map((n) => sql`${field(n)} ILIKE ${like}`),
      ...extraText.map((e) => sql`${e} ILIKE ${like}`),
    ];
    out.push(sql`(${sql.join(parts, sql` OR `)})`);
  }
  return out;
}

export const and = (parts: Sql[]) => (parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `));

/**
 * Runs one list: the page (with the keyset or offset applied and one row more, to know if
 * there is a next page) and the count, in parallel.
 */
export async function page<T>(
  db: Kysely<Database>,
  args: {
    from: Sql;
    where: Sql[];
    keys: SortKey[];
    id: Sql;
    readId: (r: Row) => string;
    select: Sql;
    countKey: Sql | null;
    /** What to count over instead of `from` and `where` (a narrower source with the same rows). */
    countFrom?: { from: Sql; where: Sql[] };
    page: PageRequest;
    map: (r: Row) => T;
  },
): Promise<ListPage<T>> {
  assertPageRequest(args.page);
  const where = and(args.where);
  const after = args.page.cursor
    ? keyset(args.keys, args.id, decodeCursor(args.page.cursor, args.keys.length))
    : sql`TRUE`;
  const count = args.countFrom
    ? { from: args.countFrom.from, where: and(args.countFrom.where) }
    : { from: args.from, where };
  const [rows, counted] = await Promise.all([
    sql<Row>`SELECT ${args.select} FROM ${args.from} WHERE ${where} AND ${after}
      ORDER BY ${orderBy(args.keys, args.id)}
      LIMIT ${args.page.limit + 1} OFFSET ${args.page.offset ?? 0}`.execute(db),
    args.countKey
      ? sql<{ k: string; n: number }>`SELECT ${args.countKey} AS k, count(*)::int AS n
          FROM ${count.from} WHERE ${count.where} GROUP BY 1`.execute(db)
      : sql<{ k: string; n: number }>`SELECT '' AS k, count(*)::int AS n
          FROM ${count.from} WHERE ${count.where}`.execute(db),
  ]);
  const items = rows.rows.slice(0, args.page.limit);
  const last = items[items.length - 1];
  const counts: Record<string, number> = {};
  let total = 0;
  for (const r of counted.rows) {
    total += r.n;
    if (args.countKey) counts[r.k ?? ''] = (counts[r.k ?? ''] ?? 0) + r.n;
  }
  return {
    items: items.map(args.map),
    total,
    nextCursor:
      rows.rows.length > args.page.limit && last
        ? encodeCursor({ keys: args.keys.map((k) => k.read(last)), id: args.readId(last) })
        : null,
    ...(args.countKey ? { counts } : {}),
  };
}
