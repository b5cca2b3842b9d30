import { createMemoryStore } from '../memory/memory-store.ts';
import { describeEngineConformance } from '../testing/engine-conformance.ts';

describeEngineConformance('the memory store', async () => createMemoryStore());
