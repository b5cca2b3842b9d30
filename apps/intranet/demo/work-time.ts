import type { WorkingCalendar } from '@gongwen/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** China Standard Time, the zone of the demo unit. */
const OFFSET = 8 * HOUR;
/** Office hours 08:30–17:30 local time. */
const OPEN = 8 * HOUR + 30 * MINUTE;
const CLOSE = 17 * HOUR + 30 * MINUTE;

/** Office-hours arithmetic on a working calendar (China Standard Time, 08:30–17:30). */
export interface WorkTime {
  /** `t` if it falls in office hours of a working day, else the start of the next office hours. */
  normalize(t: number): number;
  /** `minutes` of office time after `t` (starting from the next office moment). */
  add(t: number, minutes: number): number;
  /** Local midnight (as an instant) of `t`'s day, moved by `days`. */
  midnight(t: number, days?: number): number;
}

/** Creates the office-hours helper for a calendar. */
export function workTime(calendar: WorkingCalendar): WorkTime {
  const working = new Map<number, boolean>();
  const isWorking = (dayStart: number) => {
    let w = working.get(dayStart);
    if (w === undefined) {
      w = calendar.isWorkingDay(calendar.dateOf(new Date(dayStart + 12 * HOUR)));
      working.set(dayStart, w);
    }
    return w;
  };
  const midnight = (t: number, days = 0) => {
    const local = t + OFFSET;
    return local - (((local % DAY) + DAY) % DAY) - OFFSET + days * DAY;
  };
  const normalize = (t: number): number => {
    let at = t;
    for (;;) {
      const d0 = midnight(at);
      if (!isWorking(d0) || at >= d0 + CLOSE) {
        at = d0 + DAY + OPEN;
        continue;
      }
      return Math.max(at, d0 + OPEN);
    }
  };
  return {
    normalize,
    midnight,
    add(t, minutes) {
      let at = normalize(t);
      let rest = Math.max(1, minutes) * MINUTE;
      for (;;) {
        const end = midnight(at) + CLOSE;
        if (at + rest < end) return at + rest;
        rest -= end - at;
        at = normalize(end);
      }
    },
  };
}
