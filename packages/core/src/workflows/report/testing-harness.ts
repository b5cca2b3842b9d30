import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import { loadSampleOrg } from '../../testing/sample-org.ts';
import { createReportWorkflow } from './definition.ts';

/** A realistic 请示 (tests only). */
export function sampleReport(overrides: Record<string, unknown> = {}) {
  return {
    kind: '请示',
    title: '关于购置预算股办公设备的请示',
    body: {
      blocks: [
        { type: 'paragraph', text: '县财政局：' },
        { type: 'paragraph', text: '因工作需要，预算股拟购置台式计算机2台，所需经费约1.2万元。' },
        { type: 'paragraph', text: '妥否，请批示。' },
      ],
    },
    attachments: [{ blobId: 'blob-quote', name: '报价单.pdf' }],
    approvers: ['qian', 'zhao'],
    mode: 'sequence',
    ...overrides,
  };
}

/** An engine running the 报告审批 workflow on a store holding the sample org (tests only). */
export async function reportHarness(store: Store, start = '2026-11-25T01:00:00Z') {
  await loadSampleOrg(store.directory, [
    {
      id: 'dlg-zhao-qian',
      unitId: 'demo',
      principalId: 'zhao',
      deputyId: 'li',
      startsAt: new Date('2026-11-01T00:00:00Z'),
      endsAt: new Date('2026-12-31T00:00:00Z'),
      workflows: ['report'],
    },
  ]);
  const clock = manualClock(start);
  const workflow = createReportWorkflow();
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    workflows: [workflow],
  });
  let n = 0;
  const cmd = () => `report-cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    engine,
    workflow,
    draft: (actorId = 'sun', overrides: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'report',
        actorId,
        commandId: cmd(),
        input: sampleReport(overrides),
      }),
    send: (
      caseId: string,
      actorId: string,
      event: { type: string; [k: string]: unknown },
      extra: { onBehalfOf?: string } = {},
    ) => engine.send({ caseId, actorId, commandId: cmd(), event, ...extra }),
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
  };
}
