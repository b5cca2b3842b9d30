import { describeCaseListsConformance } from '../testing/case-lists-conformance.ts';
import { createMemoryCaseLists } from './memory-case-lists.ts';
import { createMemoryStore } from './memory-store.ts';

describeCaseListsConformance('memory', async () => {
  const store = createMemoryStore();
  return { store, lists: createMemoryCaseLists(store) };
});
