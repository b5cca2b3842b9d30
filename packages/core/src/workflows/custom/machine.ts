import { type AnyStateMachine, assign, cancel, emit, enqueueActions, setup } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import { compileExpression, type Expr, evaluate } from './expression.ts';
import { expressionFields } from './form.ts';
import type { AssigneeSpec, FlowDefinition, FlowEdge, FlowNode, UserNode } from './format.ts';

/** The timer id of a node's deadline 催办. */
export const DEADLINE_TIMER_ID = 'flow-deadline';

/** Organisation facts resolved when the starter 提交 (the machine stays pure). */
export interface ResolvedOrg {
  /** Users each node's rule named at 提交, by node id (for rules that need the directory, and for notices). */
  assignees: Record<string, string[]>;
}

/** One entry in a queue of handlers of an 审批/办理 node. */
export interface QueueEntry {
  /** A named user, or null for the node's own assignee rule. */
  user: string | null;
  /** Why this entry is there: the node's rule, 加签 (before/after) or 转办. */
  via: 'rule' | 'addBefore' | 'addAfter' | 'transfer';
}

/** The node a case is at, and what has happened there in this visit. */
export interface NodeRun {
  node: string;
  /** Increases with every node entry, so task keys are fresh on every visit. */
  visit: number;
  enteredAt: string;
  /** The principal who sent the case here (may 撤回 until someone here acts), and from which node. */
  sentBy: string | null;
  sentFrom: string | null;
  /** Actions taken at this node in this visit. */
  acted: number;
  /** 审批/办理: handlers still to act, the head first; bumps `step` on every change. */
  queue: QueueEntry[];
  step: number;
  /** 会签: the members, their votes, and whether the node passed or failed. */
  members: string[];
  votes: Record<string, 'agree' | 'disagree'>;
  done: boolean;
  failed: boolean;
}

/** One decision recorded in the case. */
export interface FlowDecision {
  node: string;
  visit: number;
  action: string;
  /** The principal (the person the step counts for). */
  by: string;
  actorId: string;
  onBehalfOf: string | null;
  opinion: string | null;
  at: string;
}

/** A read-only task of a 抄送/知会 node. */
export interface FlowRead {
  node: string;
  visit: number;
  user: string;
  readAt: string | null;
}

/** The machine context of a custom-flow case. */
export interface CustomFlowContext {
  starter: string;
  startedAt: string;
  form: Record<string, unknown>;
  org: ResolvedOrg | null;
  /** The current node id (the end node once finished). */
  node: string;
  visit: number;
  current: NodeRun;
  /** User nodes visited, in order, up to the current one (退回 goes back along it). */
  path: Array<{ node: string; visit: number }>;
  /** The principal who completed the last node (the 上一环节处理人). */
  lastHandler: string | null;
  /** Who sent the case on and from where, until the next user node takes it. */
  sent: { by: string; from: string } | null;
  /** Where a 退回 or 撤回 goes (routing only). */
  goto: string | null;
  reads: FlowRead[];
  reminders: number;
  decisions: FlowDecision[];
  outcome: 'approved' | 'rejected' | 'done' | null;
  finishedAt: string | null;
}

type Meta = { meta: EventMeta };
/** Events of a custom-flow machine (payloads as validated by the workflow's schemas). */
export type CustomFlowEvent =
  | ({
      type: 'SUBMIT';
      form?: Record<string, unknown>;
      opinion?: string;
      $org?: ResolvedOrg;
    } & Meta)
  | ({ type: 'APPROVE'; form?: Record<string, unknown>; opinion?: string } & Meta)
  | ({ type: 'RETURN'; opinion: string; to?: string } & Meta)
  | ({ type: 'REJECT'; opinion: string } & Meta)
  | ({ type: 'TRANSFER'; to: string; opinion?: string } & Meta)
  | ({ type: 'ADD_SIGN'; users: string[]; position: 'before' | 'after'; opinion?: string } & Meta)
  | ({ type: 'WITHDRAW'; opinion?: string } & Meta)
  | ({ type: 'REMIND'; note?: string } & Meta)
  | ({ type: 'READ'; opinion?: string } & Meta)
  | ({ type: 'DEADLINE'; node: string; visit: number } & Meta);

/** The machine input: the start payload plus the engine's meta. */
export interface CustomFlowInput {
  form: Record<string, unknown>;
  meta: EventMeta;
}

const principalOf = (meta: EventMeta) => meta.onBehalfOf ?? meta.actorId;

/** State name of a node. */
export const stateOf = (nodeId: string) => `n_${nodeId}`;
/** Final state name of an end node. */
export const finalStateOf = (nodeId: string) => `f_${nodeId}`;
/** The final state of a 驳回. */
export const REJECTED_STATE = '$rejected';

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
function membersOf(node: UserNode, ctx: CustomFlowContext): string[] {
  const a = node.assignee;
  if (a.kind === 'users') return [...a.userIds];
  if (a.kind === 'field') {
    const v = ctx.form[a.field];
    return Array.isArray(v) ? [...new Set(v.map(String))] : typeof v === 'string' && v ? [v] : [];
  }
  return [...(ctx.org?.assignees[node.id] ?? [])];
}

/** Options of `createCustomFlowMachine`. */
export interface CustomFlowMachineOptions {
  /** Deadlines count working days on it. */
  calendar: WorkingCalendar;
}

/** Compiled condition of each edge, by edge id. */
function compileEdges(def: FlowDefinition): Map<string, Expr | null> {
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

/** Builds the XState machine of a validated flow definition. Pure: times come from `meta.at`. */
export function createCustomFlowMachine(
  def: FlowDefinition,
  options: CustomFlowMachineOptions,
): AnyStateMachine {
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

  const machine = setup({
    types: {} as {
      context: CustomFlowContext;
      events: CustomFlowEvent;
      input: CustomFlowInput;
      emitted: {
        type: 'notify';
        to: string[];
        title: string;
        body: string;
        channel: 'inApp' | 'sms' | 'mail';
      };
    },
    guards: {
      isStarter: ({ context, event }) => principalOf(event.meta) === context.starter,
      canAct: ({ context, event }) => !context.current.done && viaCurrentTask(context, event.meta),
      canReturn: ({ context, event }) =>
        !context.current.done && viaCurrentTask(context, event.meta) && context.path.length >= 2,
      canWithdraw: ({ context, event }) =>
        context.current.acted === 0 &&
        context.current.sentBy !== null &&
        context.current.sentFrom !== null &&
        principalOf(event.meta) === context.current.sentBy,
      canRemind: ({ context }) =>
        context.outcome === null && nodes.get(context.current.node)?.type !== 'start',
      failed: ({ context }) => context.current.failed,
      isCurrentDeadline: ({ context, event }) =>
        event.type === 'DEADLINE' &&
        event.node === context.current.node &&
        event.visit === context.current.visit,
      hasUnreadFor: ({ context, event }) => {
        const who = principalOf(event.meta);
        if (event.meta.taskKeys !== undefined && event.meta.taskKeys.length > 0) {
          return context.reads.some(
            (r) => r.readAt === null && event.meta.taskKeys!.includes(readTaskKey(r)),
          );
        }
        return context.reads.some(
          (r) => r.readAt === null && (event.meta.taskKeys === undefined || r.user === who),
        );
      },
      allRead: ({ context }) => context.reads.every((r) => r.readAt !== null),
      leave: ({ context }, params: { edge: string }) => {
        if (!context.current.done) return false;
        const cond = conditions.get(params.edge);
        return cond === null || cond === undefined ? true : evaluate(cond, context.form);
      },
      gotoIs: ({ context }, params: { node: string }) => context.goto === params.node,
      leaveCc: ({ context }, params: { edge: string }) => {
        const cond = conditions.get(params.edge);
        return cond === null || cond === undefined ? true : evaluate(cond, context.form);
      },
    },
    actions: {
      enter: assign(({ context, event }, params: { node: string }) =>
        enterNode(
          context,
          params.node,
          (event as { meta?: EventMeta }).meta?.at ?? context.startedAt,
        ),
      ),
      scheduleDeadline: enqueueActions(({ context, event, enqueue }) => {
        const n = nodes.get(context.current.node);
        if (!n || !('deadline' in n) || !n.deadline) return;
        const now = new Date(event.meta.at);
        const days = event.type === 'DEADLINE' ? n.deadline.remindEvery : n.deadline.workingDays;
        if (days === undefined) return;
        const delay = Math.max(0, calendar.addWorkingDays(now, days).getTime() - now.getTime());
        enqueue.raise(
          {
            type: 'DEADLINE',
            node: context.current.node,
            visit: context.current.visit,
          } as CustomFlowEvent,
          { id: DEADLINE_TIMER_ID, delay },
        );
      }),
      /** 提交 at the start node: the form, the organisation facts, and the node is done. */
      submit: assign(({ context, event }) => {
        if (event.type !== 'SUBMIT') return {};
        return {
          form: { ...context.form, ...(event.form ?? {}) },
          org: event.$org ?? context.org,
          current: { ...context.current, done: true, acted: context.current.acted + 1 },
          decisions: [...context.decisions, decision(context, event, 'SUBMIT', opinionOf(event))],
        };
      }),
      approve: assign(({ context, event }) => {
        if (event.type !== 'APPROVE') return {};
        const n = nodes.get(context.current.node)!;
        const form = { ...context.form, ...(event.form ?? {}) };
        const run = { ...context.current, acted: context.current.acted + 1 };
        if (n.type === 'countersign') {
          run.votes = { ...run.votes, [memberOf(context, event.meta)]: 'agree' };
          const agree = Object.values(run.votes).filter((v) => v === 'agree').length;
          run.done = agree >= neededVotes(n, run.members.length);
        } else {
          run.queue = run.queue.slice(1);
          run.step = run.step + 1;
          run.done = run.queue.length === 0;
        }
        return {
          form,
          current: run,
          decisions: [...context.decisions, decision(context, event, 'APPROVE', opinionOf(event))],
        };
      }),
      /** 驳回 at 审批/办理 ends the case; at 会签 it is a vote against. */
      reject: assign(({ context, event }) => {
        if (event.type !== 'REJECT') return {};
        const n = nodes.get(context.current.node)!;
        const run = { ...context.current, acted: context.current.acted + 1 };
        if (n.type === 'countersign') {
          run.votes = { ...run.votes, [memberOf(context, event.meta)]: 'disagree' };
          const agree = Object.values(run.votes).filter((v) => v === 'agree').length;
          const open = run.members.filter((m) => !run.votes[m]).length;
          run.failed = agree + open < neededVotes(n, run.members.length);
          run.done = !run.failed && agree >= neededVotes(n, run.members.length);
        } else run.failed = true;
        return {
          current: run,
          decisions: [...context.decisions, decision(context, event, 'REJECT', event.opinion)],
        };
      }),
      markRejected: assign(({ event }) => ({
        outcome: 'rejected' as const,
        finishedAt: event.meta.at,
      })),
      recordReturn: assign(({ context, event }) => {
        if (event.type !== 'RETURN') return {};
        const earlier = context.path.slice(0, -1);
        const to = event.to ?? earlier.at(-1)!.node;
        return {
          goto: to,
          sent: null,
          decisions: [...context.decisions, decision(context, event, 'RETURN', event.opinion)],
        };
      }),
      recordWithdraw: assign(({ context, event }) => ({
        goto: context.current.sentFrom,
        sent: null,
        decisions: [
          ...context.decisions,
          {
            ...decision(context, event, 'WITHDRAW', opinionOf(event)),
            node: context.current.sentFrom!,
          },
        ],
      })),
      transfer: assign(({ context, event }) => {
        if (event.type !== 'TRANSFER') return {};
        const run = {
          ...context.current,
          queue: [{ user: event.to, via: 'transfer' as const }, ...context.current.queue.slice(1)],
          step: context.current.step + 1,
        };
        return {
          current: run,
          decisions: [...context.decisions, decision(context, event, 'TRANSFER', opinionOf(event))],
        };
      }),
      addSign: assign(({ context, event }) => {
        if (event.type !== 'ADD_SIGN') return {};
        const [head, ...rest] = context.current.queue;
        const who = principalOf(event.meta);
        // The step comes back to the person who asked (not to every holder of a role rule).
        const me: QueueEntry = { user: who, via: head?.via ?? 'rule' };
        const added = event.users.map((u) => ({
          user: u,
          via: event.position === 'before' ? ('addBefore' as const) : ('addAfter' as const),
        }));
        // 前加签: the added people act first, then the case comes back; 后加签: after this handler.
        const queue =
          event.position === 'before' ? [...added, me, ...rest] : [me, ...added, ...rest];
        return {
          current: { ...context.current, queue, step: context.current.step + 1 },
          decisions: [...context.decisions, decision(context, event, 'ADD_SIGN', opinionOf(event))],
        };
      }),
      /** A user node is done: remember who sent it on and from where (for 撤回 and 上一环节处理人). */
      leaveNode: assign(({ context, event }) => ({
        lastHandler: principalOf(event.meta),
        sent: { by: principalOf(event.meta), from: context.current.node },
      })),
      /** A 抄送 node: read tasks for its readers, resolved at 提交 or from the rule. */
      copy: assign(({ context }, params: { node: string }) => {
        const n = nodes.get(params.node) as Extract<FlowNode, { type: 'cc' }>;
        const visit = context.visit + 1;
        const r = ruleOf(def, n.assignee, n.id, context);
        const users =
          'user' in r
            ? [r.user]
            : 'users' in r
              ? [...r.users]
              : [...(context.org?.assignees[n.id] ?? [])];
        return {
          visit,
          reads: [
            ...context.reads,
            ...[...new Set(users)].map((user) => ({ node: n.id, visit, user, readAt: null })),
          ],
        };
      }),
      notifyCopy: emit(({ context }, params: { node: string }) => {
        const n = nodes.get(params.node)!;
        const to = context.reads
          .filter((r) => r.node === params.node && r.readAt === null)
          .map((r) => r.user);
        return {
          type: 'notify' as const,
          to: [...new Set(to)],
          title: `知会：${def.title}`,
          body: `${n.name}：请查阅“${def.title}”办件。`,
          channel: 'inApp' as const,
        };
      }),
      markRead: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const keys = event.meta.taskKeys ?? [];
        const target =
          context.reads.find((r) => r.readAt === null && keys.includes(readTaskKey(r))) ??
          context.reads.find((r) => r.readAt === null && r.user === who);
        if (!target) return {};
        return {
          reads: context.reads.map((r) => (r === target ? { ...r, readAt: event.meta.at } : r)),
        };
      }),
      finish: assign(({ event }, params: { node: string }) => {
        const n = nodes.get(params.node) as Extract<FlowNode, { type: 'end' }>;
        return { node: n.id, outcome: n.outcome, finishedAt: event.meta.at };
      }),
      countReminder: assign(({ context }) => ({ reminders: context.reminders + 1 })),
      notifyReminder: emit(({ context, event }) => ({
        type: 'notify' as const,
        to: holders(context),
        title: `催办：${def.title}`,
        body:
          event.type === 'REMIND' && event.note
            ? event.note
            : `“${nodes.get(context.current.node)?.name ?? ''}”环节${event.type === 'DEADLINE' ? '已超过办理时限' : '有待办事项'}，请抓紧办理。`,
        channel: 'inApp' as const,
      })),
      notifyStarter: emit(({ context, event }) => ({
        type: 'notify' as const,
        to: [context.starter],
        title:
          event.type === 'RETURN'
            ? `${def.title}被退回`
            : context.outcome === 'rejected' || event.type === 'REJECT'
              ? `${def.title}未获同意`
              : `${def.title}已办结`,
        body:
          opinionOf(event) ??
          `您发起的“${def.title}”${context.outcome === 'rejected' ? '未获同意' : '已办结'}。`,
        channel: 'inApp' as const,
      })),
    },
  });

  // --- the states, one per node ---
  const states: Record<string, unknown> = {};
  const route = (nodeId: string) =>
    outgoing(def, nodeId).map((e) => ({
      guard: { type: 'leave', params: { edge: e.id } },
      target: stateOf(e.to),
      actions: nodes.get(nodeId)!.type === 'cc' ? [] : [{ type: 'leaveNode' }],
    }));
  const common = {
    REMIND: { guard: 'canRemind', actions: ['countReminder', 'notifyReminder'] },
    WITHDRAW: { guard: 'canWithdraw', target: '$goto', actions: 'recordWithdraw' },
  };
  for (const n of def.nodes) {
    const deadline = 'deadline' in n && n.deadline !== undefined;
    const entry = [
      { type: 'enter', params: { node: n.id } },
      ...(deadline ? [{ type: 'scheduleDeadline' }] : []),
    ];
    const exit = deadline ? [cancel(DEADLINE_TIMER_ID)] : [];
    const timers = deadline
      ? {
          DEADLINE: {
            guard: 'isCurrentDeadline',
            actions: ['countReminder', 'notifyReminder', 'scheduleDeadline'],
          },
        }
      : {};
    switch (n.type) {
      case 'start':
        states[stateOf(n.id)] = {
          entry,
          on: { SUBMIT: { guard: 'isStarter', actions: 'submit' } },
          always: route(n.id),
        };
        break;
      case 'approve':
      case 'handle':
      case 'countersign':
        states[stateOf(n.id)] = {
          entry,
          exit,
          on: {
            ...common,
            ...timers,
            APPROVE: { guard: 'canAct', actions: 'approve' },
            REJECT: { guard: 'canAct', actions: 'reject' },
            RETURN: {
              guard: 'canReturn',
              target: '$goto',
              actions: ['recordReturn', 'notifyStarter'],
            },
            ...(n.type === 'countersign'
              ? {}
              : { TRANSFER: { guard: 'canAct', actions: 'transfer' } }),
            ...(n.type === 'countersign'
              ? {}
              : { ADD_SIGN: { guard: 'canAct', actions: 'addSign' } }),
          },
          always: [
            { guard: 'failed', target: REJECTED_STATE, actions: ['markRejected', 'notifyStarter'] },
            ...route(n.id),
          ],
        };
        break;
      case 'cc':
        states[stateOf(n.id)] = {
          entry: [
            { type: 'copy', params: { node: n.id } },
            { type: 'notifyCopy', params: { node: n.id } },
          ],
          always: outgoing(def, n.id).map((e) => ({
            guard: { type: 'leaveCc', params: { edge: e.id } },
            target: stateOf(e.to),
          })),
        };
        break;
      case 'end':
        states[stateOf(n.id)] = {
          entry: [{ type: 'finish', params: { node: n.id } }, { type: 'notifyStarter' }],
          always: { guard: 'allRead', target: finalStateOf(n.id) },
        };
        states[finalStateOf(n.id)] = { type: 'final' };
        break;
    }
  }
  states.$goto = {
    always: def.nodes
      .filter((n) => n.type !== 'end' && n.type !== 'cc')
      .map((n) => ({ guard: { type: 'gotoIs', params: { node: n.id } }, target: stateOf(n.id) })),
  };
  states[REJECTED_STATE] = { type: 'final' };

  const built = machine.createMachine({
    id: `flow-${def.key}`,
    context: ({ input }) => {
      const run: NodeRun = {
        node: start.id,
        visit: 0,
        enteredAt: input.meta.at,
        sentBy: null,
        sentFrom: null,
        acted: 0,
        queue: [],
        step: 0,
        members: [],
        votes: {},
        done: false,
        failed: false,
      };
      return {
        starter: input.meta.actorId,
        startedAt: input.meta.at,
        form: { ...input.form },
        org: null,
        node: start.id,
        visit: 0,
        current: run,
        path: [],
        lastHandler: null,
        sent: null,
        goto: null,
        reads: [],
        reminders: 0,
        decisions: [],
        outcome: null,
        finishedAt: null,
      };
    },
    initial: stateOf(start.id),
    on: {
      READ: { guard: 'hasUnreadFor', actions: 'markRead' },
    },
    states: states as never,
  });
  return built as unknown as AnyStateMachine;
}

/** Task key of a 抄送 read. */
export function readTaskKey(r: Pick<FlowRead, 'node' | 'visit' | 'user'>): string {
  return `cc:${r.node}:${r.visit}:${r.user}`;
}

/** The machine type of a custom flow. */
export type CustomFlowMachine = AnyStateMachine;

/** The 审批/办理/会签 node of that id, or null. */
export function userNodeOf(def: FlowDefinition, id: string): UserNode | null {
  const n = def.nodes.find((x) => x.id === id);
  return n && (n.type === 'approve' || n.type === 'handle' || n.type === 'countersign') ? n : null;
}
