import {
  createChineseCalendar,
  createIncomingWorkflow,
  createMemoryStore,
  createOutgoingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
} from '@gongwen/core';
import { expect, it } from 'vitest';
import { outgoingSeeder } from './outgoing-plan';
import { seedDemo } from './seed-demo';

const calendar = createChineseCalendar();
for (const now of Array.from({ length: 24 }, (_, i) =>
  new Date(Date.parse('2026-01-03T01:17:00Z') + i * 16.3 * 86_400_000 + i * 3_700_000).toISOString(),
)) {
  it(`seeds at ${now}`, async () => {
    const NOW = new Date(now);
    const store = createMemoryStore();
    const clock = { now: () => NOW };
    const engine = createWorkflowEngine({
      store,
      directory: createStoreDirectory(store.directory),
      clock,
      calendar,
      workflows: [createIncomingWorkflow({ calendar }), createOutgoingWorkflow({ calendar })],
    });
    const r = await seedDemo({ store, engine, clock, calendar }, { seeders: [outgoingSeeder()] });
    expect(r.cases).toBe(120);
    const { planDemoOutgoing } = await import('./outgoing-plan');
    const { demoSeederContext } = await import('./seed-demo');
    const plans = planDemoOutgoing(demoSeederContext('outgoing', NOW, calendar));
    const page = await store.listCases({ unitId: 'shixian', workflow: 'outgoing', limit: 200, offset: 0 });
    const byId = new Map(plans.map((p) => [p.caseId, p.expectedState]));
    for (const c of page.items) expect(c.state).toBe(byId.get(c.id));
    expect(new Set(page.items.map((c) => c.state)).size).toBe(10);
  }, 120_000);
}
