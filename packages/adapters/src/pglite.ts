import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Store } from '@gongwen/core';
import { Kysely } from 'kysely';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
import { importDriver } from './optional-driver.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

/** Options of `createPgliteStore`. */
export interface PgliteStoreOptions {
  /** A data directory (created with its parents if missing), or `memory://` for a throwaway database. */
  dataDir: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

/** An embedded store: PostgreSQL in WebAssembly in a local folder, nothing to install. */
export async function createPgliteStore(
  options: PgliteStoreOptions,
): Promise<Store & { kysely: Kysely<Database> }> {
  // PGlite creates its own folder but not missing parents; `memory://`, `idb://` … are not paths.
  if (!/^[a-z]+:\/\//.test(options.dataDir)) await mkdir(options.dataDir, { recursive: true });
  // @electric-sql/pglite is an optional peer dependency, loaded only here.
  const driver = await importDriver(
    '@electric-sql/pglite',
    '@gongwen/adapters/pglite',
    () => import('@electric-sql/pglite'),
  );
  const pg: PGlite = await driver.PGlite.create(options.dataDir);
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pg) });
  if (options.migrate !== false) await migrateToLatest(kysely as Kysely<unknown>);
  return Object.assign(createKyselyStore(kysely), { kysely });
}

export { PGliteDialect } from './pglite-dialect.ts';
