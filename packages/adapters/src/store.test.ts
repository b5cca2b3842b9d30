import { createStoreDirectory } from '@gongwen/core';
import {
  describeDirectoryConformance,
  describeEngineConformance,
  describeStoreConformance,
  loadSampleOrg,
  SAMPLE_DELEGATIONS,
} from '@gongwen/core/testing';
import { afterAll } from 'vitest';
import { DIALECTS, sharedStores } from './testing/test-databases.ts';

const stores = sharedStores();
// The engine suite gets a database of its own: the store suite leaves hand-made cases behind.
const engineStores = sharedStores();
afterAll(() => Promise.all([stores.closeAll(), engineStores.closeAll()]), 60_000);

for (const dialect of DIALECTS) {
  describeStoreConformance(dialect, () => stores.get(dialect), { timeout: 60_000 });
  describeDirectoryConformance(`store directory on ${dialect}`, async () => {
    const store = await stores.get(dialect);
    await loadSampleOrg(store.directory, SAMPLE_DELEGATIONS);
    return createStoreDirectory(store.directory);
  });
  describeEngineConformance(dialect, () => engineStores.get(dialect), { timeout: 60_000 });
}
