import {
  REPORT_KINDS,
  ZApproveReport,
  ZRejectReport,
  ZReportDraft,
  ZResubmitReport,
  ZReturnReport,
  ZSubmitReport,
  ZWithdrawReport,
} from '@gongwen/core';
import { z } from 'zod';
import { strictDeep, strictEach } from '~/lib/schemas/strict';

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
export const REPORT_EVENT_SCHEMAS = {
  SUBMIT: ZSubmitReport,
  APPROVE: ZApproveReport,
  RETURN: ZReturnReport,
  REJECT: ZRejectReport,
  RESUBMIT: ZResubmitReport,
  WITHDRAW: ZWithdrawReport,
} as const;

/** A 报告 event type. */
export type ReportEventType = keyof typeof REPORT_EVENT_SCHEMAS;

/** The payload schemas as procedure inputs take them: strict, nested objects too. */
const STRICT_PAYLOADS = strictEach(REPORT_EVENT_SCHEMAS);

const send = <T extends ReportEventType>(type: T) =>
  z.strictObject({ type: z.literal(type), payload: STRICT_PAYLOADS[type] });

/** `{ type, payload }` of one event. */
export const ZReportAction = z.discriminatedUnion(
  'type',
  [
    send('SUBMIT'),
    send('APPROVE'),
    send('RETURN'),
    send('REJECT'),
    send('RESUBMIT'),
    send('WITHDRAW'),
  ],
  { message: '不支持的操作' },
);

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
export const REPORT_EVENT_LABELS: Record<string, string> = {
  start: '拟稿',
  SUBMIT: '送审',
  APPROVE: '同意',
  RETURN: '退回修改',
  REJECT: '不同意',
  RESUBMIT: '重新送审',
  WITHDRAW: '撤回',
};

/** Chinese names of an approver's state in the progress. */
export const APPROVER_STATE_LABELS: Record<string, string> = {
  approved: '已同意',
  pending: '审批中',
  waiting: '等待',
  returned: '已退回',
  rejected: '不同意',
  notNeeded: '无需审批',
};
