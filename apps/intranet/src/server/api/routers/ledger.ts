import { z } from 'zod';
import { LEDGER_WORKFLOWS, ZFlowStatisticsInput, ZLedgerFilter } from '~/lib/schemas/ledger';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { getFlowStatistics } from '~/server/services/ledger/get-flow-statistics';
import { ledgerOptions } from '~/server/services/ledger/ledger-options';
import { listLedger } from '~/server/services/ledger/list-ledger';

/** 流程台帐 of 收文 and 发文, and each case's 流程统计. */
export const ledgerRouter = createTRPCRouter({
  /** A page of the ledger: the cases the user may see, filtered, newest first. */
  list: protectedProcedure
    .input(ZLedgerFilter)
    .query(({ ctx, input }) => listLedger(ctx.app, ctx.user, input)),

  /** The filters' choices: departments and states. */
  options: protectedProcedure
    .input(
      z.strictObject({
        workflow: z.enum(LEDGER_WORKFLOWS, { message: '请选择收文台帐或发文台帐' }),
      }),
    )
    .query(({ ctx, input }) => ledgerOptions(ctx.app, ctx.user, input.workflow)),

  /** 流程统计 of one case (nodes the user may see). */
  flowStatistics: protectedProcedure
    .input(ZFlowStatisticsInput)
    .query(({ ctx, input }) => getFlowStatistics(ctx.app, ctx.user, input.caseId)),
});
