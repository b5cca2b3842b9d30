/** The time zone notices and messages are written in unless told otherwise (北京时间). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** How much of the instant `formatDateZh` writes. */
export type DateZhStyle =
  /** 2026年12月2日 23:59 */
  | 'dateTime'
  /** 2026年12月2日 */
  | 'date'
  /** 12月2日 23:59 */
  | 'monthDayTime'
  /** 12月2日 */
  | 'monthDay';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, at: Date): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/**
 * An instant as Chinese wall-clock text in `timeZone` (default 北京时间), for notices and
 * messages: `2026-12-02T15:59:59.999Z` → 2026年12月2日 23:59. Pure: the instant is given, never
 * read from the clock. Text that is not a date is returned as it is.
 */
export function formatDateZh(
  at: string | number | Date,
  options: { style?: DateZhStyle; timeZone?: string } = {},
): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const p = partsIn(options.timeZone ?? DEFAULT_TIME_ZONE, d);
  const style = options.style ?? 'dateTime';
  const monthDay = `${p.month}月${p.day}日`;
  const day = style === 'dateTime' || style === 'date' ? `${p.year}年${monthDay}` : monthDay;
  return style === 'date' || style === 'monthDay' ? day : `${day} ${p.hour}:${p.minute}`;
}
