import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import type { MeetingPlan } from './fields.ts';

/** Sign-in (签到) opens this long before the start. */
export const CHECK_IN_OPENS_MS = 2 * 3_600_000;

/** The plan as the machine keeps it (defaults applied). */
export type MeetingPlanRecord = MeetingPlan & { replyBy: string };

/** A submitted 议题. */
export interface MeetingTopic {
  /** `t1`, `t2` … in order of submission. */
  id: string;
  /** The submitting department, or null for the organiser's own topic. */
  departmentId: string | null;
  title: string;
  summary: string;
  materials: Array<{ blobId: string; name: string }>;
  presenterId: string | null;
  submittedBy: string;
  at: string;
}

/** The room booking the meeting holds. */
export interface MeetingBookingRef {
  bookingId: string;
  roomId: string;
  /** The room's name when booked (第一会议室), for notices; absent on older cases. */
  roomName?: string | null;
  start: string;
  end: string;
}

/** One invitee of the notice: a person, or a department its head answers for. */
export interface MeetingInvitee {
  key: string;
  kind: 'user' | 'department';
  id: string;
}

/** A 回执. */
export interface MeetingReply {
  answer: 'attend' | 'leave' | 'delegate';
  reason: string | null;
  deputyId: string | null;
  /** Who attends for a department (the head when not named). */
  attendeeIds: string[];
  /** The principal who answered (the user, or the department's head). */
  by: string;
  actorId: string;
  at: string;
}

/** One attendance record (签到). */
export interface AttendanceRecord {
  at: string;
  /** Who recorded it: the participant, or the organiser for them. */
  recordedBy: string;
}

/** A 决议事项 under supervision (督办). */
export interface MeetingResolution {
  /** `r1`, `r2` … */
  id: string;
  title: string;
  detail: string;
  ownerDepartmentId: string;
  /** 办理时限 as an ISO instant. */
  deadlineAt: string;
  status: 'open' | 'completed';
  progress: Array<{ note: string; by: string; at: string }>;
  reminders: Array<{ at: string; by: string; note: string | null }>;
  result: string | null;
  completedBy: string | null;
  completedAt: string | null;
}

/** A resolution as drafted in the minutes (before its deadline is fixed). */
export interface DraftResolution {
  title: string;
  detail: string;
  ownerDepartmentId: string;
  deadlineWorkingDays?: number | undefined;
  deadline?: string | undefined;
}

/** The machine context of a 会议 case. */
export interface MeetingContext {
  plan: MeetingPlanRecord;
  organiser: string;
  createdAt: string;
  /** +1 with every 送审 of the plan. */
  round: number;
  topics: MeetingTopic[];
  /** Per invited department: when it answered the 议题征集 (null while pending). */
  topicResponses: Record<string, string | null>;
  /** Adopted topic ids in order (议程), or null until set. */
  agenda: string[] | null;
  booking: MeetingBookingRef | null;
  /** Bookings the case let go (replaced); `releaseMeetingRooms` cancels them. */
  releasedBookings: string[];
  submittedAt: string | null;
  approval: { by: string; actorId: string; opinion: string | null; at: string } | null;
  returned: { by: string; reason: string; at: string } | null;
  invitees: MeetingInvitee[];
  noticeAt: string | null;
  replies: Record<string, MeetingReply>;
  replyReminders: Array<{ at: string; by: string; to: string[]; note: string | null }>;
  meetingRemindedAt: string | null;
  attendance: Record<string, AttendanceRecord>;
  heldAt: string | null;
  minutes: {
    body: DocumentBody;
    resolutions: DraftResolution[];
    draftedBy: string;
    at: string;
    version: number;
  } | null;
  minutesReturns: Array<{ by: string; reason: string; at: string }>;
  minutesApproved: { by: string; opinion: string | null; at: string } | null;
  resolutions: MeetingResolution[];
  archivedAt: string | null;
  archivedBy: string | null;
  archiveCode: string | null;
  outcome: 'closed' | 'rejected' | 'cancelled' | null;
  endedReason: string | null;
  finishedAt: string | null;
}

export type Meta = { meta: EventMeta };
export type Topic = {
  title: string;
  summary: string;
  materials: Array<{ blobId: string; name: string }>;
  presenterId?: string | undefined;
};
/** Events of the 会议 machine (payloads as validated by `fields.ts`). */
export type MeetingEvent =
  | ({ type: 'SUBMIT_TOPICS'; departmentId: string; topics: Topic[] } & Meta)
  | ({ type: 'SET_AGENDA'; order: string[]; ownTopics?: Topic[] | undefined } & Meta)
  | ({
      type: 'BOOK_ROOM';
      bookingId: string;
      roomId: string;
      roomName?: string | undefined;
      start: string;
      end: string;
    } & Meta)
  | ({ type: 'SUBMIT_PLAN'; note?: string | undefined } & Meta)
  | ({ type: 'APPROVE'; opinion?: string | undefined } & Meta)
  | ({ type: 'RETURN'; reason: string } & Meta)
  | ({ type: 'REJECT'; reason: string } & Meta)
  | ({ type: 'CANCEL'; reason: string } & Meta)
  | ({
      type: 'REPLY';
      answer: 'attend' | 'leave' | 'delegate';
      departmentId?: string | undefined;
      reason?: string | undefined;
      deputyId?: string | undefined;
      attendeeIds?: string[] | undefined;
    } & Meta)
  | ({ type: 'REMIND_REPLIES'; note?: string | undefined } & Meta)
  | ({ type: 'REPLY_REMIND' } & Meta)
  | ({ type: 'MEETING_REMIND' } & Meta)
  | ({ type: 'SIGN_IN'; userId?: string | undefined } & Meta)
  | ({ type: 'CLOSE_ATTENDANCE'; note?: string | undefined } & Meta)
  | ({ type: 'DRAFT_MINUTES'; body: DocumentBody; resolutions: DraftResolution[] } & Meta)
  | ({
      type: 'APPROVE_MINUTES';
      opinion?: string | undefined;
      body?: DocumentBody | undefined;
    } & Meta)
  | ({ type: 'RETURN_MINUTES'; reason: string } & Meta)
  | ({ type: 'ARCHIVE'; archiveCode?: string | undefined; note?: string | undefined } & Meta)
  | ({ type: 'REPORT_PROGRESS'; resolutionId: string; note: string } & Meta)
  | ({ type: 'COMPLETE_RESOLUTION'; resolutionId: string; result: string } & Meta)
  | ({ type: 'REMIND_RESOLUTION'; resolutionId: string; note?: string | undefined } & Meta)
  | ({ type: 'RESOLUTION_DUE'; resolutionId: string } & Meta);

/** The machine input: the plan plus the engine's meta. */
export type MeetingInput = MeetingPlan & Meta;

/** A notification the machine emits (the engine writes it to the outbox). */
export interface MeetingNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of the 会议 machine. */
export interface MeetingMachineOptions {
  /** The unit's working calendar: resolution deadlines count working days on it. */
  calendar: WorkingCalendar;
  /** Working days between reminders of an overdue resolution (1). */
  remindIntervalWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai, 北京时间). */
  timeZone?: string;
}
