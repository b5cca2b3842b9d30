import type { EventMeta } from '../../workflow/definition.ts';
import { principalOf } from '../shared/event-payload.ts';
import type {
  CustomFlowContext,
  CustomFlowEvent,
  CustomFlowMachineOptions,
  FlowDecision,
  NodeRun,
} from './context.ts';
import { compileEdges, membersOf, pendingMembers, ruleOf } from './context-queries.ts';
import type { FlowDefinition } from './format.ts';

/** What a custom flow's guards and actions share: the definition indexed and the helpers over it. */
export function customFlowMachineSupport(def: FlowDefinition, options: CustomFlowMachineOptions) {
  const { calendar } = options;
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  const conditions = compileEdges(def);
  const start = def.nodes.find((n) => n.type === 'start')!;

  /** Task keys of the current run through which the actor may act (undefined in `can`). */
  const viaCurrentTask = (ctx: CustomFlowContext, meta: EventMeta) => {
    if (meta.taskKeys === undefined) return true;
    const prefix = `n:${ctx.current.node}:${ctx.current.visit}:${ctx.current.step}`;
    return meta.taskKeys.some((k) => k === prefix || k.startsWith(`${prefix}:`));
  };
  /** The 会签 member the actor votes as (from the task they act through). */
  const memberOf = (ctx: CustomFlowContext, meta: EventMeta): string => {
    const prefix = `n:${ctx.current.node}:${ctx.current.visit}:${ctx.current.step}:`;
    const key = meta.taskKeys?.find((k) => k.startsWith(prefix));
    return key ? key.slice(prefix.length) : principalOf(meta);
  };
  const decision = (
    ctx: CustomFlowContext,
    e: CustomFlowEvent,
    action: string,
    opinion?: string | null,
  ): FlowDecision => ({
    node: ctx.current.node,
    visit: ctx.current.visit,
    action,
    by: principalOf(e.meta),
    actorId: e.meta.actorId,
    onBehalfOf: e.meta.onBehalfOf,
    opinion: opinion ?? null,
    at: e.meta.at,
  });
  const opinionOf = (e: CustomFlowEvent) =>
    'opinion' in e && typeof e.opinion === 'string' && e.opinion !== '' ? e.opinion : null;
  /** Who holds the current node now, as far as the machine knows (for notices). */
  const holders = (ctx: CustomFlowContext): string[] => {
    const n = nodes.get(ctx.current.node);
    if (!n) return [];
    if (n.type === 'start') return [ctx.starter];
    if (n.type === 'countersign') return pendingMembers(n, ctx.current);
    if (n.type === 'approve' || n.type === 'handle') {
      const head = ctx.current.queue[0];
      if (head?.user) return [head.user];
      const r = ruleOf(def, n.assignee, n.id, ctx);
      if ('user' in r) return [r.user];
      if ('users' in r) return [...r.users];
      if ('starter' in r) return [ctx.starter];
      return [...(ctx.org?.assignees[n.id] ?? [])];
    }
    return [];
  };

  const enterNode = (
    ctx: CustomFlowContext,
    nodeId: string,
    at: string,
  ): Partial<CustomFlowContext> => {
    const n = nodes.get(nodeId)!;
    const visit = ctx.visit + 1;
    const run: NodeRun = {
      node: nodeId,
      visit,
      enteredAt: at,
      sentBy: ctx.sent?.by ?? null,
      sentFrom: ctx.sent?.from ?? null,
      acted: 0,
      queue: n.type === 'approve' || n.type === 'handle' ? [{ user: null, via: 'rule' }] : [],
      step: 0,
      members: n.type === 'countersign' ? membersOf(n, ctx) : [],
      votes: {},
      done: false,
      failed: false,
    };
    const cut = ctx.path.findIndex((p) => p.node === nodeId);
    const path = cut >= 0 ? ctx.path.slice(0, cut) : ctx.path;
    return {
      node: nodeId,
      visit,
      current: run,
      sent: null,
      goto: null,
      path: [...path, { node: nodeId, visit }],
    };
  };
  return {
    def,
    calendar,
    nodes,
    conditions,
    start,
    viaCurrentTask,
    memberOf,
    decision,
    opinionOf,
    holders,
    enterNode,
  };
}

/** The shared helpers of a custom-flow machine. */
export type CustomFlowMachineSupport = ReturnType<typeof customFlowMachineSupport>;
