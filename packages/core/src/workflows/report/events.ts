import {
  ZApproveReport,
  ZRejectReport,
  ZResubmitReport,
  ZReturnReport,
  ZSubmitReport,
  ZWithdrawReport,
} from './fields.ts';

/**
 * The 报告审批 events a person sends, client-safe (schemas and words only, no machine): the
 * definition's title and payload schema of each (`events.test.ts` holds them equal).
 */
export const REPORT_EVENTS = {
  SUBMIT: { title: '送审', schema: ZSubmitReport },
  APPROVE: { title: '同意', schema: ZApproveReport },
  RETURN: { title: '退回修改', schema: ZReturnReport },
  REJECT: { title: '不同意', schema: ZRejectReport },
  RESUBMIT: { title: '重新送审', schema: ZResubmitReport },
  WITHDRAW: { title: '撤回', schema: ZWithdrawReport },
} as const;

/** Chinese names of every 报告 ledger entry (the flow): the events and the start. */
export const REPORT_LEDGER_LABELS: Readonly<Record<string, string>> = {
  start: '拟稿',
  ...Object.fromEntries(Object.entries(REPORT_EVENTS).map(([type, e]) => [type, e.title])),
};

/** A 报告审批 event a person sends. */
export type ReportEventType = keyof typeof REPORT_EVENTS;
