import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-serials.ts';
import * as m0003 from './migrations/0003-apply-transition.ts';
import * as m0004 from './migrations/0004-task-candidates-index.ts';
import * as m0005 from './migrations/0005-room-bookings.ts';
import * as m0006 from './migrations/0006-case-lists.ts';
import * as m0007 from './migrations/0007-outbox-task.ts';
import * as m0008 from './migrations/0008-flow-definitions.ts';
import * as m0009 from './migrations/0009-start-through-apply-transition.ts';

/** Every migration of the Gongwen schema, in order. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-serials': m0002,
  '0003-apply-transition': m0003,
  '0004-task-candidates-index': m0004,
  '0005-room-bookings': m0005,
  '0006-case-lists': m0006,
  '0007-outbox-task': m0007,
  '0008-flow-definitions': m0008,
  '0009-start-through-apply-transition': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'gongwen_migrations',
    migrationLockTableName: 'gongwen_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
