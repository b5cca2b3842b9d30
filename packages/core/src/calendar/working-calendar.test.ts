import { describe, expect, it } from 'vitest';
import { BUNDLED_HOLIDAY_YEARS, createChineseCalendar } from './working-calendar.ts';

describe('createChineseCalendar', () => {
  const cal = createChineseCalendar();

  it('knows weekends, statutory holidays and make-up workdays', () => {
    expect(cal.isWorkingDay('2026-11-25')).toBe(true); // Wednesday
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // 春节
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(BUNDLED_HOLIDAY_YEARS).toContain(2026);
  });

  it('counts working days in China Standard Time and ends the deadline at local midnight', () => {
    // Friday 2026-09-25 10:00 CST is 中秋节 (09-25..09-27 off); 国庆节 10-01..10-07 is off;
    // Saturday 10-10 is a make-up workday.
    const from = new Date('2026-09-25T02:00:00Z');
    const due = cal.addWorkingDays(from, 3);
    expect(cal.dateOf(due)).toBe('2026-09-30');
    expect(due.toISOString()).toBe('2026-09-30T15:59:59.999Z');
    expect(cal.dateOf(cal.addWorkingDays(from, 4))).toBe('2026-10-08');
    expect(cal.dateOf(cal.addWorkingDays(from, 6))).toBe('2026-10-10');
    expect(cal.workingDaysBetween(from, new Date('2026-10-08T03:00:00Z'))).toBe(4);
    expect(cal.addWorkingDays(from, 0).toISOString()).toBe('2026-09-25T15:59:59.999Z');
  });

  it('treats a late-evening UTC instant as the next civil day in China', () => {
    // 2026-11-27T17:00Z is Saturday 01:00 in Beijing.
    expect(cal.dateOf(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(cal.dateOf(cal.addWorkingDays(new Date('2026-11-27T17:00:00Z'), 1))).toBe('2026-11-30');
  });

  it("honours a unit's own closures and extra workdays", () => {
    const unitCal = createChineseCalendar({
      closures: ['2026-11-26'],
      extraWorkdays: ['2026-11-28'],
    });
    expect(unitCal.isWorkingDay('2026-11-26')).toBe(false);
    expect(unitCal.isWorkingDay('2026-11-28')).toBe(true);
    expect(unitCal.dateOf(unitCal.addWorkingDays(new Date('2026-11-25T02:00:00Z'), 2))).toBe(
      '2026-11-28',
    );
  });

  it('rejects malformed input', () => {
    expect(() => createChineseCalendar({ closures: ['2026/11/26'] })).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});
