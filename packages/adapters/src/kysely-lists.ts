import type { InboxItem, Store } from '@gongwen/core';
import { sql } from 'kysely';
import { type Connection, containing, type Row } from './kysely-connection.ts';
import { toCase, toTask } from './rows.ts';

/** The store's list queries: the inbox (待办), done (已办) and a unit's cases. */
export function kyselyLists(conn: Connection): Pick<Store, 'inbox' | 'listCases' | 'done'> {
  return {
    async inbox(q) {
      const principalFilter = sql.join(
        q.principals.map((p) =>
          p.workflows === null
            ? sql`tc.principal_id = ${p.id}`
            : sql`(tc.principal_id = ${p.id} AND tc.workflow = ANY(${p.workflows}::text[]))`,
        ),
        sql` OR `,
      );
      const filters = [sql`tc.unit_id = ${q.unitId}`, sql`(${principalFilter})`];
      if (q.workflow !== undefined) filters.push(sql`tc.workflow = ${q.workflow}`);
      if (q.kind !== undefined) filters.push(sql`tc.kind = ${q.kind}`);
      if (q.overdue === true) filters.push(sql`tc.due_at < ${q.now}`);
      if (q.overdue === false) filters.push(sql`(tc.due_at IS NULL OR tc.due_at >= ${q.now})`);
      if (q.search) {
        const like = containing(q.search);
        filters.push(sql`EXISTS (SELECT 1 FROM cases sc JOIN tasks st ON st.id = tc.task_id
          WHERE sc.id = tc.case_id AND (sc.title LIKE ${like} OR st.label LIKE ${like}))`);
      }
      const where = sql.join(filters, sql` AND `);
      const order =
        q.sort === 'oldest'
          ? sql`m.created_at ASC, m.task_id ASC`
          : q.sort === 'dueSoonest'
            ? sql`m.due_at ASC NULLS LAST, m.created_at ASC, m.task_id ASC`
            : sql`m.created_at DESC, m.task_id DESC`;
      // With one principal each task appears once; with several, keep one row per task,
      // preferring the actor's own (the first principal).
      const matches =
        q.principals.length === 1
          ? sql`SELECT tc.task_id, tc.principal_id, tc.created_at, tc.due_at FROM task_candidates tc WHERE ${where}`
          : sql`SELECT DISTINCT ON (tc.task_id) tc.task_id, tc.principal_id, tc.created_at, tc.due_at
              FROM task_candidates tc WHERE ${where}
              ORDER BY tc.task_id, (tc.principal_id = ${q.principals[0]!.id}) DESC`;
      const [page, count] = await Promise.all([
        sql<Row>`SELECT t.*, c.title AS case_title, c.state AS case_state, c.fields AS case_fields,
            m.principal_id AS inbox_principal
          FROM (${matches}) m JOIN tasks t ON t.id = m.task_id JOIN cases c ON c.id = t.case_id
          ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{ n: number }>`SELECT count(*)::int AS n FROM (${matches}) m`.execute(conn()),
      ]);
      const items: InboxItem[] = page.rows.map((r) => ({
        task: toTask(r),
        caseTitle: r.case_title as string,
        caseState: r.case_state as string,
        caseFields: (typeof r.case_fields === 'string'
          ? JSON.parse(r.case_fields)
          : r.case_fields) as Record<string, unknown>,
        principalId: r.inbox_principal as string,
      }));
      return { items, total: count.rows[0]?.n ?? 0 };
    },

    async listCases(q) {
      const filters = [sql`unit_id = ${q.unitId}`];
      if (q.workflow !== undefined) filters.push(sql`workflow = ${q.workflow}`);
      if (q.status !== undefined) filters.push(sql`status = ${q.status}`);
      if (q.createdFrom !== undefined) filters.push(sql`created_at >= ${q.createdFrom}`);
      if (q.createdTo !== undefined) filters.push(sql`created_at < ${q.createdTo}`);
      if (q.search) filters.push(sql`title LIKE ${containing(q.search)}`);
      const where = sql.join(filters, sql` AND `);
      const [page, count] = await Promise.all([
        sql<Row>`SELECT * FROM cases WHERE ${where} ORDER BY created_at DESC, id DESC
          LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE ${where}`.execute(conn()),
      ]);
      return { items: page.rows.map(toCase), total: count.rows[0]?.n ?? 0 };
    },

    async done(q) {
      const filters = [sql`c.unit_id = ${q.unitId}`];
      if (q.workflow !== undefined) filters.push(sql`c.workflow = ${q.workflow}`);
      if (q.search) {
        const like = containing(q.search);
        filters.push(sql`c.title LIKE ${like}`);
      }
      const acted = sql`SELECT case_id, max(at) AS last_at FROM (
          SELECT case_id, at FROM ledger WHERE actor_id = ${q.userId}
          UNION ALL SELECT case_id, at FROM ledger WHERE on_behalf_of = ${q.userId}) l GROUP BY case_id`;
      const where = sql.join(filters, sql` AND `);
      const [page, count] = await Promise.all([
        sql<Row>`SELECT c.*, a.last_at FROM (${acted}) a JOIN cases c ON c.id = a.case_id WHERE ${where}
          ORDER BY a.last_at DESC, c.id LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM (${acted}) a JOIN cases c ON c.id = a.case_id WHERE ${where}`.execute(
          conn(),
        ),
      ]);
      return {
        items: page.rows.map((r) => ({
          caseRecord: toCase(r),
          lastActedAt: new Date(r.last_at as Date),
        })),
        total: count.rows[0]?.n ?? 0,
      };
    },
  };
}
