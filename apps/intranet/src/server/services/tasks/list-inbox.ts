import type { TaskRecord } from '@gongwen/core';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { ZInboxFilter } from '~/lib/schemas/tasks';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import { caseSearch, containing } from './sql-helpers';

/** One line of the 待办 list. */
export interface InboxLine {
  task: Pick<
    TaskRecord,
    'id' | 'caseId' | 'workflow' | 'key' | 'kind' | 'label' | 'createdAt' | 'dueAt' | 'openedAt'
  >;
  caseTitle: string;
  caseState: string;
  caseFields: Record<string, unknown>;
  /** Whose task it is: the user, or the principal they deputise for (代理). */
  principalId: string;
  principalName: string | null;
  overdue: boolean;
  /** 催办: the task is a reminder, or a reminder of it is open (and shown as this one line). */
  reminded: boolean;
}

/** The principals whose tasks a user sees: themself and whom they deputise for now. */
export async function principalsOf(
  app: AppServices,
  user: SessionUser,
): Promise<Array<{ id: string; workflows: string[] | null }>> {
  const delegations = await app.directory.delegationsOfDeputy(user.id, app.clock.now());
  return [
    { id: user.id, workflows: null },
    ...delegations
      .filter((d) => d.unitId === user.unitId)
      .map((d) => ({ id: d.principalId, workflows: d.workflows })),
  ];
}

/** A 催办 twin's key (`remind:<n>:<key>`) reduced to the key of the task it reminds of. */
const baseKeyOf = (key: RawBuilder<unknown>) => sql`regexp_replace(${key}, '^remind:[0-9]+:', '')`;

/**
 * A 催办 task (candidate row `tc`) whose reminded task is open for the same principal: the
 * reminder is then no line of its own but the 催办 mark on that task's line.
 */
const twinOfOpenTask = sql`(tc.kind = 'remind' AND EXISTS (SELECT 1 FROM tasks rt
    JOIN tasks at ON at.case_id = rt.case_id AND at.done_at IS NULL AND at.kind <> 'remind'
      AND at.key = ${baseKeyOf(sql`rt.key`)}
    JOIN task_candidates atc ON atc.task_id = at.id AND atc.principal_id = tc.principal_id
    WHERE rt.id = tc.task_id))`;

/** A task (candidate row `tc`) with an open 催办 twin for the same principal. */
const hasOpenReminder = sql`(tc.kind <> 'remind' AND EXISTS (SELECT 1 FROM tasks at
    JOIN tasks rt ON rt.case_id = at.case_id AND rt.done_at IS NULL AND rt.kind = 'remind'
      AND ${baseKeyOf(sql`rt.key`)} = at.key
    JOIN task_candidates rtc ON rtc.task_id = rt.id AND rtc.principal_id = tc.principal_id
    WHERE at.id = tc.task_id))`;

function principalFilter(principals: Array<{ id: string; workflows: string[] | null }>) {
  return sql.join(
    principals.map((p) =>
      p.workflows === null
        ? sql`tc.principal_id = ${p.id}`
        : sql`(tc.principal_id = ${p.id} AND tc.workflow = ANY(${p.workflows}::text[]))`,
    ),
    sql` OR `,
  );
}

/**
 * The 待办 list: open tasks of the user and of those they deputise for, filtered on the task
 * (workflow, kind, arrival period, overdue) and on the case's header fields (紧急程度, 密级,
 * title or 文号), one indexed query on `task_candidates` joined to `cases`. A 催办 twin of an
 * open task is no line of its own: that task's line carries the 催办 mark (`reminded`), so a
 * reminded case shows once.
 */
export async function listInbox(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZInboxFilter>,
): Promise<{ items: InboxLine[]; total: number }> {
  const now = app.clock.now();
  const principals = await principalsOf(app, user);
  const filters = [sql`tc.unit_id = ${user.unitId}`, sql`(${principalFilter(principals)})`];
  if (f.workflow) filters.push(sql`tc.workflow = ${f.workflow}`);
  filters.push(sql`NOT ${twinOfOpenTask}`);
  // 催办 lists the reminded tasks: reminders of their own and tasks carrying the 催办 mark.
  if (f.kind === 'remind') filters.push(sql`(tc.kind = 'remind' OR ${hasOpenReminder})`);
  else if (f.kind) filters.push(sql`tc.kind = ${f.kind}`);
  if (f.overdue === true) filters.push(sql`tc.due_at < ${now}`);
  if (f.overdue === false) filters.push(sql`(tc.due_at IS NULL OR tc.due_at >= ${now})`);
  if (f.period?.from) filters.push(sql`tc.created_at >= ${f.period.from}`);
  if (f.period?.to) filters.push(sql`tc.created_at < ${f.period.to}`);
  if (f.urgency) filters.push(sql`c.fields->>'urgency' = ${f.urgency}`);
  if (f.secrecy) filters.push(sql`c.fields->>'secrecy' = ${f.secrecy}`);
  if (f.search) {
    filters.push(
      caseSearch(
        f.search,
        sql`EXISTS (SELECT 1 FROM tasks st WHERE st.id = tc.task_id AND st.label ILIKE ${containing(f.search)})`,
      ),
    );
  }
  const where = sql.join(filters, sql` AND `);
  const caseFilters = Boolean(f.urgency || f.secrecy || f.search);
  // One row per task. A task has one candidate row per principal, so a user who deputises for
  // nobody needs no de-duplication: the newest-first index then serves the page directly.
  // Under delegation, the user's own row is preferred over a principal's.
  const matches =
    principals.length === 1
      ? sql`SELECT tc.task_id, tc.principal_id, tc.created_at, tc.due_at
    FROM task_candidates tc ${caseFilters ? sql`JOIN cases c ON c.id = tc.case_id` : sql``} WHERE ${where}`
      : sql`SELECT DISTINCT ON (tc.task_id) tc.task_id, tc.principal_id, tc.created_at, tc.due_at
    FROM task_candidates tc JOIN cases c ON c.id = tc.case_id WHERE ${where}
    ORDER BY tc.task_id, (tc.principal_id = ${user.id}) DESC`;
  const order =
    f.sort === 'oldest'
      ? sql`m.created_at ASC, m.task_id ASC`
      : f.sort === 'dueSoonest'
        ? sql`m.due_at ASC NULLS LAST, m.created_at ASC, m.task_id ASC`
        : sql`m.created_at DESC, m.task_id DESC`;
  const kdb = db(app);
  const offset = (f.page - 1) * f.pageSize;
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      case_id: string;
      workflow: string;
      key: string;
      kind: TaskRecord['kind'];
      label: string;
      created_at: Date;
      due_at: Date | null;
      opened_at: Date | null;
      case_title: string;
      case_state: string;
      case_fields: unknown;
      principal_id: string;
      principal_name: string | null;
      reminded: boolean;
    }>`SELECT t.id, t.case_id, t.workflow, t.key, t.kind, t.label, t.created_at, t.due_at, t.opened_at,
        c.title AS case_title, c.state AS case_state, c.fields AS case_fields,
        m.principal_id, u.name AS principal_name,
        (t.kind = 'remind' OR EXISTS (SELECT 1 FROM tasks rt
          JOIN task_candidates rtc ON rtc.task_id = rt.id AND rtc.principal_id = m.principal_id
          WHERE rt.case_id = t.case_id AND rt.done_at IS NULL AND rt.kind = 'remind'
            AND ${baseKeyOf(sql`rt.key`)} = t.key)) AS reminded
      FROM (${matches}) m JOIN tasks t ON t.id = m.task_id JOIN cases c ON c.id = t.case_id
      LEFT JOIN users u ON u.id = m.principal_id
      ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${offset}`.execute(kdb),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${matches}) m`.execute(kdb),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    items: page.rows.map((r) => {
      const dueAt = r.due_at ? new Date(r.due_at) : null;
      return {
        task: {
          id: r.id,
          caseId: r.case_id,
          workflow: r.workflow,
          key: r.key,
          kind: r.kind,
          label: r.label,
          createdAt: new Date(r.created_at),
          dueAt,
          openedAt: r.opened_at ? new Date(r.opened_at) : null,
        },
        caseTitle: r.case_title,
        caseState: r.case_state,
        caseFields: (typeof r.case_fields === 'string'
          ? JSON.parse(r.case_fields)
          : r.case_fields) as Record<string, unknown>,
        principalId: r.principal_id,
        principalName: r.principal_id === user.id ? null : r.principal_name,
        overdue: dueAt !== null && dueAt < now,
        reminded: Boolean(r.reminded),
      };
    }),
  };
}

/** Counts for the 首页: all open tasks, overdue, reminders (催办), due within a day, per workflow. */
export async function inboxCounts(
  app: AppServices,
  user: SessionUser,
): Promise<{
  total: number;
  overdue: number;
  remind: number;
  dueSoon: number;
  byWorkflow: Record<string, number>;
}> {
  const now = app.clock.now();
  const soon = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  const principals = await principalsOf(app, user);
  const candidates = sql`FROM task_candidates tc
    WHERE tc.unit_id = ${user.unitId} AND (${principalFilter(principals)}) AND NOT ${twinOfOpenTask}`;
  // A task has one candidate row per principal: only delegation can count a task twice.
  const matches =
    principals.length === 1
      ? sql`SELECT tc.task_id, tc.workflow, (tc.kind = 'remind' OR ${hasOpenReminder}) AS reminded,
      tc.due_at ${candidates}`
      : sql`SELECT DISTINCT ON (tc.task_id) tc.task_id, tc.workflow,
      (tc.kind = 'remind' OR ${hasOpenReminder}) AS reminded, tc.due_at ${candidates}
    ORDER BY tc.task_id`;
  const { rows } = await sql<{
    workflow: string;
    n: number;
    overdue: number;
    remind: number;
    due_soon: number;
  }>`SELECT m.workflow, count(*)::int AS n,
      count(*) FILTER (WHERE m.due_at < ${now})::int AS overdue,
      count(*) FILTER (WHERE m.reminded)::int AS remind,
      count(*) FILTER (WHERE m.due_at >= ${now} AND m.due_at < ${soon})::int AS due_soon
    FROM (${matches}) m GROUP BY m.workflow`.execute(db(app));
  const out = {
    total: 0,
    overdue: 0,
    remind: 0,
    dueSoon: 0,
    byWorkflow: {} as Record<string, number>,
  };
  for (const r of rows) {
    out.total += r.n;
    out.overdue += r.overdue;
    out.remind += r.remind;
    out.dueSoon += r.due_soon;
    out.byWorkflow[r.workflow] = r.n;
  }
  return out;
}
