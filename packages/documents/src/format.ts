/** The time zone in which Chinese official documents are dated. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Year, month and day of `date` as seen in `timeZone`. */
function calendarParts(date: Date, timeZone: string): { year: number; month: number; day: number } {
  if (Number.isNaN(date.getTime())) throw new RangeError('无效的日期');
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/**
 * A date as GB/T 9704 prints it: "2026年11月25日" — Arabic numerals, the full year, no leading
 * zeros. The calendar day is taken in China time unless another IANA `timeZone` is given.
 */
export function formatChineseDate(date: Date, timeZone: string = CHINA_TIME_ZONE): string {
  const { year, month, day } = calendarParts(date, timeZone);
  return `${year}年${month}月${day}日`;
}

/** "机密★1年", "秘密", or undefined when the document is not classified. */
export function formatSecrecy(secrecy?: string, period?: string): string | undefined {
  if (!secrecy) return undefined;
  const p = period?.trim();
  return p ? `${secrecy}★${p}` : secrecy;
}

/** Ensures a trailing full-width colon, as 主送机关 print ("各乡镇人民政府：" ). */
export function withColon(text: string): string {
  const t = text.trim();
  return /[：:]$/.test(t) ? t.replace(/:$/, '：') : `${t}：`;
}

/** Ensures a trailing full-width full stop, as the 抄送 line ends ("抄送：县委办公室。"). */
export function withFullStop(text: string): string {
  const t = text.trim();
  return /[。.]$/.test(t) ? t.replace(/\.$/, '。') : `${t}。`;
}

/** Wraps a 附注 in full-width parentheses unless it already is. */
export function inParentheses(text: string): string {
  const t = text.trim();
  return /^[（(].*[）)]$/s.test(t) ? t : `（${t}）`;
}
