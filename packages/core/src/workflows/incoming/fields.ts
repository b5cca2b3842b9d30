import { z } from 'zod';
import { ZAttachment } from '../shared/attachment.ts';
import { DIRECTIONS, SECRECY_LEVELS, URGENCIES } from '../shared/document-vocabulary.ts';

/** An id of a user or department, as the directory spells it. */
const ZId = z
  .string()
  .min(1, '请选择')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_.:-]+$/, '编号格式不正确');

/** 红头 / 白头: the kind of incoming document, which selects the 收文编号 sequence. */
export const HEAD_TYPES = ['红头', '白头'] as const;

const ZDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const ZText = (what: string, max = 2000) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}字`);

/** 签收登记: the registration header of an incoming document (the start payload). */
export const ZRegistration = z
  .object({
    /** 标题 */
    title: ZText('标题', 200),
    /** 来文单位 */
    senderUnit: ZText('来文单位', 100),
    /** 来文字号 (the sender's 文号) */
    senderDocNumber: z.string().trim().max(50, '来文字号不能超过50字').default(''),
    /** 收文日期 */
    receivedDate: ZDate,
    /** 成文日期 */
    writtenDate: ZDate.optional(),
    /** 文种 (通知, 请示, 函 …) */
    docType: ZText('文种', 20),
    /** 分类代码 */
    classificationCode: z.string().trim().max(30, '分类代码不能超过30字').default(''),
    /** 主题词 */
    keywords: z.array(ZText('主题词', 20)).max(10, '主题词最多10个').default([]),
    /** 密级 */
    secrecy: z.enum(SECRECY_LEVELS, { message: '请选择密级' }).default('非密'),
    /** 保密期限 (required for classified documents) */
    secrecyTerm: z.string().trim().max(20).optional(),
    /** 紧急程度 */
    urgency: z.enum(URGENCIES, { message: '请选择紧急程度' }).default('普通'),
    /** 红头 / 白头 */
    headType: z.enum(HEAD_TYPES, { message: '请选择红头或白头' }),
    /** 上级来文 / 下级来文 / 平级来文 */
    direction: z.enum(DIRECTIONS, { message: '请选择来文方向' }),
    /** 份数 */
    copies: z
      .number({ message: '份数应为整数' })
      .int('份数应为整数')
      .min(1, '份数至少为1')
      .max(9999),
    /** 页数 */
    pages: z
      .number({ message: '页数应为整数' })
      .int('页数应为整数')
      .min(1, '页数至少为1')
      .max(99999),
    /** 附件 (blob references) */
    attachments: z.array(ZAttachment).max(50, '附件最多50个').default([]),
    /** 来源: the 发文 case of another unit on the platform that sent this document (分发) */
    source: z
      .object({
        workflow: z.literal('outgoing'),
        caseId: z.string().min(1).max(128),
        unitId: ZId,
        docNumber: z.string().max(60),
      })
      .optional(),
  })
  .refine((r) => r.secrecy === '非密' || (r.secrecyTerm !== undefined && r.secrecyTerm !== ''), {
    message: '涉密文件须填写保密期限',
    path: ['secrecyTerm'],
  });
/** The validated registration. */
export type Registration = z.output<typeof ZRegistration>;

/** 拟办: the secretariat's proposal of how to handle the document. */
export const ZProposal = z
  .object({
    /** 拟办意见 */
    opinion: ZText('拟办意见'),
    /** 批示领导 (user ids), in order when `leaderMode` is `sequence` */
    leaders: z
      .array(ZId)
      .min(1, '至少选择一位批示领导')
      .max(10, '批示领导最多10位')
      .refine((ids) => new Set(ids).size === ids.length, '批示领导不能重复'),
    /** 依次批示 or 同时批示 */
    leaderMode: z.enum(['sequence', 'parallel'], { message: '请选择依次或同时批示' }),
    /** 主办部门 */
    mainDepartment: ZId.optional(),
    /** 协办部门 */
    assistDepartments: z.array(ZId).max(20).default([]),
    /** 传阅部门 */
    circulateDepartments: z.array(ZId).max(50).default([]),
    /** 催办: remind automatically at the deadline and after it */
    supervise: z.boolean().default(false),
    /** Working days between automatic reminders after the deadline (default: the workflow's, 1) */
    remindEveryWorkingDays: z
      .number({ message: '催办间隔应为整数' })
      .int('催办间隔应为整数')
      .min(1, '催办间隔至少1个工作日')
      .max(30, '催办间隔最多30个工作日')
      .optional(),
    /** 办理时限 (ISO instant or date); default 7 working days from the proposal */
    deadline: z.union([z.iso.datetime({ offset: true }), ZDate]).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.mainDepartment === undefined && p.circulateDepartments.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: '请选择主办部门或传阅部门',
        path: ['mainDepartment'],
      });
    }
    if (p.mainDepartment === undefined && p.assistDepartments.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: '有协办部门时须指定主办部门',
        path: ['mainDepartment'],
      });
    }
    const handling = [...(p.mainDepartment ? [p.mainDepartment] : []), ...p.assistDepartments];
    if (new Set(handling).size !== handling.length) {
      ctx.addIssue({
        code: 'custom',
        message: '主办与协办部门不能重复',
        path: ['assistDepartments'],
      });
    }
    if (new Set(p.circulateDepartments).size !== p.circulateDepartments.length) {
      ctx.addIssue({ code: 'custom', message: '传阅部门不能重复', path: ['circulateDepartments'] });
    }
  });
/** The validated proposal. */
export type Proposal = z.output<typeof ZProposal>;

/** 审阅: the office director accepts the proposal, or replaces it. */
export const ZReview = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('accept'), opinion: z.string().trim().max(2000).optional() }),
    z.object({
      decision: z.literal('change'),
      opinion: z.string().trim().max(2000).optional(),
      proposal: ZProposal,
    }),
  ],
  { message: '请选择同意拟办或修改拟办' },
);

/** 批示: a leader's instruction; may add departments. */
export const ZInstruct = z.object({
  opinion: ZText('批示意见'),
  addAssistDepartments: z.array(ZId).max(20).default([]),
  addCirculateDepartments: z.array(ZId).max(50).default([]),
});

/** 退回: reason required; `departmentId` when returning inside one department's handling. */
export const ZReturn = z.object({
  reason: ZText('退回理由'),
  departmentId: ZId.optional(),
});

/** 撤回: `departmentId` when taking back a step inside one department. */
export const ZWithdraw = z.object({ departmentId: ZId.optional() });

/** 分派承办人 (department head) or 转办 (handler hands it down). */
export const ZAssign = z.object({
  departmentId: ZId,
  handlerId: ZId,
  note: z.string().trim().max(2000).optional(),
});

/** 办理结果. */
export const ZResult = z.object({
  departmentId: ZId,
  result: ZText('办理结果', 5000),
  attachments: z.array(ZAttachment).max(50).default([]),
});

/** 确认办结 by the department head. */
export const ZConfirm = z.object({
  departmentId: ZId,
  opinion: z.string().trim().max(2000).optional(),
});

/** 退回办理结果 to the handler. */
export const ZSendBack = z.object({ departmentId: ZId, reason: ZText('退回理由') });

/** 传阅: a department head picks the readers in the department and may pass it one level down. */
export const ZPickReaders = z.object({
  departmentId: ZId,
  readers: z
    .array(ZId)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, '阅读人不能重复'),
  /** Sub-departments (one level down) whose heads pick their own readers. */
  forwardTo: z.array(ZId).max(50).default([]),
});

/** 已阅. */
export const ZRead = z.object({
  departmentId: ZId,
  opinion: z.string().trim().max(2000).optional(),
});

/** 催办 (manual, by the secretariat). */
export const ZRemind = z.object({ note: z.string().trim().max(500).optional() });

/** 归档. */
export const ZArchive = z.object({
  note: z.string().trim().max(500).optional(),
  /** 档号, if the archive assigns it now */
  archiveCode: z.string().trim().max(50).optional(),
});
