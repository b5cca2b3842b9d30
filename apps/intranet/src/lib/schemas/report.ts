import { REPORT_KINDS, ZReportDraft } from '@gongwen/core';
import { REPORT_EVENTS, REPORT_LEDGER_LABELS } from '@gongwen/core/events';
import { z } from 'zod';
import { actionSchema, payloadSchemas } from '~/lib/schemas/case-action';
import { strictDeep } from '~/lib/schemas/strict';

const ZCaseId = z.string().min(1, '缺少办件编号').max(128);
const ZCommandId = z.uuid({ message: '操作编号格式不正确' });

export { REPORT_KINDS };

/** A report case. */
export const ZReportCaseRef = z.strictObject({ caseId: ZCaseId });

/** 拟稿 (and 送审 at once when `submit`). */
export const ZReportCreate = z.strictObject({
  commandId: ZCommandId,
  draft: strictDeep(ZReportDraft),
  /** Send it to the approvers right away (送审). */
  submit: z.boolean().default(true),
});

/** The payload schema of every 报告 event a user sends from the report page (the core's). */
export const REPORT_EVENT_SCHEMAS = payloadSchemas(REPORT_EVENTS);

/** A 报告 event type. */
export type ReportEventType = keyof typeof REPORT_EVENT_SCHEMAS;

/** `{ type, payload }` of one event. */
export const ZReportAction = actionSchema(REPORT_EVENT_SCHEMAS);

/** Input of `report.send`. */
export const ZReportSend = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  action: ZReportAction,
});

/** The report list. */
export const ZReportList = z.strictObject({
  scope: z.enum(['all', 'mine', 'toApprove']).default('all'),
});

/** Statistics period. */
export const ZReportPeriod = z
  .strictObject({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((p) => p.to.getTime() > p.from.getTime(), { message: '结束时间须晚于开始时间' });

/** Chinese names of the ledger events of a report. */
export const REPORT_EVENT_LABELS = REPORT_LEDGER_LABELS;

/** Chinese names of an approver's state in the progress. */
export const APPROVER_STATE_LABELS: Record<string, string> = {
  approved: '已同意',
  pending: '审批中',
  waiting: '等待',
  returned: '已退回',
  rejected: '不同意',
  notNeeded: '无需审批',
};
