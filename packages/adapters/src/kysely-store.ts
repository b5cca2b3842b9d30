import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '@gongwen/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Db, type Row, storeConnections } from './kysely-connection.ts';
import { kyselyDirectory } from './kysely-directory.ts';
import { kyselyLists } from './kysely-lists.ts';
import { kyselyStoreTx } from './kysely-store-tx.ts';
import { toCase, toLedger, toOutbox, toTask, toTimer } from './rows.ts';
import type { Database } from './schema.ts';

export { storeConnections } from './kysely-connection.ts';

/** Options of `createKyselyStore`. */
export interface KyselyStoreOptions {
  /** Called by `close()` after the store stops (e.g. to end a pool or close PGlite). */
  onClose?: () => Promise<void>;
}

/**
 * A `Store` on any Kysely PostgreSQL dialect (pg, PGlite). Every step — the start of a case
 * included — is one call of the PL/pgSQL function `gongwen_apply_transition` inside the
 * transaction, after one row-locking read, so a step costs four round trips: BEGIN, lock,
 * write, COMMIT. The transaction's writes are in `kysely-store-tx.ts`, the organisation in
 * `kysely-directory.ts`, the lists in `kysely-lists.ts`.
 */
export function createKyselyStore(db: Kysely<Database>, options: KyselyStoreOptions = {}): Store {
  /** Directory reads made inside a transaction use its connection (no second connection, no deadlock). */
  const current = new AsyncLocalStorage<Transaction<Database>>();
  const conn = (): Db => current.getStore() ?? db;
  storeConnections.set(db, conn);

  return {
    directory: kyselyDirectory(conn),

    transaction: (fn) =>
      db.transaction().execute((trx) => current.run(trx, () => fn(kyselyStoreTx(trx)))),

    async currentSerial(unitId, scope) {
      const { rows } = await sql<{ value: number }>`SELECT value FROM serials
        WHERE unit_id = ${unitId} AND scope = ${scope}`.execute(conn());
      return rows[0]?.value ?? 0;
    },

    async getCase(id) {
      const { rows } = await sql<Row>`SELECT * FROM cases WHERE id = ${id}`.execute(conn());
      return rows[0] ? toCase(rows[0]) : null;
    },

    async getCommand(id) {
      const { rows } =
        await sql<Row>`SELECT id, case_id, result FROM commands WHERE id = ${id}`.execute(conn());
      const r = rows[0];
      return r ? { id: r.id as string, caseId: r.case_id as string, result: r.result } : null;
    },

    async listLedger(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM ledger WHERE case_id = ${caseId} ORDER BY seq`.execute(conn());
      return rows.map(toLedger);
    },

    async listTasks(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM tasks WHERE case_id = ${caseId} ORDER BY created_at, id`.execute(
          conn(),
        );
      return rows.map(toTask);
    },

    ...kyselyLists(conn),

    async markTaskOpened(taskId, at) {
      await sql`UPDATE tasks SET opened_at = ${at} WHERE id = ${taskId} AND opened_at IS NULL`.execute(
        conn(),
      );
    },

    async claimDueTimers(now, limit, workerId, leaseUntil) {
      const { rows } = await sql<Row>`
        UPDATE timers t SET claimed_by = ${workerId}, lease_until = ${leaseUntil}
        FROM (SELECT case_id, send_id FROM timers
              WHERE due_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
              ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) d
        WHERE t.case_id = d.case_id AND t.send_id = d.send_id
        RETURNING t.*`.execute(conn());
      return rows
        .map((r) => ({ ...toTimer(r), claimedBy: r.claimed_by as string }))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    },

    async nextTimerDue(now) {
      const { rows } = await sql<{ due_at: Date }>`SELECT due_at FROM timers
        WHERE lease_until IS NULL OR lease_until < ${now} ORDER BY due_at LIMIT 1`.execute(conn());
      return rows[0] ? new Date(rows[0].due_at) : null;
    },

    async listTimers(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM timers WHERE case_id = ${caseId} ORDER BY due_at, send_id`.execute(
          conn(),
        );
      return rows.map(toTimer);
    },

    async claimOutbox(now, limit, workerId, leaseUntil) {
      const { rows } = await sql<Row>`
        UPDATE outbox o SET claimed_by = ${workerId}, lease_until = ${leaseUntil}
        FROM (SELECT id FROM outbox WHERE sent_at IS NULL AND (lease_until IS NULL OR lease_until < ${now})
              ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) d
        WHERE o.id = d.id RETURNING o.*`.execute(conn());
      return rows.map(toOutbox).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    async markOutboxSent(ids, at) {
      if (ids.length === 0) return;
      await sql`UPDATE outbox SET sent_at = ${at} WHERE id = ANY(${[...ids]}::text[])`.execute(
        conn(),
      );
    },

    async close() {
      await db.destroy();
      await options.onClose?.();
    },
  };
}
