import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, formatDateZh } from './format-date-zh.ts';

describe('formatDateZh', () => {
  it('writes an instant in Beijing time by default', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatDateZh('2026-12-02T15:59:59.999Z')).toBe('2026年12月2日 23:59');
    expect(formatDateZh(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
  });

  it('has shorter styles', () => {
    const at = '2026-12-01T01:00:00Z';
    expect(formatDateZh(at, { style: 'date' })).toBe('2026年12月1日');
    expect(formatDateZh(at, { style: 'monthDayTime' })).toBe('12月1日 09:00');
    expect(formatDateZh(at, { style: 'monthDay' })).toBe('12月1日');
  });

  it('takes another time zone', () => {
    expect(formatDateZh('2026-12-02T15:59:59.999Z', { timeZone: 'UTC' })).toBe(
      '2026年12月2日 15:59',
    );
    expect(formatDateZh('2026-07-01T12:00:00Z', { timeZone: 'Europe/Berlin' })).toBe(
      '2026年7月1日 14:00',
    );
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDateZh('')).toBe('');
    expect(formatDateZh('不详')).toBe('不详');
  });
});
