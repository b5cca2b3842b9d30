import { principalOf } from '../shared/event-payload.ts';
import type { ActionArgs } from '../shared/machine-actions.ts';
import type { CustomFlowContext, CustomFlowEvent } from './context.ts';
import { readTaskKey } from './context-queries.ts';
import { evaluate } from './expression.ts';
import type { CustomFlowMachineSupport } from './machine-support.ts';

type Args = ActionArgs<CustomFlowContext, CustomFlowEvent>;

/** The guards of a custom-flow machine. */
export function createCustomFlowGuards(support: CustomFlowMachineSupport) {
  const { nodes, conditions, viaCurrentTask } = support;
  return {
    isStarter: ({ context, event }: Args) => principalOf(event.meta) === context.starter,
    canAct: ({ context, event }: Args) =>
      !context.current.done && viaCurrentTask(context, event.meta),
    canReturn: ({ context, event }: Args) =>
      !context.current.done && viaCurrentTask(context, event.meta) && context.path.length >= 2,
    canWithdraw: ({ context, event }: Args) =>
      context.current.acted === 0 &&
      context.current.sentBy !== null &&
      context.current.sentFrom !== null &&
      principalOf(event.meta) === context.current.sentBy,
    canRemind: ({ context }: Args) =>
      context.outcome === null && nodes.get(context.current.node)?.type !== 'start',
    failed: ({ context }: Args) => context.current.failed,
    isCurrentDeadline: ({ context, event }: Args) =>
      event.type === 'DEADLINE' &&
      event.node === context.current.node &&
      event.visit === context.current.visit,
    hasUnreadFor: ({ context, event }: Args) => {
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
    allRead: ({ context }: Args) => context.reads.every((r) => r.readAt !== null),
    leave: ({ context }: Args, params: { edge: string }) => {
      if (!context.current.done) return false;
      const cond = conditions.get(params.edge);
      return cond === null || cond === undefined ? true : evaluate(cond, context.form);
    },
    gotoIs: ({ context }: Args, params: { node: string }) => context.goto === params.node,
    leaveCc: ({ context }: Args, params: { edge: string }) => {
      const cond = conditions.get(params.edge);
      return cond === null || cond === undefined ? true : evaluate(cond, context.form);
    },
  };
}
