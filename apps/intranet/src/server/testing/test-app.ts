import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import type { ManualClock } from '@gongwen/core';
import { loadSampleOrg, manualClock, SAMPLE_ORG } from '@gongwen/core/testing';
import { contextForUserId } from '~/server/api/context';
import { createCaller } from '~/server/api/root';
import { createAppServices } from '~/server/app';
import { type AppServices, db } from '~/server/app-types';
import { hashPassword } from '~/server/services/accounts/password-hash';

/** The password of every sample-org account `createTestApp` creates. */
export const TEST_PASSWORD = 'Test1234pw';

/** Services on a throwaway database, with a clock that moves only when told to. */
export type TestApp = AppServices & { clock: ManualClock };

/**
 * Services on PGlite `memory://`, a temporary blob folder and a manual clock (Wednesday
 * 2026-11-25 09:00 Beijing), with the SDK's sample organisation (示例县人民政府: zhang, li,
 * wang, zhou, zhao, qian, sun, gao (admin), an inactive `retired`, and `outsider` of
 * another unit) and an account per user (username = user id, password TEST_PASSWORD).
 * PGlite takes seconds to boot: share one per test file (beforeAll / afterAll → close()).
 */
export async function createTestApp(
  opts: { accounts?: boolean; now?: string; sealDir?: string } = {},
): Promise<TestApp> {
  const blobDir = await mkdtemp(join(tmpdir(), 'gongwen-intranet-test-'));
  const store = await createPgliteStore({ dataDir: 'memory://' });
  const clock = manualClock(opts.now ?? '2026-11-25T01:00:00Z');
  const app = await createAppServices({
    store,
    blobDir,
    clock,
    ...(opts.sealDir !== undefined && { sealDir: opts.sealDir }),
  });
  await loadSampleOrg(store.directory);
  if (opts.accounts !== false) {
    const hash = await hashPassword(TEST_PASSWORD);
    await db(app)
      .insertInto('app_accounts')
      .values(
        SAMPLE_ORG.users.map((u) => ({
          user_id: u.id,
          username: u.id,
          password_hash: hash,
          created_at: clock.now(),
        })),
      )
      .execute();
  }
  const close = app.close;
  return Object.assign(app, {
    clock,
    async close() {
      await close();
      await rm(blobDir, { recursive: true, force: true });
    },
  });
}

/** An appRouter caller acting as `userId` (null = signed out), resolved fresh on every call. */
export function callerFor(app: AppServices, userId: string | null) {
  return createCaller(() => contextForUserId(app, userId));
}
