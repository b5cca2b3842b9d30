import { z } from 'zod';
import { ZAttachment } from '../shared/attachment.ts';

const ZText = (what: string, max = 5000) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}字`);

/** 月份 as `YYYY-MM` (2000-01 to 2099-12). */
export const ZReportMonth = z
  .string({ message: '请选择月份' })
  .regex(/^20[0-9]{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** The parts of a 工作月报 its department writes (and may revise after a 退回). */
const ZContent = {
  /** 本月工作完成情况 */
  done: ZText('本月工作完成情况'),
  /** 存在问题 */
  problems: ZText('存在问题', 3000),
  /** 下月工作计划 */
  plan: ZText('下月工作计划'),
  /** 附件 */
  attachments: z.array(ZAttachment).max(20, '附件最多20个'),
};

/** 拟稿: a department's monthly report as its staff drafts it (the start payload). */
export const ZMonthlyReportDraft = z.object({
  /** 月份 (YYYY-MM) */
  month: ZReportMonth,
  /** 部门: the drafter's own department. */
  departmentId: z.string().min(1, '请选择部门').max(64, '部门编号过长'),
  ...ZContent,
  attachments: ZContent.attachments.default([]),
});
/** A validated 工作月报 draft, the output of `ZMonthlyReportDraft`. */
export type MonthlyReportDraft = z.infer<typeof ZMonthlyReportDraft>;

const ZChanges = {
  done: ZContent.done.optional(),
  problems: ZContent.problems.optional(),
  plan: ZContent.plan.optional(),
  attachments: ZContent.attachments.optional(),
};

/** 报送: the drafter sends the report to the office (with last changes). */
export const ZSubmitMonthlyReport = z.object(ZChanges);
/** 重新报送 after a 退回: the revised report. */
export const ZResubmitMonthlyReport = z.object({
  ...ZChanges,
  note: z.string().trim().max(500, '修改说明不能超过500字').optional(),
});
/** 登记 by the office (办公室/秘书). */
export const ZRegisterMonthlyReport = z.object({
  note: z.string().trim().max(500, '登记意见不能超过500字').optional(),
});
/** 退回 to the department, reason required. */
export const ZReturnMonthlyReport = z.object({ reason: ZText('退回理由', 1000) });
/** 归档 by the office. */
export const ZArchiveMonthlyReport = z.object({
  note: z.string().trim().max(500, '归档说明不能超过500字').optional(),
});
