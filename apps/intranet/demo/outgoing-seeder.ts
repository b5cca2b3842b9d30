import type { WorkingCalendar } from '@gongwen/core';
import type { OutgoingCasePlan } from './outgoing-case-plan';
import { planOutgoingCases } from './outgoing-plan';
import type { Random } from './random';
import type { DemoSeeder, SeedAction } from './seeder';

const DAY = 86_400_000;

/** The 发文 seeder: about 120 cases from 拟稿 to 成文 (待盖章) in every state before 盖章. */
export function outgoingSeeder(options: { count?: number } = {}): DemoSeeder {
  return {
    name: 'outgoing',
    plan(ctx) {
      const plans = planDemoOutgoing(ctx, options);
      const actions: SeedAction[] = [];
      for (const p of plans) {
        const cmd = (k: number) => `demo:${p.caseId}:${k}`;
        actions.push({
          at: p.draftedAt,
          label: `发文《${p.title}》拟稿 by ${p.drafter}`,
          run: ({ engine }) =>
            engine.start({
              workflow: 'outgoing',
              actorId: p.drafter,
              commandId: cmd(0),
              caseId: p.caseId,
              input: p.input,
            }),
        });
        p.steps.forEach((s, k) => {
          actions.push({
            at: s.at,
            label: `发文《${p.title}》${s.event.type} by ${s.actorId}`,
            run: ({ engine }) =>
              engine.send({
                caseId: p.caseId,
                actorId: s.actorId,
                commandId: cmd(k + 1),
                event: s.event,
              }),
          });
        });
      }
      return { cases: plans.length, actions };
    },
  };
}

/** The 发文 cases the 发文 seeder plays in a context (rebuild them in tests). */
export function planDemoOutgoing(
  ctx: { now: Date; from: Date; calendar: WorkingCalendar; random: Random },
  options: { count?: number } = {},
): OutgoingCasePlan[] {
  return planOutgoingCases({
    now: ctx.now,
    calendar: ctx.calendar,
    days: Math.round((ctx.now.getTime() - ctx.from.getTime()) / DAY),
    seed: ctx.random.int(1, 2 ** 31 - 1),
    ...(options.count !== undefined && { count: options.count }),
  });
}
