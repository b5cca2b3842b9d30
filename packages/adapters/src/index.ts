export { createKyselyStore, type KyselyStoreOptions } from './kysely-store.ts';
export { MIGRATIONS, migrateToLatest } from './migrate.ts';
export type { Database } from './schema.ts';
