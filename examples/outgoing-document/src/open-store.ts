import { createPgliteStore } from '@gongwen/adapters/pglite';
import { createPostgresStore } from '@gongwen/adapters/postgres';
import type { Store } from '@gongwen/core';

/** An open store and a line saying where it keeps its data. */
export interface OpenedStore {
  store: Store;
  where: string;
}

/** A connection string without its password, for printing. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * PostgreSQL when `DATABASE_URL` (or `GONGWEN_PG_URL`) is set, otherwise embedded PGlite in
 * `pgliteDir` (`memory://` for a throwaway database). Migrations run on open.
 */
export async function openStore(
  pgliteDir: string,
  env: Record<string, string | undefined> = process.env,
): Promise<OpenedStore> {
  const url = env.DATABASE_URL ?? env.GONGWEN_PG_URL;
  if (url) {
    return {
      store: await createPostgresStore({ connectionString: url }),
      where: `PostgreSQL ${redact(url)}`,
    };
  }
  return { store: await createPgliteStore({ dataDir: pgliteDir }), where: `PGlite ${pgliteDir}` };
}
