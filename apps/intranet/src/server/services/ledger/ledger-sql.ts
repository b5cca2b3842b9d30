import type { LedgerRecord } from '@gongwen/core';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { ZLedgerQuery } from '~/lib/schemas/ledger';
import { type AppServices, db } from '~/server/app-types';
import { caseSearch } from '~/server/services/tasks/sql-helpers';
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

/** Someone in `ids` took part in case `c`: acted (or was acted for), or was asked to act. */
function involved(ids: readonly string[]): RawBuilder<unknown> {
  const arr = sql`${[...ids]}::text[]`;
  return sql`(EXISTS (SELECT 1 FROM ledger l WHERE l.case_id = c.id
      AND (l.actor_id = ANY(${arr}) OR l.on_behalf_of = ANY(${arr})))
    OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
      AND (t.candidates && ${arr} OR t.done_by = ANY(${arr}))))`;
}

/**
 * The WHERE clause of a ledger query on `cases c`: the unit and workflow, the filters, and
 * the viewer's visibility (the SQL form of `visibleIncomingFlow` / `visibleOutgoingFlow`:
 * a case is listed when the viewer sees someone's step in it; a classified 发文 only to
 * those who took part themselves).
 */
export function ledgerWhere(
  scope: ViewerScope,
  q: z.output<typeof ZLedgerQuery>,
): RawBuilder<unknown> {
  const f = [sql`c.unit_id = ${scope.unitId}`, sql`c.workflow = ${q.workflow}`];
  if (q.period?.from) f.push(sql`c.created_at >= ${q.period.from}`);
  if (q.period?.to) f.push(sql`c.created_at < ${q.period.to}`);
  if (q.state) f.push(sql`c.state = ${q.state}`);
  if (q.urgency) f.push(sql`c.fields->>'urgency' = ${q.urgency}`);
  if (q.secrecy) f.push(sql`c.fields->>'secrecy' = ${q.secrecy}`);
  if (q.search) f.push(caseSearch(q.search));
  if (q.departmentId) {
    const d = q.departmentId;
    const line = JSON.stringify([{ id: d }]);
    f.push(
      q.workflow === 'incoming'
        ? sql`(c.fields->'departments' @> ${line}::jsonb OR c.fields->'circulation' @> ${JSON.stringify([d])}::jsonb)`
        : sql`(c.fields->>'draftingDepartment' = ${d} OR c.fields->'countersignDepartments' @> ${line}::jsonb)`,
    );
  }
  if (!scope.all) {
    const downward = involved([...scope.visible]);
    f.push(
      q.workflow === 'outgoing'
        ? sql`((coalesce(c.fields->>'secrecy', '非密') = '非密' AND ${downward}) OR ${involved([scope.viewerId])})`
        : downward,
    );
  }
  return sql.join(f, sql` AND `);
}

function json(v: unknown): Record<string, unknown> {
  return (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
}

/** A page of cases matching `where`, newest first, with the total. */
export async function pageOfCases(
  app: AppServices,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<{ items: LedgerCaseRow[]; total: number }> {
  const kdb = db(app);
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      workflow: string;
      title: string;
      state: string;
      status: 'active' | 'done';
      fields: unknown;
      created_at: Date;
    }>`SELECT c.id, c.workflow, c.title, c.state, c.status, c.fields, c.created_at FROM cases c
      WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(
      kdb,
    ),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE ${where}`.execute(kdb),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    items: page.rows.map((r) => ({
      id: r.id,
      workflow: r.workflow,
      title: r.title,
      state: r.state,
      status: r.status,
      fields: json(r.fields),
      createdAt: new Date(r.created_at),
    })),
  };
}

/** The ledgers of several cases in one query, each in sequence order. */
export async function ledgersOf(
  app: AppServices,
  caseIds: readonly string[],
): Promise<Map<string, LedgerRecord[]>> {
  const out = new Map<string, LedgerRecord[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const { rows } = await sql<{
    case_id: string;
    seq: number;
    unit_id: string;
    at: Date;
    actor_id: string;
    on_behalf_of: string | null;
    event: string;
    from_state: string | null;
    to_state: string;
    opinion: string | null;
    fields: unknown;
    entry: string;
    prev_hash: string;
    hash: string;
  }>`SELECT * FROM ledger WHERE case_id = ANY(${[...caseIds]}::text[]) ORDER BY case_id, seq`.execute(
    db(app),
  );
  for (const r of rows) {
    out.get(r.case_id)?.push({
      caseId: r.case_id,
      seq: r.seq,
      unitId: r.unit_id,
      at: new Date(r.at),
      actorId: r.actor_id,
      onBehalfOf: r.on_behalf_of ?? null,
      event: r.event,
      fromState: r.from_state ?? null,
      toState: r.to_state,
      opinion: r.opinion ?? null,
      fields: json(r.fields),
      entry: r.entry,
      prevHash: r.prev_hash,
      hash: r.hash,
    });
  }
  return out;
}
