import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import { loadSampleOrg } from '../../testing/sample-org.ts';
import { createMonthlyReportWorkflow, MONTHLY_REPORT_WORKFLOW } from './definition.ts';

/** 预算股's report of November 2026 (tests only). */
export function sampleMonthlyReport(overrides: Record<string, unknown> = {}) {
  return {
    month: '2026-11',
    departmentId: 'budget',
    done: '完成2027年部门预算初审，审核项目42个。',
    problems: '部分单位预算编报不够细化。',
    plan: '12月完成预算批复前的复核。',
    attachments: [{ blobId: 'blob-table', name: '预算审核情况表.xlsx' }],
    ...overrides,
  };
}

/** An engine running the 工作月报 workflow on a store holding the sample org (tests only). */
export async function monthlyReportHarness(store: Store, start = '2026-11-28T01:00:00Z') {
  await loadSampleOrg(store.directory);
  const clock = manualClock(start);
  const workflow = createMonthlyReportWorkflow();
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    workflows: [workflow],
  });
  let n = 0;
  const cmd = () => `month-cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    engine,
    workflow,
    draft: (actorId = 'sun', overrides: Record<string, unknown> = {}) =>
      engine.start({
        workflow: MONTHLY_REPORT_WORKFLOW,
        actorId,
        commandId: cmd(),
        input: sampleMonthlyReport(overrides),
      }),
    send: (caseId: string, actorId: string, event: { type: string; [k: string]: unknown }) =>
      engine.send({ caseId, actorId, commandId: cmd(), event }),
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
  };
}
