import { describe, expect, it } from 'vitest';
import type { FlowDefinitionInput } from './format.ts';
import { FLOW_TEMPLATES, LEAVE_TEMPLATE } from './templates.ts';
import { parseFlowDefinition, validateFlowDefinition } from './validate.ts';

/** A small valid flow to break one rule at a time. */
function base(): FlowDefinitionInput {
  return {
    key: 'sample',
    title: '示例流程',
    form: {
      schema: {
        type: 'object',
        properties: {
          days: { type: 'number', title: '天数' },
          kind: { type: 'string', enum: ['甲', '乙'] },
          who: { type: 'string', format: 'user' },
          note: { type: 'string' },
        },
        required: ['days'],
      },
      ui: {},
    },
    nodes: [
      { id: 'start', type: 'start', name: '填写' },
      { id: 'a', type: 'approve', name: '审批甲', assignee: { kind: 'role', role: 'leader' } },
      { id: 'b', type: 'approve', name: '审批乙', assignee: { kind: 'departmentHead' } },
      { id: 'end', type: 'end', name: '结束' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'a' },
      { id: 'e2', from: 'a', to: 'b', condition: 'days > 3' },
      { id: 'e3', from: 'a', to: 'end' },
      { id: 'e4', from: 'b', to: 'end' },
    ],
  };
}

const messages = (def: unknown) => {
  const r = validateFlowDefinition(def);
  return r.ok ? [] : r.issues.map((i) => i.message);
};
// biome-ignore lint/suspicious/noExplicitAny: the tests break definitions on purpose
type Loose = any;
const mutate = (fn: (d: Loose) => void) => {
  const d = structuredClone(base()) as Loose;
  fn(d);
  return d;
};

describe('flow definition validator', () => {
  it('accepts the base flow and every shipped template', () => {
    expect(messages(base())).toEqual([]);
    for (const [key, t] of Object.entries(FLOW_TEMPLATES))
      expect([key, messages(t)]).toEqual([key, []]);
  });

  it.each<[string, (d: Loose) => void, RegExp, { node?: string; edge?: string }]>([
    [
      'a duplicate node id',
      (d) => d.nodes.push({ id: 'a', type: 'end', name: '重复' }),
      /节点编号重复：a/,
      { node: 'a' },
    ],
    [
      'a duplicate edge id',
      (d) => d.edges.push({ id: 'e4', from: 'b', to: 'end' }),
      /连线编号重复：e4/,
      { edge: 'e4' },
    ],
    [
      'no start node',
      (d) => {
        d.nodes[0].type = 'approve';
        d.nodes[0].assignee = { kind: 'starter' };
      },
      /缺少开始节点/,
      {},
    ],
    [
      'two start nodes',
      (d) => d.nodes.push({ id: 's2', type: 'start', name: '又一个开始' }),
      /只能有一个开始节点，现有2个：start、s2/,
      {},
    ],
    [
      'no end node',
      (d) => {
        d.nodes[3] = { id: 'end', type: 'approve', name: '最后', assignee: { kind: 'starter' } };
      },
      /缺少结束节点/,
      {},
    ],
    [
      'an edge to an unknown node',
      (d) => {
        d.edges[3].to = 'nowhere';
      },
      /连线“e4”（b→nowhere）：终点“nowhere”不存在/,
      { edge: 'e4' },
    ],
    [
      'an edge from an unknown node',
      (d) => {
        d.edges.push({ id: 'e9', from: 'ghost', to: 'end' });
      },
      /连线“e9”（ghost→end）：起点“ghost”不存在/,
      { edge: 'e9' },
    ],
    [
      'an edge into the start node',
      (d) => {
        d.edges.push({ id: 'back', from: 'b', to: 'start', condition: 'days > 9' });
      },
      /连线“back”（b→start）：不能连回开始节点/,
      { edge: 'back' },
    ],
    [
      'an edge out of the end node',
      (d) => {
        d.edges.push({ id: 'out', from: 'end', to: 'a' });
      },
      /结束节点“结束”不能再有出口/,
      { edge: 'out' },
    ],
    [
      'a self loop',
      (d) => {
        d.edges.push({ id: 'self', from: 'b', to: 'b', condition: 'days > 9' });
      },
      /连线“self”（b→b）：不能连回同一节点/,
      { edge: 'self' },
    ],
    [
      'an unreachable node',
      (d) => {
        d.nodes.push({
          id: 'lost',
          type: 'approve',
          name: '孤立审批',
          assignee: { kind: 'starter' },
        });
        d.edges.push({ id: 'lost_end', from: 'lost', to: 'end' });
      },
      /节点“孤立审批”（lost）无法从开始节点到达/,
      { node: 'lost' },
    ],
    [
      'a node with no way out',
      (d) => {
        d.edges.pop();
      },
      /节点“审批乙”（b）没有出口连线/,
      { node: 'b' },
    ],
    [
      'a loop with no exit',
      (d) => {
        d.nodes.push({ id: 'c', type: 'approve', name: '复核', assignee: { kind: 'starter' } });
        d.edges[3] = { id: 'e4', from: 'b', to: 'c' };
        d.edges.push({ id: 'e5', from: 'c', to: 'b' });
      },
      /节点“审批乙”、“复核”构成的循环没有出口/,
      { node: 'b' },
    ],
    [
      'a loop of 抄送 nodes only',
      (d) => {
        d.nodes.push({ id: 'c1', type: 'cc', name: '知会一', assignee: { kind: 'starter' } });
        d.nodes.push({ id: 'c2', type: 'cc', name: '知会二', assignee: { kind: 'starter' } });
        d.edges[3] = { id: 'e4', from: 'b', to: 'c1' };
        d.edges.push({ id: 'e5', from: 'c1', to: 'c2' });
        d.edges.push({ id: 'e6', from: 'c2', to: 'c1', condition: 'days > 1' });
        d.edges.push({ id: 'e7', from: 'c2', to: 'end' });
      },
      /抄送节点“知会一”、“知会二”构成的循环无人办理/,
      {},
    ],
    [
      'a branch without a default edge',
      (d) => {
        d.edges[2].condition = 'days <= 3';
      },
      /节点“审批甲”（a）的分支缺少默认连线/,
      { node: 'a' },
    ],
    [
      'two default edges',
      (d) => {
        delete d.edges[1].condition;
      },
      /节点“审批甲”（a）有2条不带条件的连线/,
      { node: 'a' },
    ],
    [
      'a lone conditional edge',
      (d) => {
        d.edges[3].condition = 'days > 1';
      },
      /只有一条出口，连线“e4”（b→end）不能带条件/,
      { node: 'b' },
    ],
    [
      'an unknown role',
      (d) => {
        d.nodes[1].assignee.role = 'chef';
      },
      /节点“审批甲”（a）：未知角色“chef”/,
      { node: 'a' },
    ],
    [
      'an unknown field in a condition',
      (d) => {
        d.edges[1].condition = 'salary > 3';
      },
      /连线“e2”（a→b）的条件有误：未知字段“salary”/,
      { edge: 'e2' },
    ],
    [
      'a condition that does not type-check',
      (d) => {
        d.edges[1].condition = 'days == "三"';
      },
      /连线“e2”（a→b）的条件有误：不能用“==”比较数字和文字/,
      { edge: 'e2' },
    ],
    [
      'a condition with an enum value the field lacks',
      (d) => {
        d.edges[1].condition = 'kind == "丙"';
      },
      /字段“kind”没有取值"丙"/,
      { edge: 'e2' },
    ],
    [
      'an unknown field in permissions',
      (d) => {
        d.nodes[1].fields = { salary: 'editable' };
      },
      /节点“审批甲”（a）：字段权限引用了未知字段“salary”/,
      { node: 'a' },
    ],
    [
      'an unknown assignee field',
      (d) => {
        d.nodes[2].assignee = { kind: 'field', field: 'boss' };
      },
      /节点“审批乙”（b）：处理人引用了未知字段“boss”/,
      { node: 'b' },
    ],
    [
      'an assignee field that names no one',
      (d) => {
        d.nodes[2].assignee = { kind: 'field', field: 'note' };
      },
      /处理人字段“note”须为人员/,
      { node: 'b' },
    ],
    [
      'an unknown required field',
      (d) => {
        d.form.schema.required = ['days', 'ghost'];
      },
      /必填字段“ghost”不存在/,
      {},
    ],
    [
      'a bad node shape',
      (d) => {
        d.nodes[1].assignee = { kind: 'astrologer' };
      },
      /节点“审批甲”（a）：处理人规则不正确/,
      { node: 'a' },
    ],
    [
      'a bad node type',
      (d) => {
        d.nodes[1].type = 'gateway';
      },
      /节点“审批甲”（a）：节点类型须为/,
      { node: 'a' },
    ],
    [
      'a bad countersign rule',
      (d) => {
        d.nodes[2] = {
          id: 'b',
          type: 'countersign',
          name: '会签',
          mode: 'parallel',
          pass: { rule: 'percent', value: 150 },
          assignee: { kind: 'role', role: 'leader' },
        };
      },
      /节点“会签”（b）：比例须在1至100之间/,
      { node: 'b' },
    ],
    [
      'a countersign of one person',
      (d) => {
        d.nodes[2] = {
          id: 'b',
          type: 'countersign',
          name: '会签',
          mode: 'parallel',
          pass: { rule: 'all' },
          assignee: { kind: 'superior', levels: 1 },
        };
      },
      /会签须有多人/,
      { node: 'b' },
    ],
    [
      'a bad edge id',
      (d) => {
        d.edges[0].id = 'E 1';
      },
      /连线“E 1”（start→a）：编号须以小写字母开头/,
      { edge: 'E 1' },
    ],
  ])('refuses %s, naming it', (_what, fn, message, where) => {
    const r = validateFlowDefinition(mutate(fn));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.issues.find((i) => message.test(i.message));
    expect(hit, r.issues.map((i) => i.message).join('\n')).toBeDefined();
    if (where.node) expect(hit?.node).toBe(where.node);
    if (where.edge) expect(hit?.edge).toBe(where.edge);
  });

  it('knows roles a unit adds', () => {
    const d = mutate((x) => {
      x.nodes[1].assignee.role = 'hr';
    });
    expect(validateFlowDefinition(d).ok).toBe(false);
    expect(validateFlowDefinition(d, { roles: ['leader', 'hr', 'departmentHead'] }).ok).toBe(true);
  });

  it('parseFlowDefinition throws ValidationFailed with every issue', () => {
    expect(() =>
      parseFlowDefinition(
        mutate((d) => {
          d.edges[1].condition = 'x > 1';
          d.nodes[1].assignee.role = 'chef';
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/未知角色“chef”.*未知字段“x”/),
      }),
    );
    expect(parseFlowDefinition(LEAVE_TEMPLATE).key).toBe('leave');
  });
});
