import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createRoomBookings } from '@gongwen/adapters';
import { createFsBlobStore } from '@gongwen/adapters/fs-blob-store';
import {
  type BlobStore,
  type Clock,
  createChineseCalendar,
  createIncomingWorkflow,
  createMeetingWorkflow,
  createOutgoingWorkflow,
  createReportWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  type Directory,
  type Notifier,
  type RoomBookings,
  type Store,
  systemClock,
  type WorkflowDefinition,
  type WorkflowEngine,
  type WorkingCalendar,
} from '@gongwen/core';
import type { Kysely } from 'kysely';
import { getEnv } from '~/env';
import { migrateApp } from '~/server/db/migrate';
import type { AppDb } from '~/server/db/schema';
import { offsetFileClock } from '~/server/offset-clock';
import { startLdapSync } from '~/server/services/admin/ldap-sync';
import { startAuditVerifier } from '~/server/services/audit/daily-check';
import { bindRoomBookings } from '~/server/services/meeting/room-bookings-of';

// No `import 'server-only'` here: scripts (first start, seeding) and Vitest import this module
// directly. Modules only Next imports (trpc.ts, auth.ts, trpc/server.ts) carry the guard.

/** Everything a request handler needs: the engine and the ports it runs on. */
export interface AppServices {
  // biome-ignore lint/suspicious/noExplicitAny: the engine's and the app's tables; see `db(app)` for the typed view.
  store: Store & { kysely: Kysely<any> };
  engine: WorkflowEngine;
  directory: Directory;
  blobs: BlobStore;
  clock: Clock;
  calendar: WorkingCalendar;
  /** 会议室 and their bookings (the database refuses double booking). */
  roomBookings: RoomBookings;
  /** Stops the workers started by `getApp()` (if any) and closes the store. */
  close(): Promise<void>;
}

/** Options of `createAppServices`. */
export interface AppServicesOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely-backed store (PGlite or PostgreSQL).
  store: Store & { kysely: Kysely<any> };
  /** Folder of document bodies and attachments. */
  blobDir: string;
  /** Default: the wall clock. */
  clock?: Clock;
}

/**
 * The workflows the intranet runs. One line per workflow: add 发文, 会议, 报告审批 here.
 */
function workflowsFor(calendar: WorkingCalendar, roomBookings: RoomBookings): WorkflowDefinition[] {
  return [
    createIncomingWorkflow({ calendar }) as unknown as WorkflowDefinition,
    createOutgoingWorkflow({ calendar }) as unknown as WorkflowDefinition,
    bindRoomBookings(createMeetingWorkflow({ calendar, roomBookings }), roomBookings),
    createReportWorkflow() as unknown as WorkflowDefinition,
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
  const blobs = createFsBlobStore({ dir: opts.blobDir });
  const stoppers: Array<() => Promise<void>> = [];
  let closed: Promise<void> | null = null;
  const app: AppServices & { stoppers: typeof stoppers } = {
    store,
    engine,
    directory,
    blobs,
    clock,
    calendar,
    roomBookings,
    stoppers,
    close() {
      closed ??= (async () => {
        for (const stop of stoppers.splice(0)) await stop();
        await store.close();
      })();
      return closed;
    },
  };
  return app;
}

/** The typed Kysely view of the engine's and the intranet's tables. */
export function db(app: AppServices): AppDb {
  return app.store.kysely as AppDb;
}

/**
 * Delivers the engine's outbox into `app_notifications` (the bell in the header). SMS and mail
 * have no gateway in the reference deployment, so they land in the same in-app inbox, marked
 * with their channel, rather than disappearing — but each notice reaches a person once: the
 * SMS twin of an in-app notice, or a delivery the outbox retries, is skipped (the table's
 * `app_notifications_once` index: same person, case, text and time queued).
 */
export function inAppNotifier(app: AppServices): Notifier {
  return {
    async send(m) {
      const recipients = [...new Set(m.to)];
      if (recipients.length === 0) return;
      const at = m.createdAt ?? app.clock.now();
      await db(app)
        .insertInto('app_notifications')
        .values(
          recipients.map((userId) => ({
            id: randomUUID(),
            unit_id: m.unitId,
            user_id: userId,
            case_id: m.caseId ?? null,
            task_id: m.taskId ?? null,
            channel: m.channel,
            title: m.title,
            body: m.body,
            created_at: at,
            read_at: null,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

/** Starts the timer worker (催办, deadlines), the notification worker and the daily audit check on `app`. */
export function startWorkers(app: AppServices): void {
  const onError = (e: unknown) => console.error('[gongwen] worker error', e);
  const timers = app.engine.startTimerWorker({ workerId: `timers-${process.pid}`, onError });
  const outbox = app.engine.startNotificationWorker({
    notifier: inAppNotifier(app),
    workerId: `outbox-${process.pid}`,
    onError,
  });
  const stoppers = (app as AppServices & { stoppers?: Array<() => Promise<void>> }).stoppers;
  // 审计日志 integrity: the daily check of the hash chain (its result is written to the log).
  const auditCheck = startAuditVerifier(app, { onError });
  // LDAP/AD: the scheduled import when LDAP_SYNC_INTERVAL_MINUTES is set.
  const ldapSync = startLdapSync(app, onError);
  stoppers?.push(
    () => timers.stop(),
    () => outbox.stop(),
    auditCheck,
    ...(ldapSync ? [ldapSync] : []),
  );
}

/** Opens the store the environment names: PostgreSQL when DATABASE_URL is set, else PGlite. */
// biome-ignore lint/suspicious/noExplicitAny: see AppServices.store.
export async function openStoreFromEnv(): Promise<Store & { kysely: Kysely<any> }> {
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
 * The process-wide services, built once from the environment, with the timer and
 * notification workers running. Kept on `globalThis` so that dev-mode reloads reuse it.
 */
export function getApp(): Promise<AppServices> {
  globalForApp.__gongwenApp ??= (async () => {
    const app = await createAppServicesFromEnv();
    // `scripts/start.sh` runs the first-start step before `next start`; `next dev` on an empty
    // database gets it here (demo data or the first administrator), before the workers start.
    const { firstStart, printFirstStart } = await import('~/server/services/setup/first-start');
    printFirstStart(await firstStart(app, { demo: getEnv().GONGWEN_DEMO_SEED !== '0' }));
    startWorkers(app);
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
