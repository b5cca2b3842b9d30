import { describeFlowDefinitionStoreConformance } from '../testing/flow-definition-store-conformance.ts';
import { createMemoryFlowDefinitionStore } from './memory-flow-definition-store.ts';

describeFlowDefinitionStoreConformance('memory', async () => createMemoryFlowDefinitionStore());
