import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from './postgres.ts';
import { createTestDatabase } from './testing/test-databases.ts';

const ADMIN_URL = process.env.GONGWEN_PG_URL;

/** Ends every other connection to the database, as DROP DATABASE … WITH (FORCE) or an administrator would. */
async function terminateConnections(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const r = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.runIf(ADMIN_URL)("the PostgreSQL store's own pool", () => {
  it('survives an idle connection ended by the server and reports it', async () => {
    const url = await createTestDatabase('pool_idle');
    const database = new URL(url).pathname.slice(1);
    const failures: string[] = [];
    const store = await createPostgresStore({
      connectionString: url,
      max: 3,
      onIdleError: (e) => failures.push((e as Error & { code?: string }).code ?? e.message),
    });
    try {
      await store.directory.listDepartments('u1'); // leaves an idle connection in the pool
      expect(await terminateConnections(database)).toBeGreaterThan(0);
      await expect.poll(() => failures).toContain('57P01'); // admin_shutdown
      // the pool opens a new connection for the next query
      await expect(store.directory.listDepartments('u1')).resolves.toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('has closed every connection when close() resolves, so the database drops at once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const url = await createTestDatabase('pool_close');
      const database = new URL(url).pathname.slice(1);
      const failures: Error[] = [];
      const store = await createPostgresStore({
        connectionString: url,
        max: 4,
        onIdleError: (e) => failures.push(e),
      });
      await Promise.all([1, 2, 3, 4].map(() => store.directory.listDepartments('u1')));
      await store.close();
      // nothing of ours is left for DROP … WITH (FORCE) to end
      expect(await terminateConnections(database)).toBe(0);
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${database}`);
      await admin.end();
      expect(failures).toEqual([]);
    }
  });
});
