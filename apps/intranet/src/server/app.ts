import { resolve } from 'node:path';
import { createRoomBookings } from '@gongwen/adapters';
import { createFsBlobStore } from '@gongwen/adapters/fs-blob-store';
import {
  type Clock,
  createChineseCalendar,
  createIncomingWorkflow,
  createMeetingWorkflow,
  createMonthlyReportWorkflow,
  createOutgoingWorkflow,
  createReportWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  type RoomBookings,
  systemClock,
  type WorkflowDefinition,
  type WorkingCalendar,
} from '@gongwen/core';
import type { Kysely } from 'kysely';
import { getEnv } from '~/env';
import { type AppServices, type AppStore, db } from '~/server/app-types';
import { migrateApp } from '~/server/db/migrate';
import { offsetFileClock } from '~/server/offset-clock';
import { startLdapSync } from '~/server/services/admin/ldap-sync-schedule';
import { startAuditVerifier } from '~/server/services/audit/daily-check';
import { inAppNotifier } from '~/server/services/notifications/in-app-notifier';
import {
  createIntranetSealer,
  sealDirFromEnv,
} from '~/server/services/outgoing/seal/create-sealer';

// The composition root: builds the services from their ports and starts the workers. Types
// live in `app-types.ts`; first start and the demo data run from `scripts/first-start.ts`.
// No `import 'server-only'` here: scripts and Vitest import this module directly. Modules
// only Next imports (trpc.ts, auth.ts, trpc/server.ts) carry the guard.

/** Options of `createAppServices`. */
export interface AppServicesOptions {
  store: AppStore;
  /** Folder of document bodies and attachments. */
  blobDir: string;
  /** Default: the wall clock. */
  clock?: Clock;
  /** Folder of the units' seals. Default: the environment's (`sealDirFromEnv()`). */
  sealDir?: string;
}

/** The workflows the intranet runs: one line per workflow. */
function workflowsFor(
  calendar: WorkingCalendar,
  roomBookings: RoomBookings,
): readonly WorkflowDefinition[] {
  return [
    createIncomingWorkflow({ calendar }),
    createOutgoingWorkflow({ calendar }),
    createMeetingWorkflow({ calendar, roomBookings }),
    createReportWorkflow(),
    createMonthlyReportWorkflow(),
  ];
}

/** Wires the engine on a store, runs the intranet's own migrations. Starts no workers. */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const { store } = opts;
  await migrateApp(store.kysely as Kysely<unknown>);
  const clock = opts.clock ?? systemClock;
  const calendar = createChineseCalendar();
  const directory = createStoreDirectory(store.directory);
  const roomBookings = createRoomBookings(store.kysely);
  const engine = createWorkflowEngine({
    store,
    directory,
    clock,
    calendar,
    workflows: workflowsFor(calendar, roomBookings),
  });
  return {
    store,
    engine,
    directory,
    blobs: createFsBlobStore({ dir: opts.blobDir }),
    clock,
    calendar,
    roomBookings,
    sealer: createIntranetSealer({
      dir: opts.sealDir ?? sealDirFromEnv(),
      directory,
      clock,
      db: db({ store }),
    }),
    close: once(() => store.close()),
  };
}

/**
 * Starts the timer worker (催办, deadlines), the notification worker, the daily audit check and
 * the scheduled LDAP import on `app`; returns the function that stops them all.
 */
export function startWorkers(app: AppServices): () => Promise<void> {
  const onError = (e: unknown) => console.error('[gongwen] worker error', e);
  const timers = app.engine.startTimerWorker({ workerId: `timers-${process.pid}`, onError });
  const outbox = app.engine.startNotificationWorker({
    notifier: inAppNotifier(app),
    workerId: `outbox-${process.pid}`,
    onError,
  });
  // 审计日志 integrity: the daily check of the hash chain (its result is written to the log).
  const auditCheck = startAuditVerifier(app, { onError });
  // LDAP/AD: the scheduled import when LDAP_SYNC_INTERVAL_MINUTES is set.
  const ldapSync = startLdapSync(app, onError);
  return async () => {
    await timers.stop();
    await outbox.stop();
    await auditCheck();
    await ldapSync?.();
  };
}

/** Opens the store the environment names: PostgreSQL when DATABASE_URL is set, else PGlite. */
export async function openStoreFromEnv(): Promise<AppStore> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const { createPostgresStore } = await import('@gongwen/adapters/postgres');
    return createPostgresStore({ connectionString: env.DATABASE_URL });
  }
  const { createPgliteStore } = await import('@gongwen/adapters/pglite');
  const dataDir = env.GONGWEN_DATA_DIR.startsWith('memory://')
    ? env.GONGWEN_DATA_DIR
    : resolve(env.GONGWEN_DATA_DIR);
  return createPgliteStore({ dataDir });
}

/** Builds the services from the environment (no workers); for scripts and `getApp`. */
export async function createAppServicesFromEnv(): Promise<AppServices> {
  const store = await openStoreFromEnv();
  const env = getEnv();
  return createAppServices({
    store,
    blobDir: resolve(env.GONGWEN_BLOB_DIR),
    ...(env.GONGWEN_CLOCK_OFFSET_FILE
      ? { clock: offsetFileClock(resolve(env.GONGWEN_CLOCK_OFFSET_FILE)) }
      : {}),
  });
}

const globalForApp = globalThis as typeof globalThis & {
  __gongwenApp?: Promise<AppServices>;
};

/**
 * The process-wide services, built once from the environment, with the workers running; its
 * `close()` stops them before closing the store. Kept on `globalThis` so that dev-mode reloads
 * reuse it. The first start (migrations aside: demo data or the first administrator) is not
 * done here: `scripts/first-start.ts` runs before `next start` and `next dev`.
 */
export function getApp(): Promise<AppServices> {
  globalForApp.__gongwenApp ??= (async () => {
    const services = await createAppServicesFromEnv();
    const stopWorkers = startWorkers(services);
    const app: AppServices = {
      ...services,
      close: once(async () => {
        await stopWorkers();
        await services.close();
      }),
    };
    const shutdown = () => {
      void app.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    return app;
  })().catch((e: unknown) => {
    globalForApp.__gongwenApp = undefined;
    throw e;
  });
  return globalForApp.__gongwenApp;
}

/** `run` at most once: later calls get the first call's promise. */
function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= run();
    return done;
  };
}
