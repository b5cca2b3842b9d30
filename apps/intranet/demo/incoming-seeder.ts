import type { IncomingCasePlan } from './incoming-case-plan';
import { planIncomingCases } from './incoming-plan';
import type { DemoSeeder, DemoSeederContext, SeedAction } from './seeder';

const DAY = 86_400_000;

const commandId = (caseId: string, n: number) => `demo:${caseId}:${n}`;

/** The 收文 cases the 收文 seeder plays in a context. */
export function planDemoIncoming(
  ctx: DemoSeederContext,
  options: { count?: number } = {},
): IncomingCasePlan[] {
  return planIncomingCases({
    now: ctx.now,
    calendar: ctx.calendar,
    days: Math.round((ctx.now.getTime() - ctx.from.getTime()) / DAY),
    seed: ctx.random.int(1, 2 ** 31 - 1),
    ...(options.count !== undefined && { count: options.count }),
  });
}

/** The 收文 seeder: a few hundred cases in every state of the 收文 machine. */
export function incomingSeeder(options: { count?: number } = {}): DemoSeeder {
  return {
    name: 'incoming',
    plan(ctx) {
      const plans = planDemoIncoming(ctx, options);
      const actions: SeedAction[] = [];
      for (const p of plans) {
        actions.push({
          at: p.receivedAt,
          label: `收文《${p.title}》签收登记 by ${p.registrar}`,
          run: ({ engine }) =>
            engine.start({
              workflow: 'incoming',
              actorId: p.registrar,
              commandId: commandId(p.caseId, 0),
              caseId: p.caseId,
              input: p.input,
            }),
        });
        p.steps.forEach((s, i) => {
          actions.push({
            at: s.at,
            label: `收文《${p.title}》${s.event.type} by ${s.actorId}`,
            run: ({ engine }) =>
              engine.send({
                caseId: p.caseId,
                actorId: s.actorId,
                commandId: commandId(p.caseId, i + 1),
                event: s.event,
                ...(s.onBehalfOf !== undefined && { onBehalfOf: s.onBehalfOf }),
              }),
          });
        });
      }
      return { cases: plans.length, actions };
    },
  };
}
