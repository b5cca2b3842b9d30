import { z } from 'zod';
import { ZAttachment } from '../shared/attachment.ts';
import { ZDocumentBody } from '../shared/document-body.ts';
import { SECRECY_LEVELS, URGENCIES } from '../shared/document-vocabulary.ts';

/** An id of a user, department or unit, as the directory spells it. */
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

const ZOptionalText = (what: string, max = 2000) =>
  z.string().trim().max(max, `${what}不能超过${max}字`).optional();

/** The 15 kinds of official documents (文种) of the 党政机关公文处理工作条例. */
export const DOC_TYPES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
] as const;
/** One 文种. */
export type DocType = (typeof DOC_TYPES)[number];

/** 主送 / 抄送: a unit on the platform (by id) or an external unit (by name). */
export const ZRecipient = z.union(
  [z.strictObject({ unitId: ZId }), z.strictObject({ name: ZText('受文单位名称', 100) })],
  { message: '受文单位应为平台内单位或填写单位名称' },
);
/** A recipient unit. */
export type Recipient = z.output<typeof ZRecipient>;

/** An attachment of an outgoing document; `original` marks the imported Word file (原稿). */
export const ZOutgoingAttachment = ZAttachment.extend({
  role: z.enum(['attachment', 'original']).default('attachment'),
});

/** 机关代字, e.g. 示政办发. */
export const ZIssuerCode = z
  .string({ message: '请填写机关代字' })
  .trim()
  .min(1, '请填写机关代字')
  .max(20, '机关代字不能超过20字')
  .regex(/^[^\s〔〕:]+$/, '机关代字不能含空格、〔〕或冒号');

const recipientList = (what: string) => z.array(ZRecipient).max(500, `${what}最多500个单位`);

/** The header fields without defaults (what an `EDIT` may change). */
const ZHeaderBase = z.object({
  /** 拟稿单位: the drafting department */
  draftingDepartment: ZId,
  /** 机关代字 of the 文号 */
  issuerCode: ZIssuerCode,
  /** 文种 */
  docType: z.enum(DOC_TYPES, { message: '请选择文种' }),
  /** 密级 */
  secrecy: z.enum(SECRECY_LEVELS, { message: '请选择密级' }),
  /** 保密期限 (required for classified documents) */
  secrecyTerm: ZOptionalText('保密期限', 20),
  /** 紧急程度 */
  urgency: z.enum(URGENCIES, { message: '请选择紧急程度' }),
  /** 分类 */
  classification: z.string().trim().max(30, '分类不能超过30字'),
  /** 主送 */
  mainRecipients: recipientList('主送'),
  /** 抄送 */
  ccRecipients: recipientList('抄送'),
  /** 标题 */
  title: ZText('标题', 200),
  /** 份数 */
  copies: z.number({ message: '份数应为整数' }).int('份数应为整数').min(1, '份数至少为1').max(9999),
  /** 主题词 */
  keywords: z.array(ZText('主题词', 20)).max(10, '主题词最多10个'),
  /** 附件 (blob references; the imported .docx is kept with role `original`) */
  attachments: z.array(ZOutgoingAttachment).max(50, '附件最多50个'),
});

/** The header (稿头) of an outgoing document, as the drafter fills it in (defaults applied). */
export const ZOutgoingHeaderFields = ZHeaderBase.extend({
  secrecy: ZHeaderBase.shape.secrecy.default('非密'),
  urgency: ZHeaderBase.shape.urgency.default('普通'),
  classification: ZHeaderBase.shape.classification.default(''),
  mainRecipients: ZHeaderBase.shape.mainRecipients.default([]),
  ccRecipients: ZHeaderBase.shape.ccRecipients.default([]),
  keywords: ZHeaderBase.shape.keywords.default([]),
  attachments: ZHeaderBase.shape.attachments.default([]),
});

/** Header fields an `EDIT` changes; fields left out stay as they are (no defaults). */
export const ZOutgoingHeaderChange = ZHeaderBase.partial();

function secrecyRule<T extends { secrecy?: string | undefined; secrecyTerm?: string | undefined }>(
  h: T,
  ctx: z.RefinementCtx,
) {
  if (h.secrecy !== undefined && h.secrecy !== '非密' && !h.secrecyTerm) {
    ctx.addIssue({ code: 'custom', message: '涉密文件须填写保密期限', path: ['secrecyTerm'] });
  }
}

/** The header without the body, validated (for `EDIT` header changes). */
export const ZOutgoingHeader = ZOutgoingHeaderFields.superRefine(secrecyRule);
/** The validated header. */
export type OutgoingHeader = z.output<typeof ZOutgoingHeaderFields>;

/** 拟稿: the start payload — header plus the first version of the 正文. */
export const ZCreateOutgoingDraft = ZOutgoingHeaderFields.extend({
  /** 正文, the first version */
  body: ZDocumentBody,
  /** The Word file the body was imported from, kept as an attachment (role `original`) */
  importedFrom: ZAttachment.optional(),
}).superRefine(secrecyRule);
/** The validated start payload. */
export type OutgoingDraft = z.output<typeof ZCreateOutgoingDraft>;

/** 保存正文 (a new version) and optionally a changed header. */
export const ZEdit = z.object({
  body: ZDocumentBody,
  /** Header fields to change (the drafter, the checker or the drafter while consolidating). */
  header: ZOutgoingHeaderChange.optional(),
  /** 修改说明 */
  note: ZOptionalText('修改说明', 500),
});

/** 提交核稿: the drafter submits; `checker` overrides the default (the drafter's direct superior). */
export const ZSubmit = z.object({
  checker: ZId.optional(),
  note: ZOptionalText('说明', 500),
});

/** 会签部门 as the checker picks it. */
export const ZCountersignDepartment = z.object({
  departmentId: ZId,
  /** Where a member's opinion goes: back to the head (`head`) or straight on (`next`). */
  memberOpinionTo: z.enum(['head', 'next'], { message: '请选择承办人意见的去向' }).default('head'),
});

/** 会签: departments in sequence (依次) or in parallel (同时). */
export const ZCountersignPlan = z.object({
  mode: z.enum(['sequence', 'parallel'], { message: '请选择依次或同时会签' }),
  departments: z
    .array(ZCountersignDepartment)
    .max(30, '会签部门最多30个')
    .refine((ds) => new Set(ds.map((d) => d.departmentId)).size === ds.length, '会签部门不能重复'),
});
/** A validated 会签 plan. */
export type CountersignPlan = z.output<typeof ZCountersignPlan>;

/** 核稿: opinion, optional edit, the 会签 plan, the 签发 leader, optionally the 复核 person. */
export const ZCheck = z.object({
  opinion: ZText('核稿意见'),
  body: ZDocumentBody.optional(),
  countersign: ZCountersignPlan.default({ mode: 'parallel', departments: [] }),
  /** 签发人 (a leader) */
  signer: ZId,
  /** 复核人 (default: the secretariat) */
  rechecker: ZId.optional(),
});

/** 退回 (reason required). */
export const ZReturn = z.object({ reason: ZText('退回理由') });

/** 撤回: `departmentId` when taking back a step inside one 会签 department. */
export const ZWithdraw = z.object({ departmentId: ZId.optional() });

/** 指定会签人: the head hands the department's 会签 to a member. */
export const ZAssignMember = z.object({
  departmentId: ZId,
  memberId: ZId,
  note: ZOptionalText('说明', 500),
});

/** 会签意见, with an optional proposed edit of the 正文 (a new version). */
export const ZCountersign = z.object({
  departmentId: ZId,
  opinion: ZText('会签意见'),
  /** 同意 / 不同意 (the opinion explains) */
  agree: z.boolean().default(true),
  body: ZDocumentBody.optional(),
});

/** 再次会签 after consolidation: the same departments, or a new plan. */
export const ZCountersignAgain = z.object({
  countersign: ZCountersignPlan.optional(),
  note: ZOptionalText('说明', 500),
});

/** 送复核 after consolidation. */
export const ZSendToRecheck = z.object({ note: ZOptionalText('说明', 500) });

/** 复核. */
export const ZRecheck = z.object({
  opinion: ZText('复核意见'),
  body: ZDocumentBody.optional(),
});

/** 签发 (approve), with the leader's opinion and optional keyboard edit. */
export const ZSign = z.object({
  opinion: z.string().trim().min(1, '请填写签发意见').max(2000).default('同意'),
  body: ZDocumentBody.optional(),
});

/** 不予签发: the flow ends; the reason is kept. */
export const ZReject = z.object({ reason: ZText('不予签发理由') });

/** 退回修改: back to the drafter for a major revision, then 会签 again. */
export const ZReturnForRevision = z.object({
  reason: ZText('修改意见'),
  body: ZDocumentBody.optional(),
});

/** 成文/清稿: `auto` (自动清稿: the signed version is final) or `manual` with the clean copy. */
export const ZFinalize = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('auto'), note: ZOptionalText('说明', 500) }),
    z.object({ mode: z.literal('manual'), body: ZDocumentBody, note: ZOptionalText('说明', 500) }),
  ],
  { message: '请选择自动清稿或手工清稿' },
);

/** 文号作废: the number stays recorded as voided; `renumber` takes the next one at once. */
export const ZVoidDocNumber = z.object({
  reason: ZText('作废理由', 500),
  renumber: z.boolean().default(true),
});

/** 盖章: what the seal service produced (sent by `sealOutgoingDocument`). */
export const ZSeal = z.object({
  /** Blob key of the sealed PDF */
  pdfBlobKey: z.string().min(1).max(200),
  /** SHA-256 of the sealed PDF */
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 格式不正确'),
  pageCount: z.number().int().min(1).max(100_000),
  /** Hex serial of the seal certificate */
  certificateSerial: z.string().min(1).max(100),
  /** The unit name in the certificate */
  signerName: z.string().min(1).max(200),
  sealId: z.string().min(1).max(100),
  /** The 文号 printed on the sealed PDF (must be the case's current one) */
  docNumber: z.string().min(1).max(60),
  sealedAt: z.iso.datetime({ offset: true }),
});

/** One delivery of 分发. */
export const ZDelivery = z.object({
  /** Recipient key: `unit:<unitId>` or `ext:<n>` (see `recipientKey`) */
  recipient: z.string().min(1).max(100),
  /** The 收文 case created in a platform unit */
  incomingCaseId: z.string().min(1).max(128).optional(),
  /** The user who registered it there (a platform unit's 签收) */
  registeredBy: ZId.optional(),
  /** 发送方式 for external units: 机要交换, 邮寄, 专人送达 … */
  method: z.string().trim().max(20).default('平台'),
});

/** 分发 (sent by `distributeToUnits`): one delivery per recipient unit. */
export const ZDistribute = z.object({
  /** One per 主送/抄送 recipient (the machine checks they match); empty when there are none. */
  deliveries: z.array(ZDelivery).max(1000),
});

/** 回执 of an external unit, recorded by a secretary on its behalf. */
export const ZRecordReceipt = z.object({
  recipient: z.string().min(1).max(100),
  /** 签收人 at the receiving unit */
  receivedBy: ZText('签收人', 50),
  /** 签收时间 (default: now) */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  note: ZOptionalText('说明', 500),
});

/** 催办回执 (manual). */
export const ZRemindReceipts = z.object({ note: ZOptionalText('催办说明', 500) });

/** 作废拟稿 (the drafter abandons the draft). */
export const ZCancel = z.object({ reason: ZText('作废理由', 500) });

/** 归档. */
export const ZArchive = z.object({
  note: ZOptionalText('说明', 500),
  archiveCode: z.string().trim().max(50).optional(),
});
