import { createCaseLists } from '@gongwen/adapters';
import { type CaseAccess, OUTGOING_STATE_LABELS, OUTGOING_WORKFLOW } from '@gongwen/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZOutgoingListFilter } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import { visiblePeople } from '~/server/services/incoming/list-incoming';
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
 * The rule goes to the `CaseLists` port as its access predicate, so search (标题 / 文号),
 * filters, sort, page and count run in SQL.
 */
export async function listOutgoing(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZOutgoingListFilter>,
): Promise<{ items: OutgoingListLine[]; total: number; nextCursor: string | null }> {
  const [users, departments, principals, names] = await Promise.all([
    sql<{
      id: string;
      department_id: string | null;
      superior_id: string | null;
      roles: string[];
      active: boolean;
    }>`SELECT id, department_id, superior_id, roles, active FROM users WHERE unit_id = ${user.unitId}`.execute(
      db(app),
    ),
    app.directory.listDepartments(user.unitId),
    outgoingPrincipalsOf(app, user),
    loadOutgoingNames(app, user.unitId),
  ]);
  const selves = [user.id, ...principals];
  const views = selves.map((id) => visiblePeople(id, users.rows, departments));
  const access: CaseAccess | undefined = views.some((v) => v === null)
    ? undefined
    : {
        anyOf: [
          { participants: selves },
          {
            allOf: [
              { field: 'secrecy', in: ['非密', null] },
              { participants: [...new Set(views.flatMap((v) => [...(v ?? [])]))] },
            ],
          },
        ],
      };
  const header: Record<string, string> = {};
  if (f.docType) header.docType = f.docType;
  if (f.urgency) header.urgency = f.urgency;
  if (f.secrecy) header.secrecy = f.secrecy;
  const page = await createCaseLists(app.store.kysely).cases({
    unitId: user.unitId,
    workflow: OUTGOING_WORKFLOW,
    ...(access ? { access } : {}),
    fields: header,
    ...(f.state ? { states: [f.state] } : {}),
    ...(f.mine ? { startedBy: user.id } : {}),
    ...(f.search
      ? { search: { text: f.search, fields: ['docNumber', 'senderDocNumber', 'serialNo'] } }
      : {}),
    sort: { by: 'createdAt', dir: f.sort === 'oldest' ? 'asc' : 'desc' },
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((c) => {
      const fields = c.fields;
      return {
        id: c.id,
        title: c.title,
        docNumber: typeof fields.docNumber === 'string' ? fields.docNumber : null,
        docType: s(fields.docType),
        urgency: s(fields.urgency) || '普通',
        secrecy: s(fields.secrecy) || '非密',
        draftingDepartment: names.department(s(fields.draftingDepartment)),
        drafter: names.user(s(fields.drafter)),
        state: c.state,
        stateLabel: OUTGOING_STATE_LABELS[c.state] ?? c.state,
        draftedAt: c.createdAt,
        updatedAt: c.updatedAt,
        currentVersion: typeof fields.currentVersion === 'number' ? fields.currentVersion : 1,
      };
    }),
  };
}
