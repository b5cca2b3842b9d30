import { z } from 'zod';

/** The longest period statistics are computed for, in months. */
export const MAX_STATISTICS_MONTHS = 24;

/** A statistics period [from, to): cases registered (收文) or drafted (发文) in it. */
export const ZStatisticsPeriod = z
  .strictObject({
    from: z.coerce.date({ message: '请选择开始日期' }),
    to: z.coerce.date({ message: '请选择结束日期' }),
  })
  .refine((p) => p.from < p.to, { message: '结束日期须晚于开始日期', path: ['to'] })
  .refine(
    (p) => p.to.getTime() - p.from.getTime() <= (MAX_STATISTICS_MONTHS * 31 + 1) * 86_400_000,
    { message: `统计区间最长 ${MAX_STATISTICS_MONTHS} 个月`, path: ['to'] },
  );
export type StatisticsPeriod = z.input<typeof ZStatisticsPeriod>;
