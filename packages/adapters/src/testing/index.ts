/**
 * `@gongwen/adapters/testing`: throwaway databases for tests of code built on the adapters —
 * a fresh PostgreSQL database on the server GONGWEN_PG_URL names, or an in-memory PGlite, already
 * migrated; and the list of dialects a test file should loop over.
 */
export { createTestDatabase, DIALECTS, openTestStore, sharedStores } from './test-databases.ts';
