import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZDoneFilter } from '~/lib/schemas/tasks';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import { caseSearch } from './sql-helpers';

/** One line of the 已办 list. */
export interface DoneLine {
  caseId: string;
  workflow: string;
  title: string;
  state: string;
  status: 'active' | 'done';
  fields: Record<string, unknown>;
  createdAt: Date;
  lastActedAt: Date;
}

/**
 * The 已办 list: cases the user acted on (or a deputy acted on for them), filtered on the
 * header fields and on when the user last acted.
 */
export async function listDone(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZDoneFilter>,
): Promise<{ items: DoneLine[]; total: number }> {
  const acted = sql`SELECT case_id, max(at) AS last_at FROM (
      SELECT case_id, at FROM ledger WHERE actor_id = ${user.id} AND unit_id = ${user.unitId}
      UNION ALL SELECT case_id, at FROM ledger WHERE on_behalf_of = ${user.id} AND unit_id = ${user.unitId}
    ) l GROUP BY case_id`;
  const filters = [sql`c.unit_id = ${user.unitId}`];
  if (f.workflow) filters.push(sql`c.workflow = ${f.workflow}`);
  if (f.status) filters.push(sql`c.status = ${f.status}`);
  if (f.urgency) filters.push(sql`c.fields->>'urgency' = ${f.urgency}`);
  if (f.secrecy) filters.push(sql`c.fields->>'secrecy' = ${f.secrecy}`);
  if (f.period?.from) filters.push(sql`a.last_at >= ${f.period.from}`);
  if (f.period?.to) filters.push(sql`a.last_at < ${f.period.to}`);
  if (f.search) filters.push(caseSearch(f.search));
  const where = sql.join(filters, sql` AND `);
  const order = f.sort === 'oldest' ? sql`a.last_at ASC, c.id` : sql`a.last_at DESC, c.id`;
  const kdb = db(app);
  const offset = (f.page - 1) * f.pageSize;
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      workflow: string;
      title: string;
      state: string;
      status: 'active' | 'done';
      fields: unknown;
      created_at: Date;
      last_at: Date;
    }>`SELECT c.id, c.workflow, c.title, c.state, c.status, c.fields, c.created_at, a.last_at
      FROM (${acted}) a JOIN cases c ON c.id = a.case_id WHERE ${where}
      ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${offset}`.execute(kdb),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${acted}) a JOIN cases c ON c.id = a.case_id
      WHERE ${where}`.execute(kdb),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    items: page.rows.map((r) => ({
      caseId: r.id,
      workflow: r.workflow,
      title: r.title,
      state: r.state,
      status: r.status,
      fields: (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as Record<
        string,
        unknown
      >,
      createdAt: new Date(r.created_at),
      lastActedAt: new Date(r.last_at),
    })),
  };
}
