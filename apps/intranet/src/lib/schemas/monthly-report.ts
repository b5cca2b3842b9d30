import { MONTHLY_REPORT_STATE_LABELS, ZMonthlyReportDraft, ZReportMonth } from '@gongwen/core';
import { MONTHLY_REPORT_EVENTS } from '@gongwen/core/events';
import { z } from 'zod';
import { actionSchema, payloadSchemas } from '~/lib/schemas/case-action';
import { strictDeep } from '~/lib/schemas/strict';

const ZCaseId = z.string().min(1, '缺少办件编号').max(128);
const ZCommandId = z.uuid({ message: '操作编号格式不正确' });

/** A 工作月报 case. */
export const ZMonthlyReportCaseRef = z.strictObject({ caseId: ZCaseId });

/** 拟稿 (and 报送 at once when `submit`). */
export const ZMonthlyReportCreate = z.strictObject({
  commandId: ZCommandId,
  draft: strictDeep(ZMonthlyReportDraft),
  /** Send it to the office right away (报送). */
  submit: z.boolean().default(true),
});

/** The payload schema of every 工作月报 event the case page sends (the core's). */
export const MONTHLY_REPORT_EVENT_SCHEMAS = payloadSchemas(MONTHLY_REPORT_EVENTS);

/** A 工作月报 event type. */
export type MonthlyReportEventType = keyof typeof MONTHLY_REPORT_EVENT_SCHEMAS;

/** Input of `monthlyReport.send`. */
export const ZMonthlyReportSend = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  action: actionSchema(MONTHLY_REPORT_EVENT_SCHEMAS),
});

/** The list's filters: 月份, 部门, 状态 (each optional). */
export const ZMonthlyReportList = z.strictObject({
  month: ZReportMonth.nullish(),
  departmentId: z.string().min(1).max(64).nullish(),
  state: z
    .enum(Object.keys(MONTHLY_REPORT_STATE_LABELS) as [string, ...string[]], {
      message: '状态无效',
    })
    .nullish(),
});

/** The 部门汇总 of one month. */
export const ZMonthlyReportSummary = z.strictObject({ month: ZReportMonth });
