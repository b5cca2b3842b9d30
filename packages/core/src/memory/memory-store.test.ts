import { createStoreDirectory } from '../directory/store-directory.ts';
import {
  describeDirectoryConformance,
  SAMPLE_DELEGATIONS,
} from '../testing/directory-conformance.ts';
import { loadSampleOrg } from '../testing/sample-org.ts';
import { describeStoreConformance } from '../testing/store-conformance.ts';
import { createMemoryStore } from './memory-store.ts';

describeStoreConformance('memory', async () => createMemoryStore());

describeDirectoryConformance('store directory on memory', async () => {
  const store = createMemoryStore();
  await loadSampleOrg(store.directory, SAMPLE_DELEGATIONS);
  return createStoreDirectory(store.directory);
});
