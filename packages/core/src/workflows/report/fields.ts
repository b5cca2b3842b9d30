import { z } from 'zod';
import { ZAttachment } from '../shared/attachment.ts';
import { ZDocumentBody } from '../shared/document-body.ts';

/** An id of a user, as the directory spells it. */
const ZId = z
  .string()
  .min(1, '请选择')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_.:-]+$/, '编号格式不正确');

const ZText = (what: string, max = 2000) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}字`);

/** 文种 of a report: 请示, 报告, 申请. */
export const REPORT_KINDS = ['请示', '报告', '申请'] as const;
/** 依次审批 (one after another) or 同时审批 (all at once). */
export const APPROVAL_MODES = ['sequence', 'parallel'] as const;
/** In parallel: 全部同意 (all must approve) or 任一同意 (any one suffices). */
export const PARALLEL_RULES = ['all', 'any'] as const;

const ZApprovers = z
  .array(ZId)
  .max(20, '审批人最多20人')
  .refine((ids) => new Set(ids).size === ids.length, '审批人不能重复');

/** 拟稿: the report as the author drafts it (the start payload). */
export const ZReportDraft = z.object({
  /** 请示 / 报告 / 申请 */
  kind: z.enum(REPORT_KINDS, { message: '请选择文种' }),
  /** 标题 */
  title: ZText('标题', 200),
  /** 正文 */
  body: ZDocumentBody,
  /** 附件 */
  attachments: z.array(ZAttachment).max(50, '附件最多50个').default([]),
  /** 审批人, in the order they act when `mode` is sequence (may be chosen later, before 送审). */
  approvers: ZApprovers.default([]),
  mode: z.enum(APPROVAL_MODES, { message: '请选择审批方式' }).default('sequence'),
  /** Parallel only: all approvers must approve, or any one. */
  parallelRule: z.enum(PARALLEL_RULES, { message: '请选择会签规则' }).default('all'),
});
/** A validated report draft (报告), the output of `ZReportDraft`. */
export type ReportDraft = z.infer<typeof ZReportDraft>;

/** Changes the author may make when sending (or sending again). */
const ZDraftChanges = {
  kind: z.enum(REPORT_KINDS, { message: '请选择文种' }).optional(),
  title: ZText('标题', 200).optional(),
  body: ZDocumentBody.optional(),
  attachments: z.array(ZAttachment).max(50, '附件最多50个').optional(),
  approvers: ZApprovers.optional(),
  mode: z.enum(APPROVAL_MODES, { message: '请选择审批方式' }).optional(),
  parallelRule: z.enum(PARALLEL_RULES, { message: '请选择会签规则' }).optional(),
};

/** 送审: the author sends the draft to the approvers (with last changes). */
export const ZSubmitReport = z.object({
  ...ZDraftChanges,
  note: z.string().trim().max(500).optional(),
});

/**
 * 重新送审 after a 退回: the revised report. The round restarts from `restartFrom` (default:
 * the approver who returned it): in sequence, approvals before that approver stand; in
 * parallel, the other approvals stand. `restartAll` (or changing approvers, mode or rule)
 * asks everyone again.
 */
export const ZResubmitReport = z.object({
  ...ZDraftChanges,
  restartFrom: ZId.optional(),
  restartAll: z.boolean().default(false),
  note: ZText('修改说明', 500).optional(),
});

/** 同意 */
export const ZApproveReport = z.object({ opinion: z.string().trim().max(2000).optional() });
/** 退回修改 (to the author), reason required. */
export const ZReturnReport = z.object({ reason: ZText('退回理由') });
/** 不同意 (ends the report), reason required. */
export const ZRejectReport = z.object({ reason: ZText('不同意的理由') });
/** 撤回 by the author (ends the report). */
export const ZWithdrawReport = z.object({ reason: z.string().trim().max(500).optional() });
