import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@gongwen/adapters/testing';
import type { ManualClock } from '@gongwen/core';
import { loadSampleOrg, manualClock } from '@gongwen/core/testing';
import { createAppServices } from '~/server/app';
import type { AppServices } from '~/server/app-types';

// Test helper (not a test): an app on PGlite or on a fresh PostgreSQL database.

export { createTestDatabase, DIALECTS } from '@gongwen/adapters/testing';

/** An app on one dialect, with where its data lives. */
export interface DialectApp {
  app: AppServices & { clock: ManualClock };
  dialect: 'pglite' | 'postgres';
  /** PostgreSQL URL, or null on PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder (a real folder, so it can be backed up), or null on PostgreSQL. */
  dataDir: string | null;
  blobDir: string;
  /** A temporary folder for the test's own files. */
  root: string;
  close(): Promise<void>;
}

/**
 * Opens the intranet's services on `dialect` with the SDK's sample organisation: PGlite in a
 * temporary folder, or a new PostgreSQL database; a temporary blob folder; a manual clock.
 */
export async function openDialectApp(
  dialect: 'pglite' | 'postgres',
  opts: { now?: string; org?: boolean } = {},
): Promise<DialectApp> {
  const root = await mkdtemp(join(tmpdir(), `gongwen-${dialect}-`));
  const blobDir = join(root, 'blobs');
  let dataDir: string | null = null;
  let databaseUrl: string | null = null;
  let store: Parameters<typeof createAppServices>[0]['store'];
  if (dialect === 'pglite') {
    const { createPgliteStore } = await import('@gongwen/adapters/pglite');
    dataDir = join(root, 'pglite');
    store = await createPgliteStore({ dataDir });
  } else {
    const { createPostgresStore } = await import('@gongwen/adapters/postgres');
    databaseUrl = await createTestDatabase('gw_intranet');
    store = await createPostgresStore({ connectionString: databaseUrl, max: 10 });
  }
  const clock = manualClock(opts.now ?? '2026-11-25T01:00:00Z');
  const app = (await createAppServices({ store, blobDir, clock })) as AppServices & {
    clock: ManualClock;
  };
  if (opts.org !== false) await loadSampleOrg(store.directory);
  return {
    app,
    dialect,
    databaseUrl,
    dataDir,
    blobDir,
    root,
    async close() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
