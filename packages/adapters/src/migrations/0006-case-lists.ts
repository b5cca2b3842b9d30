import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the `CaseLists` port (list pages):
 *
 * - `cases_unit_workflow_keyset (unit_id, workflow, created_at, id COLLATE "C")` replaces
 *   `cases_unit_workflow`: a page after a cursor is one index range in either direction
 *   (`(created_at, id) < (…)`), ties broken by id in code-point order.
 * - `tasks_candidates` (GIN) and `tasks_done_by`: the access predicate "people who took part"
 *   finds their cases from the people (`candidates && ids`, `done_by = ANY(ids)`); the ledger
 *   side already has `ledger_actor` and `ledger_on_behalf_of`.
 *
 * Header fields (`fields` jsonb: 紧急程度, 密级, 文种 …) get no index on purpose: those filters
 * run inside one unit's workflow along the keyset index, and an index on `fields` would be
 * rewritten by every transition of the hottest table (and end HOT updates of case rows).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX cases_unit_workflow_keyset ON cases (unit_id, workflow, created_at, id COLLATE "C");
    DROP INDEX cases_unit_workflow;
    CREATE INDEX tasks_candidates ON tasks USING gin (candidates);
    CREATE INDEX tasks_done_by ON tasks (done_by) WHERE done_by IS NOT NULL;
  `.execute(db);
}

/** Back to the indexes of `0001`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX tasks_done_by;
    DROP INDEX tasks_candidates;
    CREATE INDEX cases_unit_workflow ON cases (unit_id, workflow, created_at DESC);
    DROP INDEX cases_unit_workflow_keyset;
  `.execute(db);
}
