export { createCaseLists } from './case-lists.ts';
export { createKyselyFlowDefinitionStore } from './flow-definition-store.ts';
export { createKyselyStore, type KyselyStoreOptions } from './kysely-store.ts';
export { MIGRATIONS, migrateToLatest } from './migrate.ts';
export { createRoomBookings, type RoomBookingsOptions } from './room-bookings.ts';
export type { Database } from './schema.ts';
