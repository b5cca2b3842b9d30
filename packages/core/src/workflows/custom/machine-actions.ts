import { emit } from 'xstate';
import type { EventMeta } from '../../workflow/definition.ts';
import { principalOf } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import {
  type CustomFlowContext,
  type CustomFlowEvent,
  type CustomFlowNotify,
  DEADLINE_TIMER_ID,
  type QueueEntry,
} from './context.ts';
import { neededVotes, readTaskKey, ruleOf } from './context-queries.ts';
import type { FlowNode } from './format.ts';
import type { CustomFlowMachineSupport } from './machine-support.ts';

const {
  update,
  emit: notice,
  enqueue: enqueueTimer,
} = actionBuilders<CustomFlowContext, CustomFlowEvent, CustomFlowNotify>();

/** The actions of a custom-flow machine. */
export function createCustomFlowActions(support: CustomFlowMachineSupport) {
  const { def, calendar, nodes, memberOf, decision, opinionOf, holders, enterNode } = support;
  return {
    enter: update(({ context, event }, params: { node: string }) =>
      enterNode(
        context,
        params.node,
        (event as { meta?: EventMeta }).meta?.at ?? context.startedAt,
      ),
    ),
    scheduleDeadline: enqueueTimer(({ context, event, enqueue }) => {
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
    submit: update(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      return {
        form: { ...context.form, ...(event.form ?? {}) },
        org: event.$org ?? context.org,
        current: { ...context.current, done: true, acted: context.current.acted + 1 },
        decisions: [...context.decisions, decision(context, event, 'SUBMIT', opinionOf(event))],
      };
    }),
    approve: update(({ context, event }) => {
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
    reject: update(({ context, event }) => {
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
    markRejected: update(({ event }) => ({
      outcome: 'rejected' as const,
      finishedAt: event.meta.at,
    })),
    recordReturn: update(({ context, event }) => {
      if (event.type !== 'RETURN') return {};
      const earlier = context.path.slice(0, -1);
      const to = event.to ?? earlier.at(-1)!.node;
      return {
        goto: to,
        sent: null,
        decisions: [...context.decisions, decision(context, event, 'RETURN', event.opinion)],
      };
    }),
    recordWithdraw: update(({ context, event }) => ({
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
    transfer: update(({ context, event }) => {
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
    addSign: update(({ context, event }) => {
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
      const queue = event.position === 'before' ? [...added, me, ...rest] : [me, ...added, ...rest];
      return {
        current: { ...context.current, queue, step: context.current.step + 1 },
        decisions: [...context.decisions, decision(context, event, 'ADD_SIGN', opinionOf(event))],
      };
    }),
    /** A user node is done: remember who sent it on and from where (for 撤回 and 上一环节处理人). */
    leaveNode: update(({ context, event }) => ({
      lastHandler: principalOf(event.meta),
      sent: { by: principalOf(event.meta), from: context.current.node },
    })),
    /** A 抄送 node: read tasks for its readers, resolved at 提交 or from the rule. */
    copy: update(({ context }, params: { node: string }) => {
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
    notifyCopy: emit<
      CustomFlowContext,
      CustomFlowEvent,
      { node: string },
      CustomFlowEvent,
      CustomFlowNotify
    >(({ context }, params) => {
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
    markRead: update(({ context, event }) => {
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
    finish: update(({ event }, params: { node: string }) => {
      const n = nodes.get(params.node) as Extract<FlowNode, { type: 'end' }>;
      return { node: n.id, outcome: n.outcome, finishedAt: event.meta.at };
    }),
    countReminder: update(({ context }) => ({ reminders: context.reminders + 1 })),
    notifyReminder: notice(({ context, event }) => ({
      type: 'notify' as const,
      to: holders(context),
      title: `催办：${def.title}`,
      body:
        event.type === 'REMIND' && event.note
          ? event.note
          : `“${nodes.get(context.current.node)?.name ?? ''}”环节${event.type === 'DEADLINE' ? '已超过办理时限' : '有待办事项'}，请抓紧办理。`,
      channel: 'inApp' as const,
    })),
    notifyStarter: notice(({ context, event }) => ({
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
  };
}
