import type { Dayjs } from 'dayjs';

/** What a RangePicker's onChange gives: either end may be empty. */
export type PickedRange = [Dayjs | null, Dayjs | null] | null;

/**
 * A picked range of whole days as a query period: from the first day's midnight to the
 * midnight after the last day (exclusive), in the browser's time zone; undefined when both ends
 * are empty.
 */
export function periodOfRange(r: PickedRange): { from?: Date; to?: Date } | undefined {
  if (!r?.[0] && !r?.[1]) return undefined;
  return {
    from: r?.[0]?.startOf('day').toDate(),
    to: r?.[1]?.add(1, 'day').startOf('day').toDate(),
  };
}
