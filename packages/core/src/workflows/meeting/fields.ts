import { z } from 'zod';
import { ZAttachment } from '../shared/attachment.ts';
import { ZDocumentBody } from '../shared/document-body.ts';

/** An id of a user, department, room or booking, as the directory spells it. */
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

const ZInstant = (what: string) =>
  z.iso.datetime({
    offset: true,
    message: `${what}格式应为 ISO 时间（如 2026-12-01T09:00:00+08:00）`,
  });

const unique = (ids: string[]) => new Set(ids).size === ids.length;

/** 会议类型. */
export const MEETING_TYPES = ['常务会', '办公会', '专题会', '党组会', '其他'] as const;
/** 参加 / 请假 / 委托他人参加. */
export const REPLY_ANSWERS = ['attend', 'leave', 'delegate'] as const;
/** Chinese names of the replies. */
export const REPLY_LABELS = { attend: '参加', leave: '请假', delegate: '委托他人参加' } as const;

/** 会议计划/申请: the start payload. */
export const ZMeetingPlan = z
  .object({
    /** 会议名称 */
    title: ZText('会议名称', 200),
    /** 会议类型 */
    type: z.enum(MEETING_TYPES, { message: '请选择会议类型' }),
    /** 会议说明 */
    description: z.string().trim().max(2000).default(''),
    /** 计划开始时间 */
    start: ZInstant('开始时间'),
    /** 计划结束时间 */
    end: ZInstant('结束时间'),
    /** 拟参会人员 and 参会部门 (a department's head answers for it). */
    participants: z
      .object({
        users: z.array(ZId).max(200).default([]),
        departments: z.array(ZId).max(100).default([]),
      })
      .refine((p) => p.users.length + p.departments.length > 0, '请选择参会人员或部门')
      .refine((p) => unique(p.users) && unique(p.departments), '参会人员或部门重复'),
    /** 议题征集: departments asked to submit topics (议题). */
    topicDepartments: z.array(ZId).max(100).refine(unique, '征集部门重复').default([]),
    /** 审批领导 */
    approverId: ZId,
    /** 纪要审核人 (default: the office director, 办公室主任). */
    proofreaderId: ZId.optional(),
    /** 回复截止时间 (default: 24 hours before the start, or halfway there for a meeting planned at short notice); non-repliers are reminded then. */
    replyBy: ZInstant('回复截止时间').optional(),
    /** Minutes before the start when attendees get the 会前提醒 (SMS, message, mail). */
    remindBeforeMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(60),
  })
  .refine((p) => Date.parse(p.end) > Date.parse(p.start), {
    message: '结束时间须晚于开始时间',
    path: ['end'],
  })
  .refine((p) => p.replyBy === undefined || Date.parse(p.replyBy) <= Date.parse(p.start), {
    message: '回复截止时间须早于会议开始时间',
    path: ['replyBy'],
  });
/** A validated meeting plan (会议安排), the output of `ZMeetingPlan`. */
export type MeetingPlan = z.infer<typeof ZMeetingPlan>;

/** One 议题 as a department submits it. */
export const ZTopic = z.object({
  title: ZText('议题名称', 200),
  summary: z.string().trim().max(5000).default(''),
  /** 材料: blob keys in the BlobStore. */
  materials: z.array(ZAttachment).max(30, '材料最多30个').default([]),
  /** 汇报人 */
  presenterId: ZId.optional(),
});

/** 报送议题 (an empty list means 无议题). */
export const ZSubmitTopics = z.object({
  departmentId: ZId,
  topics: z.array(ZTopic).max(10, '每个部门最多报送10个议题'),
});

/**
 * 确定议程: the organiser orders the adopted topics (ids like `t1`) and may add topics of
 * their own, which follow in the order given.
 */
export const ZSetAgenda = z
  .object({
    order: z.array(ZId).refine(unique, '议程中议题重复').default([]),
    ownTopics: z.array(ZTopic).max(20).default([]),
  })
  .refine((a) => a.order.length + a.ownTopics.length > 0, '议程至少一项');

/** 预订会议室: the booking made through `RoomBookings` (see `bookMeetingRoom`). */
export const ZBookRoom = z.object({
  bookingId: z.string().min(1).max(100),
  roomId: ZId,
  /** The room's name (checked against the room), so that notices can name it. */
  roomName: z.string().trim().min(1).max(100).optional(),
  start: ZInstant('开始时间'),
  end: ZInstant('结束时间'),
});

/** 送审 of the plan. */
export const ZSubmitPlan = z.object({ note: z.string().trim().max(1000).optional() });
/** 同意 */
export const ZApproveMeeting = z.object({ opinion: z.string().trim().max(2000).optional() });
/** 退回 (reason required). */
export const ZReturnMeeting = z.object({ reason: ZText('退回理由') });
/** 不同意 (ends the meeting, reason required). */
export const ZRejectMeeting = z.object({ reason: ZText('不同意的理由') });
/** 取消会议 */
export const ZCancelMeeting = z.object({ reason: ZText('取消原因') });

/** 回执: 参加 / 请假 (reason) / 委托他人参加 (deputy); `departmentId` when answering for a department. */
export const ZReply = z
  .object({
    answer: z.enum(REPLY_ANSWERS, { message: '请选择参加、请假或委托他人参加' }),
    departmentId: ZId.optional(),
    reason: z.string().trim().max(500).optional(),
    deputyId: ZId.optional(),
    /** For a department that attends: who comes (default: the head). */
    attendeeIds: z.array(ZId).max(20).refine(unique, '参会人员重复').optional(),
  })
  .refine((r) => r.answer !== 'leave' || (r.reason ?? '').length > 0, {
    message: '请假须填写理由',
    path: ['reason'],
  })
  .refine((r) => r.answer !== 'delegate' || r.deputyId !== undefined, {
    message: '请指定代为参会的人员',
    path: ['deputyId'],
  });

/** 催办回执 by the organiser. */
export const ZRemindReplies = z.object({ note: z.string().trim().max(500).optional() });
/** 签到: yourself, or (organiser) someone else by `userId`. */
export const ZSignIn = z.object({ userId: ZId.optional() });
/** 结束签到: the meeting took place; minutes come next. */
export const ZCloseAttendance = z.object({ note: z.string().trim().max(500).optional() });

/** A 决议事项 as the minutes record it. */
export const ZResolution = z
  .object({
    title: ZText('决议事项', 500),
    detail: z.string().trim().max(5000).default(''),
    /** 责任部门 */
    ownerDepartmentId: ZId,
    /** 办理时限 in working days from the minutes' approval … */
    deadlineWorkingDays: z.number().int().min(0).max(365).optional(),
    /** … or a date (YYYY-MM-DD, end of that day). */
    deadline: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional(),
  })
  .refine((r) => (r.deadlineWorkingDays === undefined) !== (r.deadline === undefined), {
    message: '请填写办理时限（工作日数或截止日期，二选一）',
    path: ['deadline'],
  });

/** 会议记录: the minutes drafted (a 纪要 body) with its resolutions. */
export const ZDraftMinutes = z.object({
  body: ZDocumentBody,
  resolutions: z.array(ZResolution).max(100).default([]),
});
/** 校对通过 (the proofreader may correct the body). */
export const ZApproveMinutes = z.object({
  opinion: z.string().trim().max(2000).optional(),
  body: ZDocumentBody.optional(),
});
/** 退回修改 of the minutes. */
export const ZReturnMinutes = z.object({ reason: ZText('退回理由') });
/** 归档 */
export const ZArchiveMeeting = z.object({
  archiveCode: z.string().trim().max(50).optional(),
  note: z.string().trim().max(500).optional(),
});
/** 督办: progress on a resolution. */
export const ZResolutionProgress = z.object({ resolutionId: ZId, note: ZText('进展情况') });
/** 办结 of a resolution. */
export const ZCompleteResolution = z.object({ resolutionId: ZId, result: ZText('办理结果') });
/** 催办 of resolutions by the secretariat. */
export const ZRemindResolution = z.object({
  resolutionId: ZId,
  note: z.string().trim().max(500).optional(),
});
