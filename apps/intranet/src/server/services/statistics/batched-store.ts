import type { CaseQuery, CaseRecord, Page, Store, TaskRecord } from '@gongwen/core';
import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { containing } from '~/server/services/tasks/sql-helpers';

const dateOrNull = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as Date);
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toTask(r: Record<string, unknown>): TaskRecord {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    caseId: r.case_id as string,
    workflow: r.workflow as string,
    key: r.key as string,
    kind: r.kind as TaskRecord['kind'],
    label: r.label as string,
    events: r.events as string[],
    candidates: r.candidates as string[],
    createdAt: new Date(r.created_at as Date),
    dueAt: dateOrNull(r.due_at),
    openedAt: dateOrNull(r.opened_at),
    doneAt: dateOrNull(r.done_at),
    doneBy: (r.done_by as string | null) ?? null,
    doneOnBehalfOf: (r.done_on_behalf_of as string | null) ?? null,
    doneEvent: (r.done_event as string | null) ?? null,
  };
}

function toCase(r: Record<string, unknown>): CaseRecord {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    workflow: r.workflow as string,
    workflowVersion: r.workflow_version as number,
    title: r.title as string,
    state: r.state as string,
    status: r.status as CaseRecord['status'],
    snapshot: null,
    fields: json(r.fields),
    rev: r.rev as number,
    startedBy: r.started_by as string,
    createdAt: new Date(r.created_at as Date),
    updatedAt: new Date(r.updated_at as Date),
    ledgerSeq: r.ledger_seq as number,
    ledgerHead: r.ledger_head as string,
    assignments: [],
  };
}

/** Ids per `= ANY(...)` query when fetching tasks. */
const CHUNK = 1000;

/**
 * A read-only view of the app's store for `incomingStatistics`, which pages through a
 * period's cases with `listCases` and then reads, case by case, when each 承办 department's
 * first `handle:<department>:` task arrived. Here the first page of a query reads every
 * matching case in one query (without the snapshot and open assignments, which statistics never
 * read: `snapshot` is null, `assignments` empty) and, in a few more, each department's first `handle:` task of those cases; later
 * pages and `listTasks` answer from that batch in the store's own order (cases newest first,
 * tasks by created_at, id). `listTasks` of a batched case returns only those tasks, so use
 * this view for statistics only (statistics.test.ts checks it gives the plain store's
 * numbers). With 10,000 cases this replaces thousands of round trips by a handful of queries.
 */
export function batchedStatisticsStore(app: AppServices): Store {
  const store = app.store;
  const tasks = new Map<string, TaskRecord[]>();
  const results = new Map<string, CaseRecord[]>();

  async function load(q: CaseQuery): Promise<CaseRecord[]> {
    const f = [sql`unit_id = ${q.unitId}`];
    if (q.workflow !== undefined) f.push(sql`workflow = ${q.workflow}`);
    if (q.status !== undefined) f.push(sql`status = ${q.status}`);
    if (q.createdFrom !== undefined) f.push(sql`created_at >= ${q.createdFrom}`);
    if (q.createdTo !== undefined) f.push(sql`created_at < ${q.createdTo}`);
    if (q.search) f.push(sql`title LIKE ${containing(q.search)}`);
    const { rows } = await sql<Record<string, unknown>>`SELECT id, unit_id, workflow,
        workflow_version, title, state, status, fields, rev, started_by, created_at, updated_at,
        ledger_seq, ledger_head
      FROM cases WHERE ${sql.join(f, sql` AND `)} ORDER BY created_at DESC, id DESC`.execute(
      db(app),
    );
    const cases = rows.map(toCase);
    // Only cases with 承办 departments have tasks statistics read, and of those only the
    // first `handle:<department>:…` task of each department (when the case reached it).
    const withDepartments = cases
      .filter((c) => Array.isArray(c.fields.departments) && c.fields.departments.length > 0)
      .map((c) => c.id);
    for (let i = 0; i < withDepartments.length; i += CHUNK) {
      const ids = withDepartments.slice(i, i + CHUNK);
      for (const id of ids) tasks.set(id, []);
      const t = await sql<Record<string, unknown>>`SELECT * FROM (
          SELECT DISTINCT ON (case_id, split_part(key, ':', 2)) * FROM tasks
          WHERE case_id = ANY(${ids}::text[]) AND key LIKE 'handle:%'
          ORDER BY case_id, split_part(key, ':', 2), created_at, id) first
        ORDER BY created_at, id`.execute(db(app));
      for (const r of t.rows) tasks.get(r.case_id as string)?.push(toTask(r));
    }
    return cases;
  }

  const batched: Pick<Store, 'listCases' | 'listTasks'> = {
    async listCases(query): Promise<Page<CaseRecord>> {
      const { limit, offset, ...rest } = query;
      const key = JSON.stringify(rest);
      let all = results.get(key);
      if (!all || offset === 0) {
        all = await load(query);
        results.set(key, all);
      }
      return { items: all.slice(offset, offset + limit), total: all.length };
    },
    async listTasks(caseId) {
      return tasks.get(caseId) ?? store.listTasks(caseId);
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listCases' || prop === 'listTasks') return batched[prop];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
