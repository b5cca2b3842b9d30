import type { Store } from '@gongwen/core';
import pg from 'pg';
import { createPgliteStore } from '../pglite.ts';
import { createPostgresStore } from '../postgres.ts';

/** The dialects a test file loops over: PGlite always, PostgreSQL when GONGWEN_PG_URL is set (required in CI). */
export const DIALECTS: Array<'pglite' | 'postgres'> = ['pglite'];
if (process.env.GONGWEN_PG_URL) DIALECTS.push('postgres');
else if (process.env.CI)
  throw new Error('CI must run the PostgreSQL tests: GONGWEN_PG_URL is not set');

/**
 * Creates an empty PostgreSQL database, named `<prefix>_<pid>_<time>_<random>`, on the server
 * `admin` names (default: GONGWEN_PG_URL) and returns its URL.
 */
export async function createTestDatabase(
  prefix = 'gw',
  admin = process.env.GONGWEN_PG_URL,
): Promise<string> {
  if (!admin) throw new Error('GONGWEN_PG_URL is not set');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a fresh, migrated store of the dialect (PGlite in memory, or a new PostgreSQL database). */
export async function openTestStore(dialect: 'pglite' | 'postgres', opts: { max?: number } = {}) {
  if (dialect === 'pglite') return createPgliteStore({ dataDir: 'memory://' });
  return createPostgresStore({ connectionString: await createTestDatabase(), max: opts.max ?? 20 });
}

/** Memoises one store per dialect for a test file and closes them in `afterAll`. */
export function sharedStores() {
  const opened = new Map<string, Promise<Store>>();
  return {
    get(dialect: 'pglite' | 'postgres'): Promise<Store> {
      let s = opened.get(dialect);
      if (!s) {
        s = openTestStore(dialect);
        opened.set(dialect, s);
      }
      return s;
    },
    async closeAll() {
      for (const s of opened.values()) await (await s).close();
      opened.clear();
    },
  };
}
