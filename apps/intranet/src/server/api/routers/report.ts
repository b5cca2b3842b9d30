import { ZReportCaseRef, ZReportCreate, ZReportPeriod, ZReportSend } from '~/lib/schemas/report';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { createReport } from '~/server/services/report/create-report';
import { getReport } from '~/server/services/report/get-report';
import { getReportStatistics } from '~/server/services/report/get-report-statistics';
import { listReports, ZReportListPage } from '~/server/services/report/list-reports';
import { sendReportAction } from '~/server/services/report/send-report-action';

/**
 * 报告审批: 请示/报告/申请 sent to approvers in sequence or in parallel; approve, return with a
 * reason, reject; the author revises and sends again. `get` carries the live progress.
 */
export const reportRouter = createTRPCRouter({
  /** A page of the reports the user takes part in, newest first. */
  list: protectedProcedure
    .input(ZReportListPage)
    .query(({ ctx, input }) => listReports(ctx.app, ctx.user, input)),

  /** 拟稿 (and 送审). */
  create: protectedProcedure
    .input(ZReportCreate)
    .mutation(({ ctx, input }) => createReport(ctx.app, ctx.user, input)),

  /** The report page with its live progress. */
  get: protectedProcedure
    .input(ZReportCaseRef)
    .query(({ ctx, input }) => getReport(ctx.app, ctx.user, input.caseId)),

  /** 送审, 同意, 退回修改, 不同意, 重新送审, 撤回. */
  send: protectedProcedure
    .input(ZReportSend)
    .mutation(({ ctx, input }) => sendReportAction(ctx.app, ctx.user, input)),

  /** 报告审批统计 (leaders, office director, secretariat). */
  statistics: protectedProcedure
    .input(ZReportPeriod)
    .query(({ ctx, input }) => getReportStatistics(ctx.app, ctx.user, input)),
});
