import {
  ZMonthlyReportCaseRef,
  ZMonthlyReportCreate,
  ZMonthlyReportSend,
  ZMonthlyReportSummary,
} from '~/lib/schemas/monthly-report';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { createMonthlyReport } from '~/server/services/monthly-report/create-monthly-report';
import { getDepartmentSummary } from '~/server/services/monthly-report/get-department-summary';
import { getMonthlyReport } from '~/server/services/monthly-report/get-monthly-report';
import {
  listMonthlyReports,
  ZMonthlyReportListPage,
} from '~/server/services/monthly-report/list-monthly-reports';
import { sendMonthlyReportAction } from '~/server/services/monthly-report/send-monthly-report-action';

/** 工作月报: a department's monthly report — 拟稿, 报送, 登记 or 退回, 归档 — and the 部门汇总. */
export const monthlyReportRouter = createTRPCRouter({
  /** A page of the reports the user may see, filtered by 月份/部门/状态. */
  list: protectedProcedure
    .input(ZMonthlyReportListPage)
    .query(({ ctx, input }) => listMonthlyReports(ctx.app, ctx.user, input)),

  /** 拟稿 (and 报送). */
  create: protectedProcedure
    .input(ZMonthlyReportCreate)
    .mutation(({ ctx, input }) => createMonthlyReport(ctx.app, ctx.user, input)),

  /** The report page. */
  get: protectedProcedure
    .input(ZMonthlyReportCaseRef)
    .query(({ ctx, input }) => getMonthlyReport(ctx.app, ctx.user, input.caseId)),

  /** 报送, 登记, 退回, 重新报送, 归档. */
  send: protectedProcedure
    .input(ZMonthlyReportSend)
    .mutation(({ ctx, input }) => sendMonthlyReportAction(ctx.app, ctx.user, input)),

  /** 部门汇总 of a month (leaders, the office, the secretariat). */
  summary: protectedProcedure
    .input(ZMonthlyReportSummary)
    .query(({ ctx, input }) => getDepartmentSummary(ctx.app, ctx.user, input.month)),
});
