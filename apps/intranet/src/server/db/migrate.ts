import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-accounts-audit';
import * as m0002blobs from './migrations/0002-blobs-handwriting';
import * as m0003sessions from './migrations/0003-session-version';
import * as m0004notices from './migrations/0004-notification-task';
import * as m0005audit from './migrations/0005-audit-chain-ldap';

/**
 * The intranet's migrations, kept apart from the engine's (`gongwen_migrations`) in their own
 * table. Others add a file in ./migrations and one line here.
 */
export const APP_MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-audit': m0001,
  '0002-blobs-handwriting': m0002blobs,
  '0003-session-version': m0003sessions,
  '0004-notification-task': m0004notices,
  '0005-audit-chain-ldap': m0005audit,
};

/** Brings the intranet's tables to the latest schema (after the engine's migrations ran). */
export async function migrateApp(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => APP_MIGRATIONS },
    migrationTableName: 'app_migration',
    migrationLockTableName: 'app_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
