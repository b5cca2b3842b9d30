import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import { loadSampleOrg } from '../../testing/sample-org.ts';
import type { FlowDefinitionInput } from './format.ts';
import {
  applyFlowMigration,
  type FlowMigrationPlan,
  planFlowMigration,
  publishFlowVersion,
} from './migration.ts';
import { customWorkflowName, defineCustomWorkflow } from './workflow.ts';

const FORM = {
  schema: {
    type: 'object' as const,
    properties: { title: { type: 'string' as const }, days: { type: 'number' as const } },
    required: ['title'],
  },
  ui: {},
};

/** Version 1: 填写 → 部门审核 → 办公室审核 → 领导审批 → 结束. */
export const MIGRATION_V1: FlowDefinitionInput = {
  key: 'mig',
  title: '迁移测试',
  titleField: 'title',
  form: FORM,
  nodes: [
    { id: 'start', type: 'start', name: '填写' },
    { id: 'dept', type: 'approve', name: '部门审核', assignee: { kind: 'departmentHead' } },
    {
      id: 'office',
      type: 'approve',
      name: '办公室审核',
      assignee: { kind: 'role', role: 'officeDirector' },
    },
    { id: 'leader', type: 'approve', name: '领导审批', assignee: { kind: 'supervisingLeader' } },
    { id: 'end', type: 'end', name: '结束', outcome: 'approved' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'dept' },
    { id: 'e2', from: 'dept', to: 'office' },
    { id: 'e3', from: 'office', to: 'leader' },
    { id: 'e4', from: 'leader', to: 'end' },
  ],
};

/** Version 2: 部门审核 renamed (dept → head), 办公室审核 removed, 人事复核 added (with a deadline). */
export const MIGRATION_V2: FlowDefinitionInput = {
  ...MIGRATION_V1,
  nodes: [
    { id: 'start', type: 'start', name: '填写' },
    { id: 'head', type: 'approve', name: '部门负责人审批', assignee: { kind: 'departmentHead' } },
    {
      id: 'hr',
      type: 'handle',
      name: '人事复核',
      assignee: { kind: 'role', role: 'secretary' },
      deadline: { workingDays: 2 },
    },
    { id: 'leader', type: 'approve', name: '领导审批', assignee: { kind: 'supervisingLeader' } },
    { id: 'end', type: 'end', name: '结束', outcome: 'approved' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'head' },
    { id: 'e2', from: 'head', to: 'hr' },
    { id: 'e3', from: 'hr', to: 'leader' },
    { id: 'e4', from: 'leader', to: 'end' },
  ],
};

/**
 * Cases at each node of v1 (填写, 部门审核, 办公室审核 ×2, 领导审批, and one finished), a dry run
 * of moving them to v2 with `dept → head`, then the apply. Shared by the memory, PGlite and
 * PostgreSQL tests.
 */
export async function runMigrationScenario(store: Store) {
  await loadSampleOrg(store.directory);
  const clock = manualClock('2026-11-25T01:00:00Z');
  const p1 = publishFlowVersion([], MIGRATION_V1, { actorId: 'gao', at: clock.now() });
  const p2 = publishFlowVersion([p1], MIGRATION_V2, { actorId: 'gao', at: clock.now() });
  const v1 = defineCustomWorkflow(p1.definition, p1.version, { tasks: store });
  const v2 = defineCustomWorkflow(p2.definition, p2.version, { tasks: store });
  const directory = createStoreDirectory(store.directory);
  const engine = createWorkflowEngine({ store, directory, clock, workflows: [v1, v2] });
  let n = 0;
  const cmd = () => `mig-${++n}-${Math.random().toString(36).slice(2)}`;
  const send = (caseId: string, actorId: string, type: string) =>
    engine.send({ caseId, actorId, commandId: cmd(), event: { type } });
  const open = async (title: string, steps: Array<[string, string]>) => {
    const { caseId } = await engine.start({
      workflow: customWorkflowName('mig'),
      version: 1,
      actorId: 'sun',
      commandId: cmd(),
      input: { form: { title } },
    });
    for (const [actor, type] of steps) await send(caseId, actor, type);
    return caseId;
  };
  const ids = {
    atStart: await open('在填写', []),
    atDept: await open('在部门审核', [['sun', 'SUBMIT']]),
    atOffice: await open('在办公室审核', [
      ['sun', 'SUBMIT'],
      ['qian', 'APPROVE'],
    ]),
    atLeader: await open('在领导审批', [
      ['sun', 'SUBMIT'],
      ['qian', 'APPROVE'],
      ['li', 'APPROVE'],
    ]),
    finished: await open('已办结', [
      ['sun', 'SUBMIT'],
      ['qian', 'APPROVE'],
      ['li', 'APPROVE'],
      ['chen', 'APPROVE'],
    ]),
  };
  // a new case starts on the latest version
  const fresh = await engine.start({
    workflow: customWorkflowName('mig'),
    actorId: 'sun',
    commandId: cmd(),
    input: { form: { title: '新版' } },
  });
  const cases = (
    await store.listCases({ unitId: 'demo', workflow: v1.name, limit: 100, offset: 0 })
  ).items;
  const plan: FlowMigrationPlan = planFlowMigration({
    from: v1,
    to: v2,
    mapping: { dept: 'head' },
    cases,
  });
  clock.advance(3_600_000);
  const result = await applyFlowMigration({
    store,
    directory,
    from: v1,
    to: v2,
    plan,
    actorId: 'gao',
    reason: '流程调整：取消办公室审核，增加人事复核',
    clock,
  });
  const again = await applyFlowMigration({
    store,
    directory,
    from: v1,
    to: v2,
    plan,
    actorId: 'gao',
    reason: '重复执行',
    clock,
  });
  return {
    engine,
    store,
    clock,
    ids,
    fresh,
    plan,
    result,
    again,
    v1,
    v2,
    /** Sends `type` as `actorId` on `caseId`, with a fresh command id. */
    send,
    published: [p1, p2],
  };
}
