import { createCaseLists } from '@gongwen/adapters';
import {
  type CaseAccess,
  INCOMING_STATE_LABELS,
  INCOMING_WORKFLOW,
  SEE_ALL_ROLES,
} from '@gongwen/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZIncomingListFilter } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
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
 * the case page applies, handed to the `CaseLists` port as its access predicate, so search,
 * filters, sort, page and count run in one SQL query each.
 */
export async function listIncoming(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZIncomingListFilter>,
): Promise<{ items: IncomingListLine[]; total: number; nextCursor: string | null }> {
  const now = app.clock.now();
  const [users, departments, principals] = await Promise.all([
    sql<UserRow>`SELECT id, department_id, superior_id, roles, active FROM users WHERE unit_id = ${user.unitId}`.execute(
      db(app),
    ),
    app.directory.listDepartments(user.unitId),
    incomingPrincipalsOf(app, user),
  ]);
  const views = [user.id, ...principals].map((id) => visiblePeople(id, users.rows, departments));
  const access: CaseAccess | undefined = views.some((v) => v === null)
    ? undefined
    : { participants: [...new Set(views.flatMap((v) => [...(v ?? [])]))] };
  const header: Record<string, string> = {};
  if (f.urgency) header.urgency = f.urgency;
  if (f.secrecy) header.secrecy = f.secrecy;
  const page = await createCaseLists(app.store.kysely).cases({
    unitId: user.unitId,
    workflow: INCOMING_WORKFLOW,
    ...(access ? { access } : {}),
    fields: header,
    ...(f.state ? { states: [f.state] } : {}),
    ...(f.search
      ? {
          search: {
            text: f.search,
            fields: ['docNumber', 'senderDocNumber', 'serialNo', 'senderUnit'],
          },
        }
      : {}),
    ...(f.period
      ? {
          period: {
            ...(f.period.from ? { from: f.period.from } : {}),
            ...(f.period.to ? { to: f.period.to } : {}),
          },
        }
      : {}),
    sort:
      f.sort === 'oldest'
        ? { by: 'createdAt', dir: 'asc' }
        : f.sort === 'serialAsc'
          ? { by: { field: 'serialNo' }, dir: 'asc' }
          : f.sort === 'serialDesc'
            ? { by: { field: 'serialNo' }, dir: 'desc' }
            : { by: 'createdAt', dir: 'desc' },
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((c) => {
      const fields = c.fields;
      const deadline = typeof fields.deadline === 'string' ? new Date(fields.deadline) : null;
      const finished = fields.completedAt !== null && fields.completedAt !== undefined;
      return {
        id: c.id,
        title: c.title,
        serialNo: typeof fields.serialNo === 'string' ? fields.serialNo : null,
        senderUnit: s(fields.senderUnit),
        senderDocNumber: s(fields.senderDocNumber),
        receivedDate: typeof fields.receivedDate === 'string' ? fields.receivedDate : null,
        urgency: s(fields.urgency) || '普通',
        secrecy: s(fields.secrecy) || '非密',
        state: c.state,
        stateLabel: INCOMING_STATE_LABELS[c.state] ?? c.state,
        registeredAt: c.createdAt,
        deadline,
        overdue: deadline !== null && !finished && deadline < now,
        reminderCount: typeof fields.reminderCount === 'number' ? fields.reminderCount : 0,
      };
    }),
  };
}
