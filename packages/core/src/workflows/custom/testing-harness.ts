import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import { loadTestOrg } from '../shared/test-org.ts';
import type { FlowDefinitionInput } from './format.ts';
import { customWorkflowName, defineCustomWorkflow } from './workflow.ts';

/** An engine running custom flows on a store holding the demo-like test organisation (tests only). */
export async function customHarness(
  store: Store,
  flows: Array<{ definition: FlowDefinitionInput; version?: number }>,
  start = '2026-11-25T01:00:00Z',
) {
  await loadTestOrg(store.directory);
  const clock = manualClock(start);
  const workflows = flows.map((f) =>
    defineCustomWorkflow(f.definition, f.version ?? 1, { tasks: store }),
  );
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    workflows,
  });
  let n = 0;
  const cmd = () => `flow-cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    engine,
    workflows,
    start: (key: string, actorId: string, form: Record<string, unknown>, version?: number) =>
      engine.start({
        workflow: customWorkflowName(key),
        actorId,
        commandId: cmd(),
        input: { form },
        ...(version === undefined ? {} : { version }),
      }),
    send: (caseId: string, actorId: string, event: { type: string; [k: string]: unknown }) =>
      engine.send({ caseId, actorId, commandId: cmd(), event }),
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
    holders: async (caseId: string) =>
      (await engine.case(caseId)).assignments
        .filter((a) => a.kind === 'act')
        .flatMap((a) => a.candidates)
        .sort(),
  };
}
