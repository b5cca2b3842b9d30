import { OUTGOING_STATE_LABELS } from '@gongwen/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZOutgoingListFilter } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app';
import { visiblePeople } from '~/server/services/incoming/list-incoming';
import { caseSearch } from '~/server/services/tasks/sql-helpers';
import { outgoingPrincipalsOf } from './access';
import { loadOutgoingNames } from './names';

/** One line of the 发文 list. */
export interface OutgoingListLine {
  id: string;
  title: string;
  docNumber: string | null;
  docType: string;
  urgency: string;
  secrecy: string;
  draftingDepartment: string;
  drafter: string;
  state: string;
  stateLabel: string;
  draftedAt: Date;
  updatedAt: Date;
  currentVersion: number;
}

/**
 * The 发文 of the user's unit that the user may see, by the rule of the case page
 * (`visibleOutgoingFlow`): every case for leaders, the office director and the secretariat;
 * otherwise the cases where the user, someone below them, or a principal they deputise for
 * has a step — and a classified (涉密) case only where the user (or that principal) took part.
 * Search (标题 / 文号), filters, sort and page run in one SQL query.
 */
export async function listOutgoing(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZOutgoingListFilter>,
): Promise<{ items: OutgoingListLine[]; total: number }> {
  const kdb = db(app);
  const [users, departments, principals, names] = await Promise.all([
    sql<{
      id: string;
      department_id: string | null;
      superior_id: string | null;
      roles: string[];
      active: boolean;
    }>`SELECT id, department_id, superior_id, roles, active FROM users WHERE unit_id = ${user.unitId}`.execute(
      kdb,
    ),
    app.directory.listDepartments(user.unitId),
    outgoingPrincipalsOf(app, user),
    loadOutgoingNames(app, user.unitId),
  ]);
  const selves = [user.id, ...principals];
  const views = selves.map((id) => visiblePeople(id, users.rows, departments));
  const filters = [sql`c.unit_id = ${user.unitId}`, sql`c.workflow = 'outgoing'`];
  if (!views.some((v) => v === null)) {
    const ids = [...new Set(views.flatMap((v) => [...(v ?? [])]))];
    const part = (who: string[]) => sql`(EXISTS (SELECT 1 FROM ledger l WHERE l.case_id = c.id
        AND (l.actor_id = ANY(${who}::text[]) OR l.on_behalf_of = ANY(${who}::text[])))
      OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
        AND (t.candidates && ${who}::text[] OR t.done_by = ANY(${who}::text[]))))`;
    filters.push(
      sql`(${part(selves)} OR (COALESCE(c.fields->>'secrecy', '非密') = '非密' AND ${part(ids)}))`,
    );
  }
  if (f.search) filters.push(caseSearch(f.search));
  if (f.docType) filters.push(sql`c.fields->>'docType' = ${f.docType}`);
  if (f.urgency) filters.push(sql`c.fields->>'urgency' = ${f.urgency}`);
  if (f.secrecy) filters.push(sql`c.fields->>'secrecy' = ${f.secrecy}`);
  if (f.state) filters.push(sql`c.state = ${f.state}`);
  if (f.mine) filters.push(sql`c.started_by = ${user.id}`);
  const where = sql.join(filters, sql` AND `);
  const order =
    f.sort === 'oldest' ? sql`c.created_at ASC, c.id ASC` : sql`c.created_at DESC, c.id DESC`;
  const offset = (f.page - 1) * f.pageSize;
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      title: string;
      state: string;
      fields: unknown;
      created_at: Date;
      updated_at: Date;
    }>`SELECT c.id, c.title, c.state, c.fields, c.created_at, c.updated_at FROM cases c
      WHERE ${where} ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${offset}`.execute(kdb),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE ${where}`.execute(kdb),
  ]);
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    total: count.rows[0]?.n ?? 0,
    items: page.rows.map((r) => {
      const fields = (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as Record<
        string,
        unknown
      >;
      return {
        id: r.id,
        title: r.title,
        docNumber: typeof fields.docNumber === 'string' ? fields.docNumber : null,
        docType: s(fields.docType),
        urgency: s(fields.urgency) || '普通',
        secrecy: s(fields.secrecy) || '非密',
        draftingDepartment: names.department(s(fields.draftingDepartment)),
        drafter: names.user(s(fields.drafter)),
        state: r.state,
        stateLabel: OUTGOING_STATE_LABELS[r.state] ?? r.state,
        draftedAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at),
        currentVersion: typeof fields.currentVersion === 'number' ? fields.currentVersion : 1,
      };
    }),
  };
}
