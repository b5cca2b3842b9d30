import dayjs from 'dayjs';

/** Tag colours of the 工作月报 states. */
export const MONTHLY_REPORT_STATE_COLORS: Record<string, string> = {
  drafting: 'default',
  submitted: 'blue',
  returned: 'red',
  registered: 'cyan',
  archived: 'green',
};

/** Tag colours of the 部门汇总 standings (未报, 已报, 已登记, 已归档). */
export const STANDING_COLORS: Record<string, string> = {
  missing: 'red',
  submitted: 'blue',
  registered: 'cyan',
  archived: 'green',
};

/** The month a report is usually written for: the one that just ended. */
export function lastMonth(): string {
  return dayjs().subtract(1, 'month').format('YYYY-MM');
}

/** `2026-11` → 2026年11月. */
export function monthText(month: string): string {
  return dayjs(`${month}-01`).format('YYYY年M月');
}
