import type { Store } from '@gongwen/core';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
import { importDriver } from './optional-driver.ts';
import type { Database } from './schema.ts';

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /** A libpq connection string, e.g. postgres://user@host:5432/db. */
  connectionString?: string;
  /** An existing pool to use instead; the caller keeps it (`close()` leaves it open). */
  pool?: pg.Pool;
  /** Pool size when the store makes its own pool (default 10). */
  max?: number;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /**
   * Called when an idle connection of the store's own pool fails (the server restarted or
   * an administrator ended it); the pool drops that connection and opens a new one when
   * needed. Default: a warning on stderr. Not called once `close()` has begun.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * The store's own pool: an idle connection that fails does not crash the process, and
 * `end()` resolves only once every connection is closed, so a database can be dropped
 * right after `close()`. (pg's `Pool.end()` resolves before the sockets are closed.)
 */
function ownPool(
  Pool: typeof pg.Pool,
  options: PostgresStoreOptions,
): pg.Pool & { endFully(): Promise<void> } {
  const pool = new Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  let open = 0;
  let ending = false;
  let allClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    allClosed = resolve;
  });
  pool.on('connect', () => {
    open += 1;
  });
  pool.on('remove', () => {
    open -= 1;
    if (ending && open === 0) allClosed();
  });
  pool.on('error', (error) => {
    if (ending) return;
    if (options.onIdleError) options.onIdleError(error);
    else console.warn(`gongwen: an idle PostgreSQL connection failed: ${error.message}`);
  });
  return Object.assign(pool, {
    async endFully() {
      ending = true;
      await pool.end();
      if (open > 0) await closed;
    },
  });
}

/** The production store: PostgreSQL through node-postgres. */
export async function createPostgresStore(
  options: PostgresStoreOptions,
): Promise<Store & { kysely: Kysely<Database>; pool: pg.Pool }> {
  if (!options.pool && !options.connectionString) {
    throw new TypeError('createPostgresStore: give a connectionString or a pool');
  }
  // Kysely ends its pool on destroy; a caller's pool is handed over without `end`.
  let pool: pg.Pool;
  let handed: { connect: () => Promise<pg.PoolClient>; end: () => Promise<void> };
  if (options.pool) {
    const borrowed = options.pool;
    pool = borrowed;
    handed = { connect: () => borrowed.connect(), end: async () => undefined };
  } else {
    // pg is an optional peer dependency, loaded only when the store makes its own pool.
    const driver = await importDriver('pg', '@gongwen/adapters/postgres', () => import('pg'));
    const own = ownPool(driver.default.Pool, options);
    pool = own;
    handed = { connect: () => own.connect(), end: () => own.endFully() };
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: handed }) });
  if (options.migrate !== false) await migrateToLatest(kysely as Kysely<unknown>);
  return Object.assign(createKyselyStore(kysely), { kysely, pool });
}
