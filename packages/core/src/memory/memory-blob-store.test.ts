import { describeBlobStoreConformance } from '../testing/blob-store-conformance.ts';
import { createMemoryBlobStore } from './memory-blob-store.ts';

describeBlobStoreConformance('memory', async () => createMemoryBlobStore());
