import type { CaseLists, CountBy, LedgerRecord, TaskRecord } from '@gongwen/core';
import { type Kysely, sql } from 'kysely';
import { inboxPage, inboxSummary } from './case-lists-inbox.ts';
import {
  accessSql,
  field,
  filterSql,
  page,
  type Row,
  type SortKey,
  type Sql,
  time,
} from './case-lists-sql.ts';
import { toCase, toLedger, toTask } from './rows.ts';
import type { Database } from './schema.ts';

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
      if (q.match) where.push(accessSql(q.match, q.unitId));
      const by = q.countBy;
      return page(db, {
        from: sql`cases c`,
        where,
        keys: [key],
        id: sql`c.id COLLATE "C"`,
        readId: (r) => r.id as string,
        select: sql`${q.columns === 'header' ? HEADER_COLUMNS : sql`c.*`}${
          typeof sort.by === 'object' ? sql`, ${key.expr} AS sort_key` : sql``
        }`,
        countKey: countKeyOf(by),
        page: q,
        map: toCase,
      });
    },

    inbox: (q) => inboxPage(db, q),

    inboxSummary: (q) => inboxSummary(db, q),

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
        countKey: countKeyOf(by),
        page: q,
        map: (r) => ({ caseRecord: toCase(r), lastActedAt: new Date(time(r.last_at) ?? 0) }),
      });
    },

    async ledgersOf(caseIds) {
      const out = new Map<string, LedgerRecord[]>(caseIds.map((id) => [id, []]));
      if (caseIds.length === 0) return out;
      const { rows } =
        await sql<Row>`SELECT * FROM ledger WHERE case_id = ANY(${[...caseIds]}::text[])
        ORDER BY case_id, seq`.execute(db);
      for (const r of rows) out.get(r.case_id as string)?.push(toLedger(r));
      return out;
    },

    async tasksOf(caseIds, options = {}) {
      const out = new Map<string, TaskRecord[]>(caseIds.map((id) => [id, []]));
      if (caseIds.length === 0) return out;
      const prefix =
        options.keyPrefix === undefined
          ? sql`TRUE`
          : sql`starts_with(key, ${options.keyPrefix}::text)`;
      const { rows } = await sql<Row>`SELECT * FROM tasks
        WHERE case_id = ANY(${[...caseIds]}::text[]) AND ${prefix}
        ORDER BY created_at, id COLLATE "C"`.execute(db);
      for (const r of rows) out.get(r.case_id as string)?.push(toTask(r));
      return out;
    },
  };
}

/** A case row without the snapshot and the open assignments (`columns: 'header'`). */
const HEADER_COLUMNS = sql`c.id, c.unit_id, c.workflow, c.workflow_version, c.title, c.state,
  c.status, NULL::jsonb AS snapshot, c.fields, c.rev, c.started_by, c.created_at, c.updated_at,
  c.ledger_seq, c.ledger_head, '[]'::jsonb AS assignments`;

/** What a list of cases counts by, as SQL on the case row `c`. */
function countKeyOf(by: CountBy | undefined): Sql | null {
  if (by === undefined) return null;
  if (by === 'state') return sql`c.state`;
  if (by === 'status') return sql`c.status`;
  if (by === 'workflow') return sql`c.workflow`;
  return sql`COALESCE(${field(by.field)}, '')`;
}
