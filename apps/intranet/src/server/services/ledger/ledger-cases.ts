import type { CaseAccess, CaseListQuery, LedgerRecord } from '@gongwen/core';
import type { z } from 'zod';
import type { ZLedgerQuery } from '~/lib/schemas/ledger';
import type { AppServices } from '~/server/app-types';
import { caseListsOf, titleOrDocNumber } from '~/server/services/tasks/case-lists';
import type { ViewerScope } from './viewer-scope';

/** The columns of a case the ledger reads (never the snapshot). */
export interface LedgerCaseRow {
  id: string;
  workflow: string;
  title: string;
  state: string;
  status: 'active' | 'done';
  fields: Record<string, unknown>;
  createdAt: Date;
}

/** A ledger's query for the `CaseLists` port, without the page. */
export type LedgerCasesQuery = Omit<CaseListQuery, 'limit' | 'offset' | 'cursor'>;

/** The 承办/传阅 department (收文) or the 拟稿/会签 department (发文) of a case is `d`. */
function departmentMatch(workflow: z.output<typeof ZLedgerQuery>['workflow'], d: string) {
  const anyOf: CaseAccess[] =
    workflow === 'incoming'
      ? [
          { fieldValues: ['departments', 'id'], has: [d] },
          { fieldValues: ['circulation'], has: [d] },
        ]
      : [
          { field: 'draftingDepartment', in: [d] },
          { fieldValues: ['countersignDepartments', 'id'], has: [d] },
        ];
  return { anyOf };
}

/**
 * The cases of a ledger: the unit and workflow, the filters, and the viewer's visibility (the
 * port's form of `visibleIncomingFlow` / `visibleOutgoingFlow`: a case is listed when the
 * viewer sees someone's step in it; a classified 发文 only to those who took part themselves).
 */
export function ledgerQuery(
  scope: ViewerScope,
  q: z.output<typeof ZLedgerQuery>,
): LedgerCasesQuery {
  const fields: Record<string, string> = {};
  if (q.urgency) fields.urgency = q.urgency;
  if (q.secrecy) fields.secrecy = q.secrecy;
  const downward: CaseAccess = { participants: [...scope.visible] };
  const access: CaseAccess | undefined = scope.all
    ? undefined
    : q.workflow === 'outgoing'
      ? {
          anyOf: [
            { allOf: [{ field: 'secrecy', in: ['非密', null] }, downward] },
            { participants: [scope.viewerId] },
          ],
        }
      : downward;
  return {
    unitId: scope.unitId,
    workflow: q.workflow,
    ...(q.period ? { period: q.period } : {}),
    ...(q.state ? { states: [q.state] } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...titleOrDocNumber(q.search),
    ...(q.departmentId ? { match: departmentMatch(q.workflow, q.departmentId) } : {}),
    ...(access ? { access } : {}),
  };
}

/** Rows per read of the port (its largest page). */
const READ = 500;

/** `limit` cases of the query from `offset` on, newest first, with the total. */
export async function pageOfCases(
  app: AppServices,
  query: LedgerCasesQuery,
  limit: number,
  offset: number,
): Promise<{ items: LedgerCaseRow[]; total: number }> {
  const lists = caseListsOf(app);
  const items: LedgerCaseRow[] = [];
  let total = 0;
  let cursor: string | null = null;
  do {
    const page = await lists.cases({
      ...query,
      columns: 'header',
      limit: Math.min(READ, limit - items.length),
      ...(cursor ? { cursor } : { offset }),
    });
    total = page.total;
    for (const c of page.items)
      items.push({
        id: c.id,
        workflow: c.workflow,
        title: c.title,
        state: c.state,
        status: c.status,
        fields: c.fields,
        createdAt: c.createdAt,
      });
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < limit);
  return { items, total };
}

/** The ledgers of several cases in one read, each in sequence order. */
export function ledgersOf(
  app: AppServices,
  caseIds: readonly string[],
): Promise<Map<string, LedgerRecord[]>> {
  return caseListsOf(app).ledgersOf(caseIds);
}
