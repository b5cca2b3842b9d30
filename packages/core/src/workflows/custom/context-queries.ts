import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { CustomFlowContext, FlowRead, NodeRun } from './context.ts';
import { compileExpression, type Expr } from './expression.ts';
import { expressionFields } from './form.ts';
import type { AssigneeSpec, FlowDefinition, FlowEdge, FlowNode, UserNode } from './format.ts';

/** Task key of an 审批/办理 node's head of queue, or of a 会签 member. */
export function nodeTaskKey(
  run: Pick<NodeRun, 'node' | 'visit' | 'step'>,
  member?: string,
): string {
  return member === undefined
    ? `n:${run.node}:${run.visit}:${run.step}`
    : `n:${run.node}:${run.visit}:${run.step}:${member}`;
}

/** The 会签 members still to vote now (the next one in sequence, or every one left in parallel). */
export function pendingMembers(
  node: Extract<FlowNode, { type: 'countersign' }>,
  run: NodeRun,
): string[] {
  const left = run.members.filter((m) => !run.votes[m]);
  return node.mode === 'sequential' ? left.slice(0, 1) : left;
}

/** Agreements a 会签 needs to pass. */
export function neededVotes(
  node: Extract<FlowNode, { type: 'countersign' }>,
  members: number,
): number {
  switch (node.pass.rule) {
    case 'all':
      return members;
    case 'any':
      return Math.min(1, members);
    case 'percent':
      return Math.ceil((members * node.pass.value) / 100);
    case 'count':
      return Math.min(node.pass.value, members);
  }
}

/** The assignee rule of a spec, pure, from the case's context (users resolved at 提交 where the rule needs the directory). */
export function ruleOf(
  def: Pick<FlowDefinition, 'form'>,
  spec: AssigneeSpec,
  nodeId: string,
  ctx: CustomFlowContext,
): AssigneeRule {
  const snap = ctx.org?.assignees[nodeId] ?? [];
  switch (spec.kind) {
    case 'user':
      return { user: spec.userId };
    case 'users':
      return { users: spec.userIds };
    case 'role':
      return spec.departmentId === undefined
        ? { role: spec.role }
        : { role: spec.role, department: spec.departmentId };
    case 'departmentHead':
      return spec.departmentId === undefined ? { users: snap } : { headOf: spec.departmentId };
    case 'superior':
    case 'supervisingLeader':
      return { users: snap };
    case 'field': {
      const v = ctx.form[spec.field];
      if (Array.isArray(v)) return { users: v.map(String) };
      if (typeof v !== 'string' || v === '') return { users: [] };
      return def.form.schema.properties[spec.field]?.format === 'department'
        ? { headOf: v }
        : { user: v };
    }
    case 'previous':
      return { user: ctx.lastHandler ?? ctx.starter };
    case 'starter':
      return { starter: true };
  }
}

/** The 会签 members at node entry (explicit users, the role holders resolved at 提交, or a user-list field). */
export function membersOf(node: UserNode, ctx: CustomFlowContext): string[] {
  const a = node.assignee;
  if (a.kind === 'users') return [...a.userIds];
  if (a.kind === 'field') {
    const v = ctx.form[a.field];
    return Array.isArray(v) ? [...new Set(v.map(String))] : typeof v === 'string' && v ? [v] : [];
  }
  return [...(ctx.org?.assignees[node.id] ?? [])];
}

/** Compiled condition of each edge, by edge id. */
export function compileEdges(def: FlowDefinition): Map<string, Expr | null> {
  const fields = expressionFields(def);
  return new Map(
    def.edges.map((e) => [
      e.id,
      e.condition === undefined ? null : compileExpression(e.condition, fields),
    ]),
  );
}

/** Outgoing edges of a node, conditional ones first (in definition order), the default last. */
export function outgoing(def: FlowDefinition, nodeId: string): FlowEdge[] {
  const edges = def.edges.filter((e) => e.from === nodeId);
  return [
    ...edges.filter((e) => e.condition !== undefined),
    ...edges.filter((e) => e.condition === undefined),
  ];
}

/** Task key of a 抄送 read. */
export function readTaskKey(r: Pick<FlowRead, 'node' | 'visit' | 'user'>): string {
  return `cc:${r.node}:${r.visit}:${r.user}`;
}

/** The 审批/办理/会签 node of that id, or null. */
export function userNodeOf(def: FlowDefinition, id: string): UserNode | null {
  const n = def.nodes.find((x) => x.id === id);
  return n && (n.type === 'approve' || n.type === 'handle' || n.type === 'countersign') ? n : null;
}
