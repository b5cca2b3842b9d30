import { type AnyStateMachine, setup } from 'xstate';
import type {
  CustomFlowContext,
  CustomFlowEvent,
  CustomFlowInput,
  CustomFlowMachineOptions,
  CustomFlowNotify,
  NodeRun,
} from './context.ts';
import { stateOf } from './context.ts';
import type { FlowDefinition } from './format.ts';
import { createCustomFlowActions } from './machine-actions.ts';
import { createCustomFlowGuards } from './machine-guards.ts';
import { customFlowStates } from './machine-states.ts';
import { customFlowMachineSupport } from './machine-support.ts';

/** Builds the XState machine of a validated flow definition. Pure: times come from `meta.at`. */
export function createCustomFlowMachine(
  def: FlowDefinition,
  options: CustomFlowMachineOptions,
): AnyStateMachine {
  const support = customFlowMachineSupport(def, options);
  const { start } = support;
  const machine = setup({
    types: {} as {
      context: CustomFlowContext;
      events: CustomFlowEvent;
      input: CustomFlowInput;
      emitted: CustomFlowNotify;
    },
    guards: createCustomFlowGuards(support),
    actions: createCustomFlowActions(support),
  });
  const states = customFlowStates(def);

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
