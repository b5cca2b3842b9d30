const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** One calendar month (Beijing time) clipped to a period. */
export interface MonthBucket {
  /** `YYYY-MM` */
  month: string;
  from: Date;
  to: Date;
}

/** The calendar months (Beijing time) that [from, to) touches, each clipped to the period. */
export function monthsOf(from: Date, to: Date): MonthBucket[] {
  const out: MonthBucket[] = [];
  const local = new Date(from.getTime() + BEIJING_OFFSET_MS);
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth();
  for (;;) {
    const start = new Date(Date.UTC(y, m, 1) - BEIJING_OFFSET_MS);
    const end = new Date(Date.UTC(y, m + 1, 1) - BEIJING_OFFSET_MS);
    if (start >= to) break;
    out.push({
      month: `${y}-${String(m + 1).padStart(2, '0')}`,
      from: start < from ? from : start,
      to: end > to ? to : end,
    });
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
