import {
  assertPageRequest,
  assertPathSegment,
  type CaseAccess,
  type CaseFilter,
  type CaseLists,
  type CursorKey,
  decodeCursor,
  encodeCursor,
  type ListPage,
  type PageRequest,
  ValidationFailed,
} from '@gongwen/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { toCase, toTask } from './rows.ts';
import type { Database } from './schema.ts';

type Row = Record<string, unknown>;
type Sql = RawBuilder<unknown>;

/** A LIKE pattern matching `text` anywhere, with %, _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** One sort key: its SQL, direction, whether it can be null (sorted last) and how its cursor value is typed. */
interface SortKey {
  expr: Sql;
  dir: 'asc' | 'desc';
  nullable: boolean;
  type: 'time' | 'text';
  /** The key's value in a result row, as the cursor keeps it. */
  read: (r: Row) => string | number | null;
}

const time = (v: unknown): number | null =>
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
function keyset(keys: SortKey[], id: Sql, at: CursorKey): Sql {
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

function orderBy(keys: SortKey[], id: Sql): Sql {
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
function field(name: string): Sql {
  assertPathSegment(name);
  if (name === '*') throw new ValidationFailed('查询字段名无效', { name });
  return sql`(c.fields->>${name}::text)`;
}

/** A jsonpath string for `path` (validated segments, quoted). */
function jsonPath(path: readonly string[]): string {
  return `$${path
    .map((s) => {
      assertPathSegment(s);
      return s === '*' ? '.*' : `."${s}"`;
    })
    .join('')}`;
}

function accessSql(a: CaseAccess, unitId: string): Sql {
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
  if (a.has.length === 0) return sql`FALSE`;
  const test = a.has.map((_, i) => `@ == $v${i}`).join(' || ');
  const vars = Object.fromEntries(a.has.map((v, i) => [`v${i}`, v]));
  return sql`jsonb_path_exists(c.snapshot, ${`${jsonPath(a.snapshot)}[*] ? (${test})`}::jsonpath,
    ${JSON.stringify(vars)}::jsonb)`;
}

/** Filters on the case row `c` shared by the three lists (`workflowColumn` for the inbox's own copy). */
function filterSql(f: CaseFilter, extraText: Sql[] = [], workflowColumn = sql`c.workflow`): Sql[] {
  const out: Sql[] = [];
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

const and = (parts: Sql[]) => (parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `));

/**
 * Runs one list: the page (with the keyset or offset applied and one row more, to know if
 * there is a next page) and the count, in parallel.
 */
async function page<T>(
  db: Kysely<Database>,
  args: {
    from: Sql;
    where: Sql[];
    keys: SortKey[];
    id: Sql;
    readId: (r: Row) => string;
    select: Sql;
    countKey: Sql | null;
    page: PageRequest;
    map: (r: Row) => T;
  },
): Promise<ListPage<T>> {
  assertPageRequest(args.page);
  const where = and(args.where);
  const after = args.page.cursor
    ? keyset(args.keys, args.id, decodeCursor(args.page.cursor, args.keys.length))
    : sql`TRUE`;
  const [rows, counted] = await Promise.all([
    sql<Row>`SELECT ${args.select} FROM ${args.from} WHERE ${where} AND ${after}
      ORDER BY ${orderBy(args.keys, args.id)}
      LIMIT ${args.page.limit + 1} OFFSET ${args.page.offset ?? 0}`.execute(db),
    args.countKey
      ? sql<{ k: string; n: number }>`SELECT ${args.countKey} AS k, count(*)::int AS n
          FROM ${args.from} WHERE ${where} GROUP BY 1`.execute(db)
      : sql<{ k: string; n: number }>`SELECT '' AS k, count(*)::int AS n
          FROM ${args.from} WHERE ${where}`.execute(db),
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

/**
 * The `CaseLists` port on the Gongwen tables, for PostgreSQL and PGlite alike: filters, the
 * access predicate, order and keyset pagination in SQL (indexes in migration `0006`).
 */
export function createCaseLists(db: Kysely<Database>): CaseLists {
  return {
    async cases(q) {
      const sort = q.sort ?? { by: 'createdAt', dir: 'desc' };
      const key: SortKey =
        sort.by === 'createdAt'
          ? {
              expr: sql`c.created_at`,
              dir: sort.dir,
              nullable: false,
              type: 'time',
              read: (r) => time(r.created_at),
            }
          : sort.by.as === 'time'
            ? {
                expr: sql`(${field(sort.by.field)})::timestamptz`,
                dir: sort.dir,
                nullable: true,
                type: 'time',
                read: (r) => time(r.sort_key),
              }
            : {
                expr: sql`${field(sort.by.field)} COLLATE "C"`,
                dir: sort.dir,
                nullable: true,
                type: 'text',
                read: (r) => (r.sort_key as string | null) ?? null,
              };
      const where = [sql`c.unit_id = ${q.unitId}`, ...filterSql(q)];
      if (q.startedBy !== undefined) where.push(sql`c.started_by = ${q.startedBy}`);
      if (q.period) {
        const of = q.period.of ?? 'createdAt';
        const t = of === 'createdAt' ? sql`c.created_at` : sql`(${field(of.field)})::timestamptz`;
        if (q.period.from) where.push(sql`${t} >= ${q.period.from}`);
        if (q.period.to) where.push(sql`${t} < ${q.period.to}`);
      }
      if (q.overdue) {
        const late = sql`EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.done_at IS NULL
          AND t.due_at < ${q.overdue.now})`;
        where.push(q.overdue.is ? late : sql`NOT ${late}`);
      }
      if (q.access) where.push(accessSql(q.access, q.unitId));
      const by = q.countBy;
      return page(db, {
        from: sql`cases c`,
        where,
        keys: [key],
        id: sql`c.id COLLATE "C"`,
        readId: (r) => r.id as string,
        select: typeof sort.by === 'object' ? sql`c.*, ${key.expr} AS sort_key` : sql`c.*`,
        countKey:
          by === undefined
            ? null
            : by === 'state'
              ? sql`c.state`
              : by === 'status'
                ? sql`c.status`
                : by === 'workflow'
                  ? sql`c.workflow`
                  : sql`COALESCE(${field(by.field)}, '')`,
        page: q,
        map: toCase,
      });
    },

    async inbox(q) {
      const principals = q.principals.map((p) =>
        p.workflows === null
          ? sql`tc.principal_id = ${p.id}`
          : sql`(tc.principal_id = ${p.id} AND tc.workflow = ANY(${[...p.workflows]}::text[]))`,
      );
      const where = [
        sql`tc.unit_id = ${q.unitId}`,
        principals.length === 0 ? sql`FALSE` : sql`(${sql.join(principals, sql` OR `)})`,
        ...filterSql(
          q,
          [sql`(SELECT st.label FROM tasks st WHERE st.id = tc.task_id)`],
          sql`tc.workflow`,
        ),
      ];
      if (q.kind !== undefined) where.push(sql`tc.kind = ${q.kind}`);
      if (q.period?.from) where.push(sql`tc.created_at >= ${q.period.from}`);
      if (q.period?.to) where.push(sql`tc.created_at < ${q.period.to}`);
      if (q.overdue?.is === true) where.push(sql`tc.due_at < ${q.overdue.now}`);
      if (q.overdue?.is === false)
        where.push(sql`(tc.due_at IS NULL OR tc.due_at >= ${q.overdue.now})`);
      // One line per task: a task has one candidate row per principal, so only delegation can
      // bring it twice; then the actor's own row wins.
      const matches =
        q.principals.length <= 1
          ? sql`SELECT tc.task_id, tc.principal_id, tc.created_at, tc.due_at, tc.workflow, tc.kind
              FROM task_candidates tc JOIN cases c ON c.id = tc.case_id WHERE ${and(where)}`
          : sql`SELECT DISTINCT ON (tc.task_id) tc.task_id, tc.principal_id, tc.created_at, tc.due_at,
                tc.workflow, tc.kind
              FROM task_candidates tc JOIN cases c ON c.id = tc.case_id WHERE ${and(where)}
              ORDER BY tc.task_id, (tc.principal_id = ${q.actorId}) DESC`;
      const sort = q.sort ?? 'newest';
      const created = (dir: 'asc' | 'desc'): SortKey => ({
        expr: sql`m.created_at`,
        dir,
        nullable: false,
        type: 'time',
        read: (r) => time(r.m_created_at),
      });
      const keys: SortKey[] =
        sort === 'dueSoonest'
          ? [
              {
                expr: sql`m.due_at`,
                dir: 'asc',
                nullable: true,
                type: 'time',
                read: (r) => time(r.m_due_at),
              },
              created('asc'),
            ]
          : [created(sort === 'oldest' ? 'asc' : 'desc')];
      return page(db, {
        from: sql`(${matches}) m JOIN tasks t ON t.id = m.task_id JOIN cases c ON c.id = t.case_id`,
        where: [],
        keys,
        id: sql`m.task_id COLLATE "C"`,
        readId: (r) => r.id as string,
        select: sql`t.*, c.title AS case_title, c.state AS case_state, c.fields AS case_fields,
          m.principal_id AS m_principal_id, m.created_at AS m_created_at, m.due_at AS m_due_at`,
        countKey:
          q.countBy === 'kind' ? sql`m.kind` : q.countBy === 'workflow' ? sql`m.workflow` : null,
        page: q,
        map: (r) => ({
          task: toTask(r),
          caseTitle: r.case_title as string,
          caseState: r.case_state as string,
          caseFields: (typeof r.case_fields === 'string'
            ? JSON.parse(r.case_fields)
            : r.case_fields) as Record<string, unknown>,
          principalId: r.m_principal_id as string,
        }),
      });
    },

    async done(q) {
      const acted = sql`SELECT case_id, max(at) AS last_at FROM (
          SELECT case_id, at FROM ledger WHERE actor_id = ${q.userId} AND unit_id = ${q.unitId}
          UNION ALL SELECT case_id, at FROM ledger WHERE on_behalf_of = ${q.userId} AND unit_id = ${q.unitId}
        ) l GROUP BY case_id`;
      const where = [sql`c.unit_id = ${q.unitId}`, ...filterSql(q)];
      if (q.period?.from) where.push(sql`a.last_at >= ${q.period.from}`);
      if (q.period?.to) where.push(sql`a.last_at < ${q.period.to}`);
      const by = q.countBy;
      return page(db, {
        from: sql`(${acted}) a JOIN cases c ON c.id = a.case_id`,
        where,
        keys: [
          {
            expr: sql`a.last_at`,
            dir: q.sort === 'oldest' ? 'asc' : 'desc',
            nullable: false,
            type: 'time',
            read: (r) => time(r.last_at),
          },
        ],
        id: sql`c.id COLLATE "C"`,
        readId: (r) => r.id as string,
        select: sql`c.*, a.last_at`,
        countKey:
          by === undefined
            ? null
            : by === 'state'
              ? sql`c.state`
              : by === 'status'
                ? sql`c.status`
                : by === 'workflow'
                  ? sql`c.workflow`
                  : sql`COALESCE(${field(by.field)}, '')`,
        page: q,
        map: (r) => ({ caseRecord: toCase(r), lastActedAt: new Date(time(r.last_at) ?? 0) }),
      });
    },
  };
}
