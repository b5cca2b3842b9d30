/** Colours of the meeting states in lists and the calendar. */
export const MEETING_STATE_COLORS: Record<string, string> = {
  preparing: 'default',
  approving: 'gold',
  notified: 'blue',
  minuting: 'purple',
  proofreading: 'purple',
  followUp: 'cyan',
  closed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** 督办 status names and colours. */
export const RESOLUTION_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '办理中', color: 'blue' },
  overdue: { label: '已逾期', color: 'red' },
  completed: { label: '已办结', color: 'green' },
};

/** 签到表 status names and colours. */
export const ATTENDANCE_STATUS: Record<string, { label: string; color: string }> = {
  present: { label: '已签到', color: 'green' },
  excused: { label: '请假', color: 'orange' },
  absent: { label: '未签到', color: 'default' },
  unknown: { label: '未回复', color: 'red' },
};

/** 回执 names. */
export const REPLY_NAMES: Record<string, string> = {
  attend: '参加',
  leave: '请假',
  delegate: '委托他人参加',
  none: '未回复',
};

/** Beijing time, as people read it: 2026-12-02 14:00. */
export function fmt(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  const d = new Date(typeof iso === 'string' ? Date.parse(iso) : iso.getTime());
  const t = new Date(d.getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}
