import { randomUUID } from 'node:crypto';
import { createStoreDirectory, createWorkflowEngine, type Store } from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';
import type { Runner } from './runner.ts';
import { relayActor, relayWorkflow } from './workflow.ts';

/**
 * Durable transitions through the engine: each client owns one relay case and sends
 * APPROVE as the current assignee, one `engine.send` with a fresh commandId per step.
 */
export async function prepareEngine(
  name: string,
  store: Store,
  maxClients: number,
  queries?: () => number,
): Promise<Runner> {
  await loadSampleOrg(store.directory);
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    workflows: [relayWorkflow],
  });
  const cases: { id: string; steps: number }[] = [];
  for (let i = 0; i < maxClients; i++) {
    const r = await engine.start({
      workflow: relayWorkflow.name,
      actorId: relayActor(0),
      commandId: randomUUID(),
      input: { title: `基准办件 ${i + 1}` },
    });
    cases.push({ id: r.caseId, steps: 0 });
  }
  return {
    name,
    ...(queries ? { queries } : {}),
    op: async (client) => {
      const c = cases[client]!;
      await engine.send({
        caseId: c.id,
        actorId: relayActor(c.steps),
        commandId: randomUUID(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      c.steps++;
    },
    close: () => store.close(),
  };
}
