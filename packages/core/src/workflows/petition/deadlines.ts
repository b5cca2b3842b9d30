import type { WorkingCalendar } from '../../calendar/working-calendar.ts';

/**
 * The periods of the 信访工作条例 (2022). The 条例 counts them in 日: calendar days, not
 * working days. Every one of them counts in calendar days here; the calendar is used only
 * for the holiday rule (`rollOverHolidays`, see `calendarDayDeadline`).
 */
export const PETITION_PERIODS = {
  /** 登记后15日内决定受理、不予受理或转送/交办 (from the date of receipt). */
  decide: { days: 15, count: 'calendar' },
  /** 自受理之日起60日内办结. */
  handle: { days: 60, count: 'calendar' },
  /** 经批准可延长，延长期限不得超过30日. */
  extensionMax: { days: 30, count: 'calendar' },
  /** 收到书面答复之日起30日内可请求复查. */
  askReview: { days: 30, count: 'calendar' },
  /** 收到复查请求之日起30日内提出复查意见. */
  review: { days: 30, count: 'calendar' },
  /** 收到复查意见之日起30日内可请求复核. */
  askRecheck: { days: 30, count: 'calendar' },
  /** 收到复核请求之日起30日内提出复核意见. */
  recheck: { days: 30, count: 'calendar' },
} as const;

/** Calendar days before a deadline when the automatic reminder (临期提醒) fires. */
export const REMIND_DAYS_BEFORE = 3;

/** A deadline: the last day of a period and the instant it ends. */
export interface PetitionDeadline {
  /** The civil date the period starts from (its own day is not counted). */
  from: string;
  days: number;
  /** The last day before the holiday rule: `from` + `days` calendar days. */
  nominalDate: string;
  /** The last day (after the holiday rule). */
  date: string;
  /** End of the last day (23:59:59.999 in the calendar's zone), ISO. */
  at: string;
  /** True when the last day fell on a rest day and moved to the next working day. */
  rolledOver: boolean;
}

const DAY_MS = 86_400_000;

/** `day` plus `n` calendar days (YYYY-MM-DD). */
export function addCalendarDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A period of `days` calendar days from the civil date `from`: the day of `from` is not
 * counted and the period ends with the `days`-th day after it (民法典 第二百零一条). With
 * `rollOverHolidays` (the default), a last day that is not a working day (weekend or
 * statutory holiday) moves to the next working day (民法典 第二百零三条). Instants are the
 * end of the last day in the calendar's zone.
 */
export function calendarDayDeadline(
  calendar: WorkingCalendar,
  from: string,
  days: number,
  options: { rollOverHolidays?: boolean } = {},
): PetitionDeadline {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be ≥ 0, got ${days}`);
  const nominalDate = addCalendarDays(from, days);
  let date = nominalDate;
  if (options.rollOverHolidays ?? true) {
    for (let i = 0; i < 60 && !calendar.isWorkingDay(date); i++) date = addCalendarDays(date, 1);
  }
  // the end of `date` in the calendar's zone: addWorkingDays(…, 0) is the end of the given day
  const at = calendar.addWorkingDays(new Date(`${date}T12:00:00Z`), 0);
  // correct for zones far from UTC: move by whole days until the date matches
  let end = at.getTime();
  const got = calendar.dateOf(new Date(end));
  if (got !== date) end += Date.parse(date) - Date.parse(got);
  return {
    from,
    days,
    nominalDate,
    date,
    at: new Date(end).toISOString(),
    rolledOver: date !== nominalDate,
  };
}

/**
 * The deadline extended by `days` more calendar days, counted from the nominal last day of the
 * original period (not from a day it was rolled over to), then the holiday rule again.
 */
export function extendDeadline(
  calendar: WorkingCalendar,
  d: PetitionDeadline,
  days: number,
  options: { rollOverHolidays?: boolean } = {},
): PetitionDeadline {
  const ext = calendarDayDeadline(calendar, d.nominalDate, days, options);
  return { ...ext, from: d.from, days: d.days + days };
}
