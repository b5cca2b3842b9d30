import type { Store } from '@gongwen/core';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
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
}

/** The production store: PostgreSQL through node-postgres. */
export async function createPostgresStore(
  options: PostgresStoreOptions,
): Promise<Store & { kysely: Kysely<Database>; pool: pg.Pool }> {
  if (!options.pool && !options.connectionString) {
    throw new TypeError('createPostgresStore: give a connectionString or a pool');
  }
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // Kysely ends its pool on destroy; a caller's pool is handed over without `end`.
  const borrowed = options.pool
    ? { connect: () => pool.connect(), end: async () => undefined }
    : pool;
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: borrowed }) });
  if (options.migrate !== false) await migrateToLatest(kysely as Kysely<unknown>);
  return Object.assign(createKyselyStore(kysely), { kysely, pool });
}
