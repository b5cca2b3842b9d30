/**
 * Custom flows (自定义工作流程) benchmark: how long a 200-node definition takes to validate and
 * compile, and how many durable transitions per second a custom flow makes beside the built-in
 * 报告审批 workflow, in the same run, on the memory store and on PGlite. Prints a table.
 *
 *   npx tsx bench/custom-flow/run.ts [--seconds 3] [--pglite-only]
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import {
  createMemoryStore,
  createReportWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  customWorkflowName,
  defineCustomWorkflow,
  type FlowDefinitionInput,
  type Store,
} from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 3) || 3;
const USERS = ['wang', 'zhou', 'li', 'qian', 'zhao'];

/** A 200-node flow: approve/handle chains with a 会签 every tenth node and a gateway every seventh. */
export function bigDefinition(nodes = 200): FlowDefinitionInput {
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  return {
    key: 'big',
    title: '大型流程',
    form: {
      schema: {
        type: 'object',
        properties: { amount: { type: 'number' }, kind: { type: 'string', enum: ['甲', '乙'] } },
        required: [],
      },
      ui: {},
    },
    nodes: [
      { id: 'start', type: 'start', name: '发起' },
      ...ids.map((id, i) =>
        i % 10 === 9
          ? {
              id,
              name: `会签${i + 1}`,
              type: 'countersign' as const,
              mode: 'parallel' as const,
              pass: { rule: 'percent' as const, value: 50 },
              assignee: { kind: 'users' as const, userIds: ['wang', 'zhou', 'li'] },
            }
          : {
              id,
              name: `环节${i + 1}`,
              type: i % 2 === 0 ? ('approve' as const) : ('handle' as const),
              assignee: { kind: 'user' as const, userId: USERS[i % USERS.length]! },
              deadline: { workingDays: 3 },
            },
      ),
      { id: 'end', type: 'end', name: '办结', outcome: 'approved' },
    ],
    edges: [
      { id: 'e_start', from: 'start', to: 'n1' },
      ...ids.map((id, i) => ({ id: `d_${id}`, from: id, to: ids[i + 1] ?? 'end' })),
      ...ids
        .map((id, i) => ({ id, i }))
        .filter(({ i }) => i % 7 === 3 && i + 3 < nodes)
        .map(({ id, i }) => ({
          id: `g_${id}`,
          from: id,
          to: ids[i + 3]!,
          condition:
            i % 2 === 0 ? 'amount > 1000 and kind == "甲"' : 'kind in ["乙"] or amount <= 5',
        })),
    ],
  };
}

/** wang ⇄ zhou (a loop with an exit: it ends when x is 0); each bench case takes start, 提交 and two approvals, as a 报告审批 case does. */
const RELAY: FlowDefinitionInput = {
  key: 'relay',
  title: '接力',
  form: {
    schema: { type: 'object', properties: { x: { type: 'integer' } }, required: [] },
    ui: {},
  },
  nodes: [
    { id: 'start', type: 'start', name: '发起' },
    { id: 'a', type: 'approve', name: '甲审批', assignee: { kind: 'user', userId: 'wang' } },
    { id: 'b', type: 'approve', name: '乙审批', assignee: { kind: 'user', userId: 'zhou' } },
    { id: 'end', type: 'end', name: '办结' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'a' },
    { id: 'e2', from: 'a', to: 'b' },
    { id: 'again', from: 'b', to: 'a', condition: 'x > 0' },
    { id: 'out', from: 'b', to: 'end' },
  ],
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function transitions(store: Store, kind: 'custom' | 'report', ms: number) {
  const custom = defineCustomWorkflow(RELAY, 1);
  const report = createReportWorkflow();
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    workflows: [custom, report],
  });
  let count = 0;
  const lat: number[] = [];
  const step = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    lat.push(performance.now() - t);
    count++;
  };
  const until = performance.now() + ms;
  if (kind === 'custom') {
    // like a 报告审批 case: start, 提交 and a few approvals, then the next case
    while (performance.now() < until) {
      let caseId = '';
      await step(async () => {
        caseId = (
          await engine.start({
            workflow: customWorkflowName('relay'),
            actorId: 'sun',
            commandId: randomUUID(),
            input: { form: { x: 1 } },
          })
        ).caseId;
      });
      await step(() =>
        engine.send({ caseId, actorId: 'sun', commandId: randomUUID(), event: { type: 'SUBMIT' } }),
      );
      for (const a of ['wang', 'zhou'])
        await step(() =>
          engine.send({
            caseId,
            actorId: a,
            commandId: randomUUID(),
            event: { type: 'APPROVE', opinion: '同意' },
          }),
        );
    }
  } else {
    while (performance.now() < until) {
      let caseId = '';
      await step(async () => {
        caseId = (
          await engine.start({
            workflow: 'report',
            actorId: 'sun',
            commandId: randomUUID(),
            input: {
              kind: '请示',
              title: '基准请示',
              body: { blocks: [{ type: 'paragraph', text: '妥否，请批示。' }] },
              approvers: ['qian', 'zhao'],
            },
          })
        ).caseId;
      });
      await step(() =>
        engine.send({ caseId, actorId: 'sun', commandId: randomUUID(), event: { type: 'SUBMIT' } }),
      );
      for (const a of ['qian', 'zhao'])
        await step(() =>
          engine.send({ caseId, actorId: a, commandId: randomUUID(), event: { type: 'APPROVE' } }),
        );
    }
  }
  return { perSecond: (count / ms) * 1000, p50: median(lat), count };
}

async function main() {
  const rows: string[] = [];
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

  // compile time
  for (const n of [40, 200]) {
    const def = bigDefinition(n);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      defineCustomWorkflow(def, 1);
      times.push(performance.now() - t);
    }
    rows.push(
      row([`validate + compile, ${n} nodes`, `${median(times).toFixed(1)} ms (median of 15)`, '']),
    );
  }

  // transitions, same run, alternating
  const stores: Array<[string, () => Promise<Store>]> = [
    ['memory', async () => createMemoryStore()],
    ['PGlite', async () => createPgliteStore({ dataDir: 'memory://' })],
  ];
  for (const [name, open] of stores) {
    for (const kind of ['report', 'custom'] as const) {
      const store = await open();
      await loadSampleOrg(store.directory);
      await transitions(store, kind, 300); // warm-up
      const r = await transitions(store, kind, seconds * 1000);
      rows.push(
        row([
          `${kind === 'custom' ? '自定义流程 (relay)' : '报告审批 (built-in)'} on ${name}`,
          `${r.perSecond.toFixed(0)} transitions/s`,
          `p50 ${r.p50.toFixed(2)} ms, ${r.count} transitions`,
        ]),
      );
      await store.close();
    }
  }
  console.log(
    [
      `### Custom flows (${new Date().toISOString().slice(0, 10)}, one client, ${seconds} s per cell)`,
      '',
      row(['measure', 'result', 'detail']),
      row(['---', '---', '---']),
      ...rows,
    ].join('\n'),
  );
}

await main();
