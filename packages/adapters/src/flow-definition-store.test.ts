import { describeFlowDefinitionStoreConformance } from '@gongwen/core/testing';
import { afterAll } from 'vitest';
import { createKyselyFlowDefinitionStore } from './flow-definition-store.ts';
import { DIALECTS, sharedStores } from './testing/test-databases.ts';

const stores = sharedStores();
afterAll(() => stores.closeAll(), 60_000);

for (const dialect of DIALECTS) {
  describeFlowDefinitionStoreConformance(
    dialect,
    async () => {
      const store = (await stores.get(dialect)) as Awaited<ReturnType<typeof stores.get>> & {
        kysely: Parameters<typeof createKyselyFlowDefinitionStore>[0];
      };
      return createKyselyFlowDefinitionStore(store.kysely);
    },
    { timeout: 180_000 },
  );
}
