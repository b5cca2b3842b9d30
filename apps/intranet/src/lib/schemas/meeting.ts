import { MEETING_TYPES, ZMeetingPlan } from '@gongwen/core';
import { MEETING_EVENTS, MEETING_LEDGER_LABELS } from '@gongwen/core/events';
import { z } from 'zod';
import { actionSchema, payloadSchemas } from '~/lib/schemas/case-action';
import { strictDeep } from '~/lib/schemas/strict';

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
export const MEETING_EVENT_SCHEMAS = payloadSchemas(MEETING_EVENTS);

/** A 会议 event type a user sends through `meeting.send`. */
export type MeetingEventType = keyof typeof MEETING_EVENT_SCHEMAS;

/** `{ type, payload }` of one event, the payload validated by the core's schema for that type. */
export const ZMeetingAction = actionSchema(MEETING_EVENT_SCHEMAS);

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
export const MEETING_EVENT_LABELS = MEETING_LEDGER_LABELS;
