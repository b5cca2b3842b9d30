import { INCOMING_STATE_LABELS, SEE_ALL_ROLES } from '@gongwen/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZIncomingListFilter } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app';
import { caseSearch, containing } from '~/server/services/tasks/sql-helpers';
import { incomingPrincipalsOf } from './access';

interface UserRow {
  id: string;
  department_id: string | null;
  superior_id: string | null;
  roles: string[];
  active: boolean;
}

/**
 * The people whose steps `viewerId` sees in a 收文 flow, by the rule of `visibleIncomingFlow`:
 * themself, everyone in the departments they head and below, and everyone whose chain of
 * direct superiors reaches them. Null when the viewer sees everything (SEE_ALL_ROLES).
 */
export function visiblePeople(
  viewerId: string,
  users: readonly UserRow[],
  departments: ReadonlyArray<{ id: string; parentId: string | null; headUserId: string | null }>,
): Set<string> | null {
  const viewer = users.find((u) => u.id === viewerId);
  if (!viewer?.active) return new Set();
  if (viewer.roles.some((r) => SEE_ALL_ROLES.includes(r))) return null;
  const below = new Set(departments.filter((d) => d.headUserId === viewerId).map((d) => d.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && below.has(d.parentId) && !below.has(d.id)) {
        below.add(d.id);
        grew = true;
      }
    }
  }
  const byId = new Map(users.map((u) => [u.id, u]));
  const out = new Set([viewerId]);
  for (const u of users) {
    if (u.department_id !== null && below.has(u.department_id)) {
      out.add(u.id);
      continue;
    }
    let cur: UserRow | undefined = u;
    for (let depth = 0; depth < 32 && cur?.superior_id; depth++) {
      if (cur.superior_id === viewerId) {
        out.add(u.id);
        break;
      }
      cur = byId.get(cur.superior_id);
    }
  }
  return out;
}

/** One line of the 收文 list. */
export interface IncomingListLine {
  id: string;
  title: string;
  serialNo: string | null;
  senderUnit: string;
  senderDocNumber: string;
  receivedDate: string | null;
  urgency: string;
  secrecy: string;
  state: string;
  stateLabel: string;
  registeredAt: Date;
  deadline: Date | null;
  overdue: boolean;
  reminderCount: number;
}

/**
 * The 收文 of the user's unit that the user may see: every case for leaders, the office
 * director and the secretariat; otherwise the cases where the user, someone below them, or a
 * principal they deputise for (and people below that principal) has a step — the same rule
 * the case page applies. Search, filters, sort and page run in one SQL query.
 */
export async function listIncoming(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZIncomingListFilter>,
): Promise<{ items: IncomingListLine[]; total: number }> {
  const kdb = db(app);
  const now = app.clock.now();
  const [users, departments, principals] = await Promise.all([
    sql<UserRow>`SELECT id, department_id, superior_id, roles, active FROM users WHERE unit_id = ${user.unitId}`.execute(
      kdb,
    ),
    app.directory.listDepartments(user.unitId),
    incomingPrincipalsOf(app, user),
  ]);
  const views = [user.id, ...principals].map((id) => visiblePeople(id, users.rows, departments));
  const filters = [sql`c.unit_id = ${user.unitId}`, sql`c.workflow = 'incoming'`];
  if (!views.some((v) => v === null)) {
    const ids = [...new Set(views.flatMap((v) => [...(v ?? [])]))];
    filters.push(sql`(EXISTS (SELECT 1 FROM ledger l WHERE l.case_id = c.id
        AND (l.actor_id = ANY(${ids}::text[]) OR l.on_behalf_of = ANY(${ids}::text[])))
      OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
        AND (t.candidates && ${ids}::text[] OR t.done_by = ANY(${ids}::text[]))))`);
  }
  if (f.search) {
    filters.push(caseSearch(f.search, sql`c.fields->>'senderUnit' ILIKE ${containing(f.search)}`));
  }
  if (f.urgency) filters.push(sql`c.fields->>'urgency' = ${f.urgency}`);
  if (f.secrecy) filters.push(sql`c.fields->>'secrecy' = ${f.secrecy}`);
  if (f.state) filters.push(sql`c.state = ${f.state}`);
  if (f.period?.from) filters.push(sql`c.created_at >= ${f.period.from}`);
  if (f.period?.to) filters.push(sql`c.created_at < ${f.period.to}`);
  const where = sql.join(filters, sql` AND `);
  const order =
    f.sort === 'oldest'
      ? sql`c.created_at ASC, c.id ASC`
      : f.sort === 'serialAsc'
        ? sql`c.fields->>'serialNo' ASC NULLS LAST, c.created_at ASC`
        : f.sort === 'serialDesc'
          ? sql`c.fields->>'serialNo' DESC NULLS LAST, c.created_at DESC`
          : sql`c.created_at DESC, c.id DESC`;
  const offset = (f.page - 1) * f.pageSize;
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      title: string;
      state: string;
      fields: unknown;
      created_at: Date;
    }>`SELECT c.id, c.title, c.state, c.fields, c.created_at FROM cases c WHERE ${where}
      ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${offset}`.execute(kdb),
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
      const deadline = typeof fields.deadline === 'string' ? new Date(fields.deadline) : null;
      const finished = fields.completedAt !== null && fields.completedAt !== undefined;
      return {
        id: r.id,
        title: r.title,
        serialNo: typeof fields.serialNo === 'string' ? fields.serialNo : null,
        senderUnit: s(fields.senderUnit),
        senderDocNumber: s(fields.senderDocNumber),
        receivedDate: typeof fields.receivedDate === 'string' ? fields.receivedDate : null,
        urgency: s(fields.urgency) || '普通',
        secrecy: s(fields.secrecy) || '非密',
        state: r.state,
        stateLabel: INCOMING_STATE_LABELS[r.state] ?? r.state,
        registeredAt: new Date(r.created_at),
        deadline,
        overdue: deadline !== null && !finished && deadline < now,
        reminderCount: typeof fields.reminderCount === 'number' ? fields.reminderCount : 0,
      };
    }),
  };
}
