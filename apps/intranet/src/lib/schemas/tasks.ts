import { z } from 'zod';

/** 紧急程度 and 密级 as the header fields carry them. */
export const URGENCY_OPTIONS = ['特急', '加急', '普通'] as const;
export const SECRECY_OPTIONS = ['非密', '秘密', '机密', '绝密'] as const;

const ZPeriod = z
  .strictObject({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: '结束日期不能早于开始日期',
    path: ['to'],
  });

/** Filters, sort and page of the 待办 list. */
export const ZInboxFilter = z.strictObject({
  workflow: z.string().min(1).max(64).optional(),
  kind: z.enum(['act', 'read', 'remind']).optional(),
  urgency: z.enum(URGENCY_OPTIONS).optional(),
  secrecy: z.enum(SECRECY_OPTIONS).optional(),
  /** Tasks that arrived in this period. */
  period: ZPeriod.optional(),
  overdue: z.boolean().optional(),
  /** Part of the title, the task, or a 文号 / 收文编号. */
  search: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
  sort: z.enum(['newest', 'oldest', 'dueSoonest']).default('newest'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type InboxFilter = z.input<typeof ZInboxFilter>;

/** Filters, sort and page of the 已办 list. */
export const ZDoneFilter = z.strictObject({
  workflow: z.string().min(1).max(64).optional(),
  urgency: z.enum(URGENCY_OPTIONS).optional(),
  secrecy: z.enum(SECRECY_OPTIONS).optional(),
  /** Cases the user acted on in this period. */
  period: ZPeriod.optional(),
  status: z.enum(['active', 'done']).optional(),
  search: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
  sort: z.enum(['recent', 'oldest']).default('recent'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type DoneFilter = z.input<typeof ZDoneFilter>;
