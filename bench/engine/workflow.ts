import { defineWorkflow, type EventMeta } from '@gongwen/core';
import { assign, setup } from 'xstate';
import { z } from 'zod';

/** The two users a relay case passes between (from the sample organisation). */
export const RELAY_USERS = ['wang', 'zhou'] as const;

interface RelayContext {
  title: string;
  steps: number;
  lastOpinion: string;
}

type RelayEvent = { type: 'APPROVE'; opinion: string; meta: EventMeta };

const relayMachine = setup({
  types: {} as {
    context: RelayContext;
    events: RelayEvent;
    input: { title: string; meta: EventMeta };
  },
  actions: {
    count: assign({
      steps: ({ context }) => context.steps + 1,
      lastOpinion: ({ event }) => event.opinion,
    }),
  },
}).createMachine({
  id: 'relay',
  context: ({ input }) => ({ title: input?.title ?? '', steps: 0, lastOpinion: '' }),
  initial: 'first',
  states: {
    first: { on: { APPROVE: { target: 'second', actions: 'count' } } },
    second: { on: { APPROVE: { target: 'first', actions: 'count' } } },
  },
});

/**
 * The bench workflow: an endless chain of APPROVE steps between two users, so one case
 * takes any number of transitions. Each step closes one task and opens the next
 * (as a sequential 审批 does), without timers.
 */
export const relayWorkflow = defineWorkflow({
  name: 'bench-relay',
  version: 1,
  title: '基准接力审批',
  machine: relayMachine,
  startSchema: z.object({ title: z.string().min(1) }),
  events: {
    APPROVE: { title: '同意', schema: z.object({ opinion: z.string().min(1).max(2000) }) },
  },
  tasks: ({ snapshot }) => {
    const i = snapshot.matches('first') ? 0 : 1;
    return [
      {
        key: `approve:${snapshot.context.steps}`,
        kind: 'act',
        label: '审批',
        assignees: { user: RELAY_USERS[i]! },
        events: ['APPROVE'],
      },
    ];
  },
  header: (snapshot) => ({
    title: snapshot.context.title,
    fields: { steps: snapshot.context.steps },
  }),
});

/** Who must act next on a relay case after `steps` transitions. */
export const relayActor = (steps: number) => RELAY_USERS[steps % 2]!;
