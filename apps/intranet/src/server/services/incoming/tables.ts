import type { Kysely } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import type { AppDatabase, AppTables } from '~/server/db/schema';

/** The tables of migration 0002-blobs-handwriting (declared in `db/schema.ts`). */
export type BlobHandwritingTables = Pick<AppTables, 'app_blobs' | 'app_handwriting'>;

/** The typed Kysely view of the app's database (attachment and handwriting tables included). */
export function idb(app: AppServices): Kysely<AppDatabase> {
  return db(app);
}
