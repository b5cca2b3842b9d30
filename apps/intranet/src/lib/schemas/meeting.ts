import {
  MEETING_TYPES,
  ZApproveMeeting,
  ZApproveMinutes,
  ZArchiveMeeting,
  ZCancelMeeting,
  ZCloseAttendance,
  ZCompleteResolution,
  ZDraftMinutes,
  ZMeetingPlan,
  ZRejectMeeting,
  ZRemindReplies,
  ZRemindResolution,
  ZReply,
  ZResolutionProgress,
  ZReturnMeeting,
  ZReturnMinutes,
  ZSetAgenda,
  ZSignIn,
  ZSubmitPlan,
  ZSubmitTopics,
} from '@gongwen/core';
import { z } from 'zod';
import { strictDeep, strictEach } from '~/lib/schemas/strict';

/** Ids of cases as the engine accepts them. */
const ZCaseId = z.string().min(1, '缺少办件编号').max(128);
/** A client-generated idempotency key. */
const ZCommandId = z.uuid({ message: '操作编号格式不正确' });
const ZRoomId = z
  .string()
  .trim()
  .min(1, '请填写会议室编号')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_.:-]+$/, '会议室编号只能包含字母、数字和 _ . : -');

export { MEETING_TYPES };

/** A meeting case. */
export const ZMeetingCaseRef = z.strictObject({ caseId: ZCaseId });

/** 会议计划/申请: the core's plan, and optionally the room to book for its time. */
export const ZMeetingCreate = z.strictObject({
  commandId: ZCommandId,
  plan: strictDeep(ZMeetingPlan),
  roomId: ZRoomId.optional(),
});

/** The payload schema of every 会议 event a user sends from the meeting page (the core's). */
export const MEETING_EVENT_SCHEMAS = {
  SUBMIT_TOPICS: ZSubmitTopics,
  SET_AGENDA: ZSetAgenda,
  SUBMIT_PLAN: ZSubmitPlan,
  APPROVE: ZApproveMeeting,
  RETURN: ZReturnMeeting,
  REJECT: ZRejectMeeting,
  CANCEL: ZCancelMeeting,
  REPLY: ZReply,
  REMIND_REPLIES: ZRemindReplies,
  SIGN_IN: ZSignIn,
  CLOSE_ATTENDANCE: ZCloseAttendance,
  DRAFT_MINUTES: ZDraftMinutes,
  APPROVE_MINUTES: ZApproveMinutes,
  RETURN_MINUTES: ZReturnMinutes,
  ARCHIVE: ZArchiveMeeting,
  REPORT_PROGRESS: ZResolutionProgress,
  COMPLETE_RESOLUTION: ZCompleteResolution,
  REMIND_RESOLUTION: ZRemindResolution,
} as const;

/** A 会议 event type a user sends through `meeting.send`. */
export type MeetingEventType = keyof typeof MEETING_EVENT_SCHEMAS;

/** The payload schemas as procedure inputs take them: strict, nested objects too. */
const STRICT_PAYLOADS = strictEach(MEETING_EVENT_SCHEMAS);

const send = <T extends MeetingEventType>(type: T) =>
  z.strictObject({ type: z.literal(type), payload: STRICT_PAYLOADS[type] });

/** `{ type, payload }` of one event, the payload validated by the core's schema for that type. */
export const ZMeetingAction = z.discriminatedUnion(
  'type',
  [
    send('SUBMIT_TOPICS'),
    send('SET_AGENDA'),
    send('SUBMIT_PLAN'),
    send('APPROVE'),
    send('RETURN'),
    send('REJECT'),
    send('CANCEL'),
    send('REPLY'),
    send('REMIND_REPLIES'),
    send('SIGN_IN'),
    send('CLOSE_ATTENDANCE'),
    send('DRAFT_MINUTES'),
    send('APPROVE_MINUTES'),
    send('RETURN_MINUTES'),
    send('ARCHIVE'),
    send('REPORT_PROGRESS'),
    send('COMPLETE_RESOLUTION'),
    send('REMIND_RESOLUTION'),
  ],
  { message: '不支持的操作' },
);

/** Input of `meeting.send`. */
export const ZMeetingSend = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  action: ZMeetingAction,
});

/** Input of `meeting.bookRoom`: (re)book a room for the planned time. */
export const ZMeetingBookRoom = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  roomId: ZRoomId,
});

/** 会议室 as the administrator edits it. */
export const ZRoomInput = z.strictObject({
  id: ZRoomId,
  name: z.string().trim().min(1, '请填写会议室名称').max(50, '会议室名称不能超过50字'),
  capacity: z
    .number({ message: '请填写容纳人数' })
    .int('容纳人数须为整数')
    .min(1, '容纳人数至少为1')
    .max(2000, '容纳人数不能超过2000'),
  equipment: z
    .array(z.string().trim().min(1).max(20, '设备名称不能超过20字'))
    .max(20, '设备最多20项')
    .default([]),
  location: z.string().trim().max(100, '位置不能超过100字').default(''),
  active: z.boolean().default(true),
});

/** A period: [from, to). */
export const ZPeriod = z
  .strictObject({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((p) => p.to.getTime() > p.from.getTime(), { message: '结束时间须晚于开始时间' })
  .refine((p) => p.to.getTime() - p.from.getTime() <= 400 * 86_400_000, {
    message: '查询时间跨度不能超过400天',
  });

/** The meeting list (a month of the calendar, or all). */
export const ZMeetingList = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** The room calendar: bookings of the unit's rooms (or one) in a period. */
export const ZRoomCalendar = z.strictObject({
  from: z.coerce.date(),
  to: z.coerce.date(),
  roomId: ZRoomId.optional(),
});

/** 督办 filter. */
export const ZSupervisionFilter = z.strictObject({
  status: z.enum(['open', 'overdue', 'completed']).optional(),
});

/** Chinese names of every ledger event of a meeting. */
export const MEETING_EVENT_LABELS: Record<string, string> = {
  start: '会议计划',
  SUBMIT_TOPICS: '报送议题',
  SET_AGENDA: '确定议程',
  BOOK_ROOM: '预订会议室',
  SUBMIT_PLAN: '送审',
  APPROVE: '同意',
  RETURN: '退回',
  REJECT: '不同意',
  CANCEL: '取消会议',
  REPLY: '回执',
  REMIND_REPLIES: '催办回执',
  REPLY_REMIND: '自动催办回执',
  MEETING_REMIND: '会前提醒',
  SIGN_IN: '签到',
  CLOSE_ATTENDANCE: '结束签到',
  DRAFT_MINUTES: '提交会议记录',
  APPROVE_MINUTES: '校对通过',
  RETURN_MINUTES: '退回会议记录',
  ARCHIVE: '归档',
  REPORT_PROGRESS: '报告进展',
  COMPLETE_RESOLUTION: '决议办结',
  REMIND_RESOLUTION: '催办决议',
  RESOLUTION_DUE: '决议到期提醒',
};
