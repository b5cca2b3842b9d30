import { ZStatisticsPeriod } from '~/lib/schemas/statistics';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { getIncomingStatistics } from '~/server/services/statistics/get-incoming-statistics';
import { getOutgoingStatistics } from '~/server/services/statistics/get-outgoing-statistics';
import { canSeeStatistics } from '~/server/services/statistics/statistics-access';

/** 统计: 收文 and 发文 numbers of the user's unit over a period (leaders, office director, secretariat). */
export const statisticsRouter = createTRPCRouter({
  /** Whether the user may open 统计. */
  access: protectedProcedure.query(({ ctx }) => ({ allowed: canSeeStatistics(ctx.user) })),

  incoming: protectedProcedure
    .input(ZStatisticsPeriod)
    .query(({ ctx, input }) => getIncomingStatistics(ctx.app, ctx.user, input)),

  outgoing: protectedProcedure
    .input(ZStatisticsPeriod)
    .query(({ ctx, input }) => getOutgoingStatistics(ctx.app, ctx.user, input)),
});
