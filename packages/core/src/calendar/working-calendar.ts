import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** Working-day arithmetic for deadlines (办理时限), on one time zone's civil dates. */
export interface WorkingCalendar {
  /** True when the civil date `YYYY-MM-DD` is a working day. */
  isWorkingDay(day: string): boolean;
  /** The end (23:59:59.999 local) of the `days`-th working day after `from`'s date; 0 = end of `from`'s own date. */
  addWorkingDays(from: Date, days: number): Date;
  /** Working days strictly after `from`'s date up to and including `to`'s date (0 when `to` is not later). */
  workingDaysBetween(from: Date, to: Date): number;
  /** The civil date `YYYY-MM-DD` of an instant in this calendar's zone. */
  dateOf(at: Date): string;
}

/** Options for the Chinese statutory calendar. */
export interface ChineseCalendarOptions {
  /** Offset of local time from UTC in minutes; China Standard Time is +480. */
  utcOffsetMinutes?: number;
  /** Extra non-working dates of this unit (闭馆、停工), `YYYY-MM-DD`. */
  closures?: Iterable<string>;
  /** Extra working dates (a unit's own make-up days), `YYYY-MM-DD`. */
  extraWorkdays?: Iterable<string>;
  /** Replaces the bundled statutory holidays (dates), e.g. from a table the unit maintains. */
  holidays?: Iterable<string>;
  /** Replaces the bundled statutory make-up workdays (调休上班日). */
  workdays?: Iterable<string>;
}

const DAY_MS = 86_400_000;
const bundled = chineseDays as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

/** The statutory holiday years the bundled table covers (from the `chinese-days` package). */
export const BUNDLED_HOLIDAY_YEARS: readonly number[] = [
  ...new Set(Object.keys(bundled.holidays).map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

/**
 * The Chinese working calendar: weekends off, statutory holidays off, make-up
 * workdays (调休) on, plus the unit's own closures and extra workdays.
 * Dates beyond the table's years follow the weekend rule alone.
 */
export function createChineseCalendar(options: ChineseCalendarOptions = {}): WorkingCalendar {
  const offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
  const holidays = new Set(
    options.holidays ? [...options.holidays].map(checkDate) : Object.keys(bundled.holidays),
  );
  const workdays = new Set(
    options.workdays ? [...options.workdays].map(checkDate) : Object.keys(bundled.workdays),
  );
  for (const d of options.extraWorkdays ?? []) workdays.add(checkDate(d));
  const closures = new Set([...(options.closures ?? [])].map(checkDate));

  const dateOf = (at: Date) => new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
  const isWorkingDay = (day: string): boolean => {
    if (closures.has(day)) return false;
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

  return {
    dateOf,
    isWorkingDay,
    addWorkingDays(from, days) {
      if (!Number.isInteger(days) || days < 0) {
        throw new RangeError(`addWorkingDays: days must be a non-negative integer, got ${days}`);
      }
      let day = dateOf(from);
      for (let left = days; left > 0; ) {
        day = nextDay(day);
        if (isWorkingDay(day)) left--;
      }
      return new Date(Date.parse(`${day}T23:59:59.999Z`) - offsetMs);
    },
    workingDaysBetween(from, to) {
      const last = dateOf(to);
      let day = dateOf(from);
      let count = 0;
      while (day < last) {
        day = nextDay(day);
        if (isWorkingDay(day)) count++;
      }
      return count;
    },
  };
}

function checkDate(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`calendar: expected a YYYY-MM-DD date, got ${JSON.stringify(day)}`);
  }
  return day;
}
