import type {
  BlobStore,
  Clock,
  Directory,
  RoomBookings,
  Store,
  WorkflowEngine,
  WorkingCalendar,
} from '@gongwen/core';
import type { Kysely } from 'kysely';
import type { AppDb } from '~/server/db/schema';
import type { IntranetSealer } from '~/server/services/outgoing/seal/create-sealer';

// The leaf of the intranet's server code: the type every service receives and its typed
// database view. It imports no service, so services import it without a circle; `app.ts`
// (the composition root) builds the value.

/** A Kysely-backed store (PGlite or PostgreSQL): the engine's and the app's tables. */
// biome-ignore lint/suspicious/noExplicitAny: the engine's and the app's tables; see `db(app)` for the typed view.
export type AppStore = Store & { kysely: Kysely<any> };

/** Everything a request handler needs: the engine and the ports it runs on. */
export interface AppServices {
  store: AppStore;
  engine: WorkflowEngine;
  directory: Directory;
  blobs: BlobStore;
  clock: Clock;
  calendar: WorkingCalendar;
  /** 会议室 and their bookings (the database refuses double booking). */
  roomBookings: RoomBookings;
  /** The units' seals (盖章, verification); one per app, so that the PIN lockout holds. */
  sealer: IntranetSealer;
  /** Stops the workers started on these services (if any) and closes the store. */
  close(): Promise<void>;
}

/** The typed Kysely view of the engine's and the intranet's tables. */
export function db(app: Pick<AppServices, 'store'>): AppDb {
  return app.store.kysely as AppDb;
}
