import { ROLES } from '../../directory/model.ts';
import { ValidationFailed } from '../../errors.ts';
import { compileExpression, ExpressionError } from './expression.ts';
import { expressionFields } from './form.ts';
import {
  type AssigneeSpec,
  type FlowDefinition,
  type FlowDefinitionInput,
  type FlowNode,
  ZFlowDefinition,
} from './format.ts';

/** One fault of a definition: where (a JSON path) and a Chinese message naming the node or edge. */
export interface FlowIssue {
  path: Array<string | number>;
  message: string;
  /** The node at fault, when there is one. */
  node?: string;
  /** The edge at fault, when there is one. */
  edge?: string;
}

/** Options of `validateFlowDefinition`. */
export interface FlowValidationOptions {
  /** Role codes the unit knows (default: the built-in `ROLES`). */
  roles?: readonly string[];
}

/** The outcome: the definition with defaults applied, or the faults. */
export type FlowValidation =
  | { ok: true; definition: FlowDefinition; issues: [] }
  | { ok: false; issues: FlowIssue[] };

const nodeLabel = (n: { id: string; name?: string }) =>
  n.name ? `节点“${n.name}”（${n.id}）` : `节点“${n.id}”`;
const edgeLabel = (e: { id: string; from: string; to: string }) =>
  `连线“${e.id}”（${e.from}→${e.to}）`;

/** Names the node or edge a zod issue path points into, from the raw input. */
function describePath(
  input: unknown,
  path: PropertyKey[],
): { prefix: string; node?: string; edge?: string } {
  const raw = input as { nodes?: unknown[]; edges?: unknown[] } | null;
  if (path[0] === 'nodes' && typeof path[1] === 'number') {
    const n = raw?.nodes?.[path[1]] as { id?: unknown; name?: unknown } | undefined;
    const id = typeof n?.id === 'string' ? n.id : `第${path[1] + 1}个`;
    const name = typeof n?.name === 'string' ? n.name : '';
    return { prefix: `${nodeLabel({ id, name })}：`, node: id };
  }
  if (path[0] === 'edges' && typeof path[1] === 'number') {
    const e = raw?.edges?.[path[1]] as { id?: unknown; from?: unknown; to?: unknown } | undefined;
    const id = typeof e?.id === 'string' ? e.id : `第${path[1] + 1}条`;
    return {
      prefix: `${edgeLabel({ id, from: String(e?.from ?? '?'), to: String(e?.to ?? '?') })}：`,
      edge: id,
    };
  }
  if (path[0] === 'form') return { prefix: '表单：' };
  return { prefix: '' };
}

function assigneeSpecs(node: FlowNode): AssigneeSpec[] {
  return 'assignee' in node ? [node.assignee] : [];
}

/**
 * Checks a definition: its shape (zod, Chinese messages naming the node or edge), then the
 * graph — one 开始, at least one 结束, duplicate ids, edges to unknown nodes, unreachable
 * nodes, nodes with no way to 结束, loops with no exit, default branches, unknown roles and
 * fields, and conditions that do not type-check against the form's fields.
 */
export function validateFlowDefinition(
  input: unknown,
  options: FlowValidationOptions = {},
): FlowValidation {
  const parsed = ZFlowDefinition.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const where = describePath(input, i.path);
        return {
          path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
          message: `${where.prefix}${i.message}`,
          ...(where.node === undefined ? {} : { node: where.node }),
          ...(where.edge === undefined ? {} : { edge: where.edge }),
        };
      }),
    };
  }
  const def = parsed.data;
  const issues: FlowIssue[] = [];
  const roles = new Set(options.roles ?? Object.keys(ROLES));
  const fields = def.form.schema.properties;
  const fieldTypes = expressionFields(def);

  // ids
  const nodes = new Map<string, FlowNode>();
  def.nodes.forEach((n, i) => {
    if (nodes.has(n.id))
      issues.push({ path: ['nodes', i, 'id'], node: n.id, message: `节点编号重复：${n.id}` });
    else nodes.set(n.id, n);
  });
  const edgeIds = new Set<string>();
  def.edges.forEach((e, i) => {
    if (edgeIds.has(e.id))
      issues.push({ path: ['edges', i, 'id'], edge: e.id, message: `连线编号重复：${e.id}` });
    edgeIds.add(e.id);
  });
  for (const f of def.form.schema.required)
    if (!fields[f])
      issues.push({ path: ['form', 'schema', 'required'], message: `表单：必填字段“${f}”不存在` });
  if (def.titleField !== undefined && !fields[def.titleField])
    issues.push({ path: ['titleField'], message: `标题字段“${def.titleField}”不存在` });

  const starts = def.nodes.filter((n) => n.type === 'start');
  if (starts.length !== 1)
    issues.push({
      path: ['nodes'],
      message:
        starts.length === 0
          ? '缺少开始节点'
          : `只能有一个开始节点，现有${starts.length}个：${starts.map((n) => n.id).join('、')}`,
    });
  if (!def.nodes.some((n) => n.type === 'end'))
    issues.push({ path: ['nodes'], message: '缺少结束节点' });

  // per node: roles, fields, assignee rules
  def.nodes.forEach((n, i) => {
    for (const [f, _p] of Object.entries(n.fields ?? {}))
      if (!fields[f])
        issues.push({
          path: ['nodes', i, 'fields', f],
          node: n.id,
          message: `${nodeLabel(n)}：字段权限引用了未知字段“${f}”`,
        });
    for (const a of assigneeSpecs(n)) {
      if (a.kind === 'role' && !roles.has(a.role))
        issues.push({
          path: ['nodes', i, 'assignee', 'role'],
          node: n.id,
          message: `${nodeLabel(n)}：未知角色“${a.role}”`,
        });
      if (a.kind === 'field') {
        const f = fields[a.field];
        const ok =
          f &&
          ((f.type === 'string' && (f.format === 'user' || f.format === 'department')) ||
            (f.type === 'array' && f.items?.format === 'user'));
        if (!f)
          issues.push({
            path: ['nodes', i, 'assignee', 'field'],
            node: n.id,
            message: `${nodeLabel(n)}：处理人引用了未知字段“${a.field}”`,
          });
        else if (!ok)
          issues.push({
            path: ['nodes', i, 'assignee', 'field'],
            node: n.id,
            message: `${nodeLabel(n)}：处理人字段“${a.field}”须为人员（format: user）或部门（format: department）`,
          });
      }
    }
    if (
      n.type === 'countersign' &&
      n.pass.rule === 'count' &&
      n.assignee.kind === 'users' &&
      n.pass.value > n.assignee.userIds.length
    )
      issues.push({
        path: ['nodes', i, 'pass', 'value'],
        node: n.id,
        message: `${nodeLabel(n)}：通过人数${n.pass.value}多于会签人数${n.assignee.userIds.length}`,
      });
    if (
      n.type === 'countersign' &&
      ['previous', 'starter', 'superior', 'supervisingLeader', 'user', 'departmentHead'].includes(
        n.assignee.kind,
      )
    )
      issues.push({
        path: ['nodes', i, 'assignee'],
        node: n.id,
        message: `${nodeLabel(n)}：会签须有多人（指定多人、角色或人员列表字段）`,
      });
  });
  if (def.starters?.kind === 'role' && !roles.has(def.starters.role))
    issues.push({ path: ['starters', 'role'], message: `发起人：未知角色“${def.starters.role}”` });

  // edges
  const out = new Map<string, typeof def.edges>();
  const into = new Map<string, string[]>();
  def.edges.forEach((e, i) => {
    let bad = false;
    for (const end of ['from', 'to'] as const) {
      if (!nodes.has(e[end])) {
        issues.push({
          path: ['edges', i, end],
          edge: e.id,
          message: `${edgeLabel(e)}：${end === 'from' ? '起点' : '终点'}“${e[end]}”不存在`,
        });
        bad = true;
      }
    }
    if (bad) return;
    const from = nodes.get(e.from)!;
    const to = nodes.get(e.to)!;
    if (from.type === 'end')
      issues.push({
        path: ['edges', i, 'from'],
        edge: e.id,
        message: `${edgeLabel(e)}：结束节点“${from.name}”不能再有出口`,
      });
    if (to.type === 'start')
      issues.push({
        path: ['edges', i, 'to'],
        edge: e.id,
        message: `${edgeLabel(e)}：不能连回开始节点（请用“退回”）`,
      });
    if (e.from === e.to)
      issues.push({ path: ['edges', i], edge: e.id, message: `${edgeLabel(e)}：不能连回同一节点` });
    if (e.condition !== undefined) {
      try {
        compileExpression(e.condition, fieldTypes);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        issues.push({
          path: ['edges', i, 'condition'],
          edge: e.id,
          message: `${edgeLabel(e)}的条件有误：${err.message}（第${err.pos + 1}个字符）`,
        });
      }
    }
    out.set(e.from, [...(out.get(e.from) ?? []), e]);
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  });

  // branches: a node with a condition needs exactly one default (unconditional) edge
  for (const n of def.nodes) {
    const edges = out.get(n.id) ?? [];
    if (n.type === 'end') continue;
    if (edges.length === 0) {
      issues.push({ path: ['nodes'], node: n.id, message: `${nodeLabel(n)}没有出口连线` });
      continue;
    }
    const defaults = edges.filter((e) => e.condition === undefined);
    if (edges.length > 1 && defaults.length !== 1)
      issues.push({
        path: ['nodes'],
        node: n.id,
        message:
          defaults.length === 0
            ? `${nodeLabel(n)}的分支缺少默认连线（不带条件的一条，其余条件都不成立时走它）`
            : `${nodeLabel(n)}有${defaults.length}条不带条件的连线，只能有一条默认连线：${defaults.map((e) => e.id).join('、')}`,
      });
    if (edges.length === 1 && edges[0]!.condition !== undefined)
      issues.push({
        path: ['nodes'],
        node: n.id,
        edge: edges[0]!.id,
        message: `${nodeLabel(n)}只有一条出口，${edgeLabel(edges[0]!)}不能带条件`,
      });
  }

  // reachability and ways out (only when the graph's endpoints are sound)
  const start = starts[0];
  if (start && issues.length === 0) {
    const succ = (id: string) => (out.get(id) ?? []).map((e) => e.to);
    const reached = new Set([start.id]);
    const todo = [start.id];
    while (todo.length > 0)
      for (const s of succ(todo.pop()!)) {
        if (reached.has(s)) continue;
        reached.add(s);
        todo.push(s);
      }
    for (const n of def.nodes)
      if (!reached.has(n.id))
        issues.push({ path: ['nodes'], node: n.id, message: `${nodeLabel(n)}无法从开始节点到达` });
    const toEnd = new Set(def.nodes.filter((n) => n.type === 'end').map((n) => n.id));
    const back = [...toEnd];
    while (back.length > 0)
      for (const p of into.get(back.pop()!) ?? []) {
        if (toEnd.has(p)) continue;
        toEnd.add(p);
        back.push(p);
      }
    const sccs = stronglyConnected(
      def.nodes.map((n) => n.id),
      succ,
    );
    const reported = new Set<string>();
    for (const comp of sccs) {
      const cyclic = comp.length > 1;
      if (!cyclic) continue;
      const names = comp.map((id) => `“${nodes.get(id)!.name}”`).join('、');
      if (!comp.some((id) => toEnd.has(id))) {
        issues.push({
          path: ['nodes'],
          node: comp[0]!,
          message: `节点${names}构成的循环没有出口，无法到达结束节点`,
        });
        for (const id of comp) reported.add(id);
      } else if (comp.every((id) => nodes.get(id)!.type === 'cc')) {
        issues.push({
          path: ['nodes'],
          node: comp[0]!,
          message: `抄送节点${names}构成的循环无人办理，会无限循环`,
        });
      }
    }
    for (const n of def.nodes)
      if (reached.has(n.id) && !toEnd.has(n.id) && !reported.has(n.id))
        issues.push({ path: ['nodes'], node: n.id, message: `${nodeLabel(n)}无法到达结束节点` });
  }
  return issues.length === 0 ? { ok: true, definition: def, issues: [] } : { ok: false, issues };
}

/** Tarjan's strongly connected components (iterative), each as a list of node ids. */
function stronglyConnected(ids: string[], succ: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; children: string[]; i: number }> = [];
    const visit = (id: string) => {
      index.set(id, next);
      low.set(id, next++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: succ(id), i: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const top = work.at(-1)!;
      if (top.i < top.children.length) {
        const c = top.children[top.i++]!;
        if (!index.has(c)) visit(c);
        else if (onStack.has(c)) low.set(top.id, Math.min(low.get(top.id)!, index.get(c)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === index.get(top.id)) {
        const comp: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          comp.push(x);
        } while (x !== top.id);
        out.push(comp.reverse());
      }
    }
  }
  return out;
}

/** Validates and returns the definition, or throws ValidationFailed whose issues name each fault. */
export function parseFlowDefinition(
  input: FlowDefinitionInput | unknown,
  options: FlowValidationOptions = {},
): FlowDefinition {
  const r = validateFlowDefinition(input, options);
  if (r.ok) return r.definition;
  throw new ValidationFailed(`流程定义有误：${r.issues.map((i) => i.message).join('；')}`, {
    issues: r.issues.map((i) => ({
      path: i.path.map(String),
      message: i.message,
      node: i.node,
      edge: i.edge,
    })),
  });
}
