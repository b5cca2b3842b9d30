import type { FlowDefinitionStore, StoredFlowVersion } from '../../ports/flow-definition-store.ts';
import type { FlowDefinitionInput } from './format.ts';
import { parseFlowDefinition } from './validate.ts';
import {
  type CustomWorkflow,
  type CustomWorkflowOptions,
  defineCustomWorkflow,
} from './workflow.ts';

/**
 * Publishes a flow (发布): validates it (throws ValidationFailed naming each faulty node or edge)
 * and stores it as the next immutable version of its key in the unit.
 */
export async function publishFlowDefinition(
  store: FlowDefinitionStore,
  args: {
    unitId: string;
    definition: FlowDefinitionInput | unknown;
    actorId: string;
    at: Date;
    roles?: readonly string[];
  },
): Promise<StoredFlowVersion> {
  const definition = parseFlowDefinition(
    args.definition,
    args.roles === undefined ? {} : { roles: args.roles },
  );
  return store.publish({
    unitId: args.unitId,
    definition,
    publishedBy: args.actorId,
    publishedAt: args.at,
  });
}

/** Every published version of a unit compiled to workflow definitions, ready for `createWorkflowEngine`. */
export async function loadCustomWorkflows(
  store: FlowDefinitionStore,
  unitId: string,
  options: CustomWorkflowOptions = {},
): Promise<CustomWorkflow[]> {
  return (await store.all(unitId)).map((v) =>
    defineCustomWorkflow(v.definition, v.version, options),
  );
}
