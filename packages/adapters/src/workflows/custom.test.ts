import {
  createStoreDirectory,
  createWorkflowEngine,
  customWorkflowName,
  defineCustomWorkflow,
  evaluateCondition,
  type FlowDefinitionInput,
  manualClock,
  parseCondition,
  type Store,
  validateFlowDefinition,
} from '@gongwen/core';
import { loadSampleOrg, runMigrationScenario } from '@gongwen/core/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../pglite.ts';
import { DIALECTS, openTestStore } from '../testing/test-databases.ts';

for (const dialect of DIALECTS) {
  describe(`custom-flow migration on ${dialect}`, () => {
    it('moves running cases of v1 to v2 (a node renamed, one removed, one added): dry run and apply', async () => {
      const store = await openTestStore(dialect);
      try {
        const s = await runMigrationScenario(store);
        expect(s.plan.items.map((i) => [i.fromNode, i.action, i.toNode]).sort()).toEqual(
          [
            ['dept', 'move', 'head'],
            ['end', 'skip', null],
            ['leader', 'move', 'leader'],
            ['office', 'unmapped', null],
            ['start', 'move', 'start'],
          ].sort(),
        );
        expect(s.result.migrated).toHaveLength(3);
        expect(s.result.skipped).toEqual([
          { caseId: s.ids.atOffice, reason: expect.stringContaining('办公室审核') },
        ]);
        expect(s.again.migrated).toEqual([]);
        const dept = await s.engine.case(s.ids.atDept);
        expect(dept).toMatchObject({ workflowVersion: 2, state: 'n_head' });
        expect((await s.engine.ledger(s.ids.atDept)).at(-1)).toMatchObject({
          event: '$migrate',
          fields: { fromVersion: 1, toVersion: 2, fromNode: 'dept', toNode: 'head' },
        });
        await s.send(s.ids.atDept, 'qian', 'APPROVE');
        expect((await s.store.listTimers(s.ids.atDept)).map((t) => t.sendId)).toEqual([
          'flow-deadline',
        ]);
        await s.send(s.ids.atDept, 'zhou', 'APPROVE');
        expect(await s.send(s.ids.atDept, 'chen', 'APPROVE')).toMatchObject({ status: 'done' });
        expect((await s.engine.case(s.ids.atOffice)).workflowVersion).toBe(1);
        for (const id of Object.values(s.ids))
          expect((await s.engine.verifyLedger(id)).ok).toBe(true);
      } finally {
        await store.close();
      }
    }, 180_000);
  });
}

// --- property tests: random definitions ---

const USERS = ['zhang', 'chen', 'li', 'wang', 'zhou', 'zhao', 'qian'];
const FORM = {
  schema: {
    type: 'object' as const,
    properties: {
      x: { type: 'integer' as const, minimum: 0, maximum: 10 },
      flag: { type: 'boolean' as const },
      kind: { type: 'string' as const, enum: ['甲', '乙'] },
    },
    required: [],
  },
  ui: {},
};
/** Every valuation the generated conditions can tell apart (they compare with 1…9, 甲/乙, true/false). */
const VALUATIONS = [0, 3, 5, 7, 10].flatMap((x) =>
  [true, false].flatMap((flag) => ['甲', '乙'].map((kind) => ({ x, flag, kind }))),
);

const conditionArb = fc.oneof(
  fc
    .tuple(fc.constantFrom('>', '<', '>=', '<=', '==', '!='), fc.integer({ min: 1, max: 9 }))
    .map(([op, c]) => `x ${op} ${c}`),
  fc.boolean().map((b) => `flag == ${b}`),
  fc.constantFrom(
    'kind in ["甲"]',
    'kind not in ["甲"]',
    'not flag and x > 4',
    'kind == "乙" or x < 2',
  ),
);

const nodeArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('approve' as const),
      user: fc.constantFrom(...USERS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('handle' as const), user: fc.constantFrom(...USERS) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('countersign' as const),
      users: fc.uniqueArray(fc.constantFrom(...USERS), { minLength: 2, maxLength: 3 }),
      mode: fc.constantFrom('sequential' as const, 'parallel' as const),
      pass: fc.constantFrom(
        { rule: 'all' as const },
        { rule: 'any' as const },
        { rule: 'percent' as const, value: 50 },
        { rule: 'count' as const, value: 2 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('cc' as const), user: fc.constantFrom(...USERS) }),
  },
);

/**
 * A valid definition: user, 会签 and 抄送 nodes n1…nk in a chain of default edges, with
 * forward conditional edges (gateways) jumping ahead, and one or two end nodes.
 */
const definitionArb = fc
  .record({
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 38 }),
    jumps: fc.array(fc.tuple(fc.nat(), fc.nat(), conditionArb), { maxLength: 12 }),
    twoEnds: fc.boolean(),
  })
  .map(({ nodes, jumps, twoEnds }): FlowDefinitionInput => {
    const k = nodes.length;
    const ids = nodes.map((_, i) => `n${i + 1}`);
    const ends = twoEnds ? ['end', 'end_b'] : ['end'];
    const defNodes: FlowDefinitionInput['nodes'] = [{ id: 'start', type: 'start', name: '发起' }];
    nodes.forEach((n, i) => {
      const id = ids[i]!;
      const name = `节点${i + 1}`;
      if (n.type === 'countersign')
        defNodes.push({
          id,
          name,
          type: 'countersign',
          mode: n.mode,
          pass: n.pass,
          assignee: { kind: 'users', userIds: n.users },
        });
      else if (n.type === 'cc')
        defNodes.push({ id, name, type: 'cc', assignee: { kind: 'user', userId: n.user } });
      else defNodes.push({ id, name, type: n.type, assignee: { kind: 'user', userId: n.user } });
    });
    for (const e of ends)
      defNodes.push({
        id: e,
        type: 'end',
        name: e === 'end' ? '办结' : '另一结束',
        outcome: 'done',
      });
    const edges: FlowDefinitionInput['edges'] = [{ id: 'e_start', from: 'start', to: ids[0]! }];
    const order = [...ids, ...ends];
    ids.forEach((id, i) => {
      edges.push({ id: `d_${id}`, from: id, to: i + 1 < k ? ids[i + 1]! : 'end' });
    });
    const seen = new Set<string>();
    jumps.forEach(([a, b, condition], j) => {
      const from = a % k;
      const to = from + 2 + (b % (order.length - from - 1));
      const target = order[Math.min(to, order.length - 1)]!;
      const key = `${ids[from]}>${target}`;
      if (seen.has(key) || target === order[from + 1]) return;
      seen.add(key);
      edges.push({ id: `j${j}`, from: ids[from]!, to: target, condition });
    });
    if (twoEnds && !edges.some((e) => e.to === 'end_b'))
      edges.push({ id: 'to_b', from: ids[k - 1]!, to: 'end_b', condition: 'x > 5' });
    return { key: 'prop', title: '随机流程', form: FORM, nodes: defNodes, edges };
  });

/** The end node a valuation leads to, walking the graph as the compiled machine should. */
function predictedEnd(
  def: FlowDefinitionInput,
  values: Record<string, unknown>,
): { end: string; path: string[] } {
  let at = 'start';
  const path: string[] = [];
  for (let i = 0; i < 200; i++) {
    const node = def.nodes.find((n) => n.id === at)!;
    if (node.type === 'end') return { end: at, path };
    path.push(at);
    const out = def.edges.filter((e) => e.from === at);
    const next =
      out.find(
        (e) => e.condition !== undefined && evaluateCondition(parseCondition(e.condition), values),
      ) ?? out.find((e) => e.condition === undefined)!;
    at = next.to;
  }
  throw new Error('no end');
}

describe('property: random valid definitions compile, and every path runs on PGlite', () => {
  let shared: Store | null = null;
  afterAll(async () => {
    await shared?.close();
  });

  it('runs each distinct path (and a 驳回) through the engine with a valid ledger', async () => {
    shared = await createPgliteStore({ dataDir: 'memory://' });
    const store = shared;
    await loadSampleOrg(store.directory);
    let version = 0;
    let paths = 0;
    await fc.assert(
      fc.asyncProperty(definitionArb, async (definition) => {
        expect(validateFlowDefinition(definition).issues).toEqual([]);
        const wf = defineCustomWorkflow(definition, ++version);
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock: manualClock('2026-11-25T01:00:00Z'),
          workflows: [wf],
        });
        const distinct = new Map<string, { values: Record<string, unknown>; end: string }>();
        for (const values of VALUATIONS) {
          const p = predictedEnd(definition, values);
          distinct.set(p.path.join('>'), { values, end: p.end });
        }
        const firstApprove = definition.nodes.find((n) => n.type === 'approve');
        const runs = [...distinct.values()].map((d) => ({ ...d, reject: false }));
        if (firstApprove) runs.push({ ...runs[0]!, reject: true });
        for (const run of runs) {
          paths++;
          const cmd = () => crypto.randomUUID();
          const { caseId } = await engine.start({
            workflow: customWorkflowName('prop'),
            version,
            actorId: 'sun',
            commandId: cmd(),
            input: { form: run.values },
          });
          await engine.send({
            caseId,
            actorId: 'sun',
            commandId: cmd(),
            event: { type: 'SUBMIT' },
          });
          let rejected = false;
          for (let step = 0; step < 400; step++) {
            const c = await engine.case(caseId);
            if (c.status === 'done') break;
            const task =
              c.assignments.find((a) => a.kind === 'act') ??
              c.assignments.find((a) => a.kind === 'read')!;
            const type =
              task.kind === 'read'
                ? 'READ'
                : run.reject &&
                    !rejected &&
                    task.events.includes('REJECT') &&
                    c.state === `n_${firstApprove!.id}`
                  ? 'REJECT'
                  : 'APPROVE';
            if (type === 'REJECT') rejected = true;
            await engine.send({
              caseId,
              actorId: task.candidates[0]!,
              commandId: cmd(),
              event: { type, ...(type === 'REJECT' ? { opinion: '不同意' } : {}) },
            });
          }
          const c = await engine.case(caseId);
          expect(c.status).toBe('done');
          expect(c.state).toBe(rejected ? '$rejected' : `f_${run.end}`);
          const v = await engine.verifyLedger(caseId);
          expect(v.ok).toBe(true);
        }
      }),
      { numRuns: 4, seed: 20261207 },
    );
    expect(paths).toBeGreaterThan(4);
  }, 120_000);
});

describe('property: random faulty definitions are refused, naming the fault', () => {
  type Fault = (d: FlowDefinitionInput) => {
    def: FlowDefinitionInput;
    expect: RegExp;
    node?: string;
    edge?: string;
  };
  const faults: Fault[] = [
    (d) => ({
      def: { ...d, nodes: [...d.nodes, { id: 'n1', type: 'end', name: '重复' }] },
      expect: /节点编号重复：n1/,
      node: 'n1',
    }),
    (d) => ({
      def: { ...d, edges: d.edges.map((e) => (e.id === 'd_n1' ? { ...e, to: 'ghost' } : e)) },
      expect: /连线“d_n1”（n1→ghost）：终点“ghost”不存在/,
      edge: 'd_n1',
    }),
    (d) => ({
      def: {
        ...d,
        edges: d.edges.map((e) => (e.id === 'd_n1' ? { ...e, condition: 'salary > 1' } : e)),
      },
      expect: /未知字段“salary”|不能带条件|有\d+条不带条件|缺少默认连线/,
    }),
    (d) => ({
      def: {
        ...d,
        nodes: [
          ...d.nodes,
          { id: 'orphan', type: 'approve', name: '孤立', assignee: { kind: 'user', userId: 'li' } },
        ],
        edges: [...d.edges, { id: 'orphan_out', from: 'orphan', to: 'end' }],
      },
      expect: /节点“孤立”（orphan）无法从开始节点到达/,
      node: 'orphan',
    }),
    (d) => ({
      def: {
        ...d,
        nodes: d.nodes.map((n) =>
          n.id === 'n1' && 'assignee' in n && n.type !== 'countersign'
            ? { ...n, assignee: { kind: 'role', role: 'wizard' } }
            : n,
        ),
        edges: [...d.edges, { id: 'bad_cond', from: 'start', to: 'end', condition: 'x == "x"' }],
      },
      expect: /连线“bad_cond”（start→end）的条件有误：不能用“==”比较数字和文字/,
      edge: 'bad_cond',
    }),
    (d) => ({
      def: {
        ...d,
        nodes: [
          ...d.nodes,
          {
            id: 'trap_a',
            type: 'approve',
            name: '陷阱甲',
            assignee: { kind: 'user', userId: 'li' },
          },
          {
            id: 'trap_b',
            type: 'approve',
            name: '陷阱乙',
            assignee: { kind: 'user', userId: 'li' },
          },
        ],
        edges: [
          ...d.edges,
          { id: 'into_trap', from: 'start', to: 'trap_a', condition: 'x > 100' },
          { id: 'ta', from: 'trap_a', to: 'trap_b' },
          { id: 'tb', from: 'trap_b', to: 'trap_a' },
        ],
      },
      expect: /节点“陷阱甲”、“陷阱乙”构成的循环没有出口/,
    }),
  ];

  it('refuses each injected fault with a Chinese message naming the node or edge', () => {
    fc.assert(
      fc.property(definitionArb, fc.nat({ max: faults.length - 1 }), (definition, f) => {
        const fault = faults[f]!(definition);
        const r = validateFlowDefinition(fault.def);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const hit = r.issues.find((i) => fault.expect.test(i.message));
        expect(hit, r.issues.map((i) => i.message).join('\n')).toBeDefined();
        if (fault.node) expect(hit?.node).toBe(fault.node);
        if (fault.edge) expect(hit?.edge).toBe(fault.edge);
        expect(() => defineCustomWorkflow(fault.def, 1)).toThrow(
          expect.objectContaining({ code: 'VALIDATION_FAILED' }),
        );
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
