import {
  ZArchiveMonthlyReport,
  ZRegisterMonthlyReport,
  ZResubmitMonthlyReport,
  ZReturnMonthlyReport,
  ZSubmitMonthlyReport,
} from './fields.ts';

/**
 * The 工作月报 events a person sends, client-safe (schemas and words only, no machine): the
 * definition takes its titles and schemas from here.
 */
export const MONTHLY_REPORT_EVENTS = {
  SUBMIT: { title: '报送', schema: ZSubmitMonthlyReport },
  REGISTER: { title: '登记', schema: ZRegisterMonthlyReport },
  RETURN: { title: '退回', schema: ZReturnMonthlyReport },
  RESUBMIT: { title: '重新报送', schema: ZResubmitMonthlyReport },
  ARCHIVE: { title: '归档', schema: ZArchiveMonthlyReport },
} as const;

/** Chinese names of every 工作月报 ledger entry: the events and the start. */
export const MONTHLY_REPORT_LEDGER_LABELS: Readonly<Record<string, string>> = {
  start: '拟稿',
  ...Object.fromEntries(Object.entries(MONTHLY_REPORT_EVENTS).map(([type, e]) => [type, e.title])),
};

/** Chinese labels of the 工作月报 states. */
export const MONTHLY_REPORT_STATE_LABELS: Readonly<Record<string, string>> = {
  drafting: '拟稿中',
  submitted: '待登记',
  returned: '退回修改',
  registered: '已登记',
  archived: '已归档',
};

/** A 工作月报 event a person sends. */
export type MonthlyReportEventType = keyof typeof MONTHLY_REPORT_EVENTS;
