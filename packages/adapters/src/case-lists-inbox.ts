import type {
  InboxListItem,
  InboxListQuery,
  InboxOwner,
  InboxSummary,
  InboxSummaryQuery,
  ListPage,
} from '@gongwen/core';
import { type Kysely, sql } from 'kysely';
import { and, filterSql, page, type Row, type SortKey, type Sql, time } from './case-lists-sql.ts';
import { toTask } from './rows.ts';
import type { Database } from './schema.ts';

/** A 催办 task's key (`remind:<n>:<key>`) reduced to the key of the task it reminds of. */
const remindedKey = (key: Sql) => sql`regexp_replace(${key}, '^remind:[0-9]+:', '')`;

/** The 催办 candidate row `tc` reminds of a task of its case that is open for the same principal. */
const twinOfOpenTask = sql`(tc.kind = 'remind' AND EXISTS (SELECT 1 FROM tasks rt
    JOIN tasks at ON at.case_id = rt.case_id AND at.done_at IS NULL AND at.kind <> 'remind'
      AND at.key = ${remindedKey(sql`rt.key`)}
    JOIN task_candidates atc ON atc.task_id = at.id AND atc.principal_id = tc.principal_id
    WHERE rt.id = tc.task_id))`;

/** The task of candidate row `tc` has an open 催办 twin for the same principal. */
const hasOpenReminder = sql`(tc.kind <> 'remind' AND EXISTS (SELECT 1 FROM tasks at
    JOIN tasks rt ON rt.case_id = at.case_id AND rt.done_at IS NULL AND rt.kind = 'remind'
      AND ${remindedKey(sql`rt.key`)} = at.key
    JOIN task_candidates rtc ON rtc.task_id = rt.id AND rtc.principal_id = tc.principal_id
    WHERE at.id = tc.task_id))`;

/** Candidate rows `tc` of the owner's principals in the unit, 催办 twins left out when folding. */
function ownerSql(q: InboxOwner): Sql[] {
  const principals = q.principals.map((p) =>
    p.workflows === null
      ? sql`tc.principal_id = ${p.id}`
      : sql`(tc.principal_id = ${p.id} AND tc.workflow = ANY(${[...p.workflows]}::text[]))`,
  );
  return [
    sql`tc.unit_id = ${q.unitId}`,
    principals.length === 0 ? sql`FALSE` : sql`(${sql.join(principals, sql` OR `)})`,
    ...(q.foldReminders ? [sql`NOT ${twinOfOpenTask}`] : []),
  ];
}

/**
 * One line per task: a task has one candidate row per principal, so only delegation can bring
 * it twice; then the actor's own row wins. `columns` are of `tc`; `join` what `where` needs.
 */
function oneLinePerTask(q: InboxOwner, columns: Sql, join: Sql, where: Sql[]): Sql {
  return q.principals.length <= 1
    ? sql`SELECT ${columns} FROM task_candidates tc ${join} WHERE ${and(where)}`
    : sql`SELECT DISTINCT ON (tc.task_id) ${columns} FROM task_candidates tc ${join}
        WHERE ${and(where)} ORDER BY tc.task_id, (tc.principal_id = ${q.actorId}) DESC`;
}

/** `CaseLists.inbox` on `task_candidates` (open tasks per principal, indexed newest first). */
export async function inboxPage(
  db: Kysely<Database>,
  q: InboxListQuery,
): Promise<ListPage<InboxListItem>> {
  const where = [
    ...ownerSql(q),
    ...filterSql(
      q,
      [sql`(SELECT st.label FROM tasks st WHERE st.id = tc.task_id)`],
      sql`tc.workflow`,
    ),
  ];
  if (q.kind === 'remind' && q.foldReminders)
    where.push(sql`(tc.kind = 'remind' OR ${hasOpenReminder})`);
  else if (q.kind !== undefined) where.push(sql`tc.kind = ${q.kind}`);
  if (q.period?.from) where.push(sql`tc.created_at >= ${q.period.from}`);
  if (q.period?.to) where.push(sql`tc.created_at < ${q.period.to}`);
  if (q.overdue?.is === true) where.push(sql`tc.due_at < ${q.overdue.now}`);
  if (q.overdue?.is === false)
    where.push(sql`(tc.due_at IS NULL OR tc.due_at >= ${q.overdue.now})`);
  // The case row only when a filter reads it: otherwise the candidates' index serves the page.
  const readsCase = Boolean(q.ids || q.states || q.fields || q.search?.text);
  const matches = oneLinePerTask(
    q,
    sql`tc.task_id, tc.principal_id, tc.created_at, tc.due_at, tc.workflow, tc.kind`,
    readsCase ? sql`JOIN cases c ON c.id = tc.case_id` : sql``,
    where,
  );
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
    countFrom: { from: sql`(${matches}) m`, where: [] },
    keys,
    id: sql`m.task_id COLLATE "C"`,
    readId: (r) => r.id as string,
    select: sql`t.*, c.title AS case_title, c.state AS case_state, c.fields AS case_fields,
      m.principal_id AS m_principal_id, m.created_at AS m_created_at, m.due_at AS m_due_at,
      (t.kind = 'remind' OR EXISTS (SELECT 1 FROM tasks rt
        JOIN task_candidates rtc ON rtc.task_id = rt.id AND rtc.principal_id = m.principal_id
        WHERE rt.case_id = t.case_id AND rt.done_at IS NULL AND rt.kind = 'remind'
          AND ${remindedKey(sql`rt.key`)} = t.key)) AS reminded`,
    countKey:
      q.countBy === 'kind' ? sql`m.kind` : q.countBy === 'workflow' ? sql`m.workflow` : null,
    page: q,
    map: (r: Row) => ({
      task: toTask(r),
      caseTitle: r.case_title as string,
      caseState: r.case_state as string,
      caseFields: (typeof r.case_fields === 'string'
        ? JSON.parse(r.case_fields)
        : r.case_fields) as Record<string, unknown>,
      principalId: r.m_principal_id as string,
      reminded: Boolean(r.reminded),
    }),
  });
}

/** `CaseLists.inboxSummary`: the counts of a 待办 in one grouped query. */
export async function inboxSummary(
  db: Kysely<Database>,
  q: InboxSummaryQuery,
): Promise<InboxSummary> {
  const matches = oneLinePerTask(
    q,
    sql`tc.task_id, tc.workflow, tc.due_at, (tc.kind = 'remind' OR ${hasOpenReminder}) AS reminded`,
    sql``,
    ownerSql(q),
  );
  const { rows } = await sql<{
    workflow: string;
    n: number;
    overdue: number;
    reminded: number;
    due_soon: number;
  }>`SELECT m.workflow, count(*)::int AS n,
      count(*) FILTER (WHERE m.due_at < ${q.now})::int AS overdue,
      count(*) FILTER (WHERE m.reminded)::int AS reminded,
      count(*) FILTER (WHERE m.due_at >= ${q.now} AND m.due_at < ${q.dueSoonUntil})::int AS due_soon
    FROM (${matches}) m GROUP BY m.workflow`.execute(db);
  const out: InboxSummary = { total: 0, overdue: 0, dueSoon: 0, reminded: 0, byWorkflow: {} };
  for (const r of rows) {
    out.total += r.n;
    out.overdue += r.overdue;
    out.reminded += r.reminded;
    out.dueSoon += r.due_soon;
    out.byWorkflow[r.workflow] = r.n;
  }
  return out;
}
