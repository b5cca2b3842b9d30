import { describeCaseListsConformance } from '@gongwen/core/testing';
import { afterAll } from 'vitest';
import { createCaseLists } from './case-lists.ts';
import { DIALECTS, sharedStores } from './testing/test-databases.ts';

const stores = sharedStores();
afterAll(() => stores.closeAll(), 60_000);

for (const dialect of DIALECTS) {
  describeCaseListsConformance(
    dialect,
    async () => {
      const store = (await stores.get(dialect)) as Awaited<ReturnType<typeof stores.get>> & {
        kysely: Parameters<typeof createCaseLists>[0];
      };
      return { store, lists: createCaseLists(store.kysely) };
    },
    { timeout: 60_000 },
  );
}
