import { z } from 'zod';
// Shared vocabulary (will move to a shared folder): the attachment reference.
import { ZAttachment } from '../shared/attachment.ts';

/** An id of a user or department, as the directory spells it. */
const ZId = z
  .string()
  .min(1, '请选择')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_.:-]+$/, '编号格式不正确');

const ZDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const ZText = (what: string, max = 2000) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}字`);
const ZNote = z.string().trim().max(2000).optional();

/** 信访事项类别. */
export const PETITION_CATEGORIES = [
  '征地拆迁',
  '劳动社保',
  '涉法涉诉',
  '城乡建设',
  '环境保护',
  '教育医疗',
  '农村农业',
  '其他',
] as const;
/** 来信 or 来访. */
export const PETITION_CHANNELS = ['letter', 'visit'] as const;
/** How a written notice (告知书, 延期告知, 答复) reached the petitioner. */
export const NOTICE_METHODS = ['当面送达', '邮寄', '电子邮件', '短信', '其他'] as const;
/** 满意度评价. */
export const SATISFACTION_RATINGS = ['满意', '基本满意', '不满意'] as const;
/** Outcome of a 复查 or 复核: 维持, 撤销 or 变更 the earlier opinion. */
export const REVIEW_OUTCOMES = ['维持', '撤销', '变更'] as const;
/** A 走访 of this many people or more is a 集体访, which elects at most five representatives. */
export const COLLECTIVE_VISIT_MIN = 5;
/** At most five representatives of a 集体访 (信访工作条例). */
export const MAX_REPRESENTATIVES = 5;

/** A petitioner (信访人): name and the personal data the privacy rule masks. */
export const ZPetitioner = z.object({
  /** 姓名 */
  name: ZText('姓名', 50),
  /** 身份证号 (15 or 18 characters; spaces and hyphens are ignored) */
  idNumber: z
    .string()
    .trim()
    .max(30, '身份证号过长')
    .refine(
      (s) => s === '' || /^(\d{15}|\d{17}[\dXx])$/.test(s.replace(/[\s-]/g, '')),
      '身份证号应为15位或18位',
    )
    .optional(),
  /** 联系电话 */
  phone: z
    .string()
    .trim()
    .max(30, '电话过长')
    .refine((s) => s === '' || /^[+\d\s()-]{5,30}$/.test(s), '电话格式不正确')
    .optional(),
  /** 住址 */
  address: z.string().trim().max(200, '住址不能超过200字').optional(),
});
/** A validated petitioner. */
export type Petitioner = z.output<typeof ZPetitioner>;

/** An earlier case this one repeats (重复信访), as `findRepeatPetitions` found it. */
export const ZRepeatOf = z.object({
  caseId: z.string().min(1).max(128),
  serialNo: z.string().max(60).nullable().default(null),
  /** Why it matched (e.g. 身份证号相同). */
  reasons: z.array(z.string().max(100)).max(10).default([]),
});

const common = {
  /** 信访事项 (summary of the matter) */
  summary: ZText('信访事项', 5000),
  /** 问题属地 (where the problem arose, e.g. 城关镇) */
  locality: ZText('问题属地', 50),
  /** 类别 */
  category: z.enum(PETITION_CATEGORIES, { message: '请选择类别' }),
  /** 被反映部门: departments the complaint is about; the petitioner's identity is hidden from them */
  subjectDepartments: z.array(ZId).max(20).default([]),
  /** 重复信访: the earlier cases of the same person (the caller runs `findRepeatPetitions`) */
  repeatOf: z.array(ZRepeatOf).max(50).default([]),
  /** Other attachments (材料) */
  attachments: z.array(ZAttachment).max(50, '附件最多50个').default([]),
};

/** 来信登记. */
export const ZLetterRegistration = z.object({
  channel: z.literal('letter'),
  /** 来信人 */
  sender: ZPetitioner,
  /** 收信日期 (the 15 days to decide count from here) */
  receivedDate: ZDate,
  /** 来信日期 as written on the letter */
  letterDate: ZDate.optional(),
  /** 来信扫描件 */
  scans: z.array(ZAttachment).max(20, '扫描件最多20个').default([]),
  ...common,
});

/** 来访登记. */
export const ZVisitRegistration = z.object({
  channel: z.literal('visit'),
  /** 来访人 (those who gave their names; a 集体访 may list only some) */
  visitors: z.array(ZPetitioner).min(1, '请填写来访人').max(50, '来访人最多登记50人'),
  /** 来访人数 */
  headcount: z.number({ message: '人数应为整数' }).int('人数应为整数').min(1).max(10000),
  /** 代表 (names from `visitors`), required for a 集体访 */
  representatives: z
    .array(ZText('代表姓名', 50))
    .max(MAX_REPRESENTATIVES, '代表不超过5人')
    .default([]),
  /** 来访时间 */
  visitedAt: z.iso.datetime({ offset: true, message: '来访时间格式不正确' }),
  /** 接待地点 */
  receptionPlace: ZText('接待地点', 100),
  /** 接谈人 (a user of the unit) */
  receptionist: ZId,
  ...common,
});

/** 登记: a letter or a visit (the start payload). */
export const ZPetitionRegistration = z
  .discriminatedUnion('channel', [ZLetterRegistration, ZVisitRegistration], {
    message: '请选择来信或来访',
  })
  .superRefine((r, ctx) => {
    if (r.channel !== 'visit') return;
    if (r.visitors.length > r.headcount)
      ctx.addIssue({ code: 'custom', message: '登记的来访人多于来访人数', path: ['headcount'] });
    const names = new Set(r.visitors.map((v) => v.name));
    if (r.headcount >= COLLECTIVE_VISIT_MIN && r.representatives.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: `${COLLECTIVE_VISIT_MIN}人以上的集体访须推选代表（不超过5人）`,
        path: ['representatives'],
      });
    for (const rep of r.representatives)
      if (!names.has(rep))
        ctx.addIssue({
          code: 'custom',
          message: `代表须为登记的来访人：${rep}`,
          path: ['representatives'],
        });
  });
/** A validated registration. */
export type PetitionRegistration = z.output<typeof ZPetitionRegistration>;

const ZNotice = {
  /** 告知日期 (the written notice was issued / delivered) */
  noticeIssuedOn: ZDate,
  /** 送达方式 */
  noticeMethod: z.enum(NOTICE_METHODS, { message: '请选择送达方式' }),
};

/** 受理. */
export const ZAccept = z.object({ note: ZNote });
/** 不予受理: reason and the written 告知 recorded. */
export const ZDecline = z.object({ reason: ZText('不予受理理由'), ...ZNotice });
/** 转送: to the organ with the power to handle it (outside this unit), 告知 recorded. */
export const ZTransfer = z.object({
  toUnit: ZText('转送机关', 100),
  reason: z.string().trim().max(2000).optional(),
  ...ZNotice,
});
/** 交办: to the responsible department; whether its people may see who the petitioner is. */
export const ZAssignDepartment = z.object({
  departmentId: ZId,
  /** The office decided the department may know the petitioner's identity */
  disclosePetitioner: z.boolean().default(false),
  note: ZNote,
});
/** 分派承办人 by the department head. */
export const ZAssignHandler = z.object({ handlerId: ZId, note: ZNote });
/** 申请延期 (at most 30 days in all). */
export const ZRequestExtension = z.object({
  days: z
    .number({ message: '延期天数应为整数' })
    .int('延期天数应为整数')
    .min(1)
    .max(30, '延期不得超过30日'),
  reason: ZText('延期理由'),
});
/** 批准延期, with the notice to the petitioner (延期告知) recorded. */
export const ZApproveExtension = z.object({ opinion: ZNote, ...ZNotice });
/** 不批准延期. */
export const ZDenyExtension = z.object({ reason: ZText('不批准理由') });
/** 拟定处理意见 / 答复意见 by the handler. */
export const ZSubmitReply = z.object({
  opinion: ZText('处理意见', 5000),
  /** 调查核实情况 */
  findings: z.string().trim().max(5000).optional(),
  attachments: z.array(ZAttachment).max(50).default([]),
});
/** 审核并答复: the head approves the 答复意见 and it is sent. */
export const ZApproveReply = z.object({
  opinion: ZNote,
  /** 送达日期 (the 30 days to ask for 复查 count from here) */
  deliveredOn: ZDate,
  method: z.enum(NOTICE_METHODS, { message: '请选择送达方式' }),
});
/** 退回修改 (to the handler). */
export const ZReturnReply = z.object({ reason: ZText('退回理由') });
/** 满意度评价. */
export const ZRecordSatisfaction = z.object({
  rating: z.enum(SATISFACTION_RATINGS, { message: '请选择满意度' }),
  note: ZNote,
});
/** 复查 / 复核 request. */
export const ZRequestReview = z.object({
  /** 收到申请日期 */
  requestedOn: ZDate,
  /** 复查（复核）机关 */
  reviewBody: ZText('复查机关', 100),
  /** Who records the opinion (a user of the unit) */
  reviewerId: ZId,
  reason: z.string().trim().max(2000).optional(),
});
/** 复查意见 / 复核意见. */
export const ZReviewOpinion = z.object({
  outcome: z.enum(REVIEW_OUTCOMES, { message: '请选择维持、撤销或变更' }),
  opinion: ZText('意见', 5000),
  deliveredOn: ZDate,
});
/** 办结 without (further) 复查/复核: the petitioner did not ask, or withdrew. */
export const ZClose = z.object({ reason: ZText('办结说明', 500) });
/** 催办 / 督办. */
export const ZRemind = z.object({ note: z.string().trim().max(500).optional() });
/** 归档. */
export const ZArchive = z.object({
  note: z.string().trim().max(500).optional(),
  archiveCode: z.string().trim().max(50).optional(),
});
