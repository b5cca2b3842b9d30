import { cancel } from 'xstate';
import { DEADLINE_TIMER_ID, finalStateOf, REJECTED_STATE, stateOf } from './context.ts';
import { outgoing } from './context-queries.ts';
import type { FlowDefinition } from './format.ts';

/** The states of a custom-flow machine: one per node, plus the 退回/撤回 router and the 驳回 end. */
export function customFlowStates(def: FlowDefinition): Record<string, unknown> {
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
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
  return states;
}
