import type { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { RoomBookings } from '../../ports/room-bookings.ts';
import { stateToString } from '../../util/state-value.ts';
import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import {
  defineWorkflow,
  type EventSpec,
  type LedgerProjection,
} from '../../workflow/definition.ts';
import { meetingVisibility } from './case-visibility.ts';
import type { MeetingContext } from './context.ts';
import { expectedAttendees } from './context-queries.ts';
import {
  ZApproveMeeting,
  ZApproveMinutes,
  ZArchiveMeeting,
  ZBookRoom,
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
} from './fields.ts';
import { createMeetingMachine } from './machine.ts';
import { meetingEventCheck } from './org-checks.ts';
import { MEETING_SECRETARIAT_RULE, MEETING_STATE_LABELS, meetingTasks } from './steps.ts';

/** The registry name of the 会议 workflow. */
export const MEETING_WORKFLOW = 'meeting';

/** Options of `createMeetingWorkflow`. */
export interface MeetingWorkflowOptions {
  /** The unit's working calendar; pass the same one to the engine (default: Chinese statutory). */
  calendar?: WorkingCalendar;
  /**
   * The rooms port. BOOK_ROOM is checked against it (the booking exists, is active, belongs to
   * this case and matches); without it BOOK_ROOM is refused.
   */
  roomBookings?: RoomBookings;
  /** Working days between reminders of an overdue resolution (1). */
  remindIntervalWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai, 北京时间). */
  timeZone?: string;
}

const ctxOf = (context: unknown) => context as MeetingContext;
const users = (ids: readonly string[]): AssigneeRule | null =>
  ids.length === 0 ? null : { users: [...new Set(ids)] };

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type: _type, meta: _meta, opinion, reason, note, result, ...fields } = event;
  const text = [opinion, reason, note, result].find((v) => typeof v === 'string');
  return {
    opinion: typeof text === 'string' ? text : null,
    fields: typeof result === 'string' ? { ...fields, result } : fields,
  };
}

/** Builds the 会议 workflow definition. */
export function createMeetingWorkflow(options: MeetingWorkflowOptions = {}) {
  const calendar = options.calendar ?? createChineseCalendar();
  const roomBookings = options.roomBookings ?? null;
  const machine = createMeetingMachine({
    calendar,
    ...(options.remindIntervalWorkingDays !== undefined && {
      remindIntervalWorkingDays: options.remindIntervalWorkingDays,
    }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  const checked = <S extends z.ZodType>(type: string, title: string, schema: S): EventSpec<S> => ({
    title,
    schema,
    check: meetingEventCheck(type, roomBookings),
  });
  return defineWorkflow({
    name: MEETING_WORKFLOW,
    version: 1,
    title: '会议管理',
    machine,
    startSchema: ZMeetingPlan,
    events: {
      SUBMIT_TOPICS: checked('SUBMIT_TOPICS', '报送议题', ZSubmitTopics),
      SET_AGENDA: { title: '确定议程', schema: ZSetAgenda },
      BOOK_ROOM: checked('BOOK_ROOM', '预订会议室', ZBookRoom),
      SUBMIT_PLAN: checked('SUBMIT_PLAN', '送审', ZSubmitPlan),
      APPROVE: { title: '同意', schema: ZApproveMeeting },
      RETURN: { title: '退回', schema: ZReturnMeeting },
      REJECT: { title: '不同意', schema: ZRejectMeeting },
      CANCEL: {
        title: '取消会议',
        schema: ZCancelMeeting,
        by: ({ context }) => ({ user: ctxOf(context).organiser }),
      },
      REPLY: {
        ...checked('REPLY', '回执', ZReply),
        // Invitees may change their reply until the meeting starts, after their task closed.
        by: ({ context }) => {
          const c = ctxOf(context);
          const rules: AssigneeRule[] = c.invitees.map((i) =>
            i.kind === 'user' ? { user: i.id } : { headOf: i.id },
          );
          return rules.length === 0 ? null : { anyOf: rules };
        },
      },
      REMIND_REPLIES: { title: '催办回执', schema: ZRemindReplies },
      SIGN_IN: {
        ...checked('SIGN_IN', '签到', ZSignIn),
        by: ({ context }) => {
          const c = ctxOf(context);
          return users([...expectedAttendees(c), c.organiser]);
        },
      },
      CLOSE_ATTENDANCE: { title: '结束签到', schema: ZCloseAttendance },
      DRAFT_MINUTES: checked('DRAFT_MINUTES', '提交会议记录', ZDraftMinutes),
      APPROVE_MINUTES: { title: '校对通过', schema: ZApproveMinutes },
      RETURN_MINUTES: { title: '退回修改', schema: ZReturnMinutes },
      ARCHIVE: { title: '归档', schema: ZArchiveMeeting },
      REPORT_PROGRESS: checked('REPORT_PROGRESS', '报告进展', ZResolutionProgress),
      COMPLETE_RESOLUTION: checked('COMPLETE_RESOLUTION', '办结', ZCompleteResolution),
      REMIND_RESOLUTION: {
        title: '督办催办',
        schema: ZRemindResolution,
        by: ({ context }) => ({
          anyOf: [MEETING_SECRETARIAT_RULE, { user: ctxOf(context).organiser }],
        }),
      },
    },
    tasks: ({ snapshot }) =>
      meetingTasks(stateToString(snapshot.value), snapshot.context as MeetingContext),
    header: (snapshot) => {
      const ctx = snapshot.context as MeetingContext;
      return {
        title: ctx.plan.title,
        fields: {
          type: ctx.plan.type,
          organiser: ctx.organiser,
          start: ctx.plan.start,
          end: ctx.plan.end,
          approverId: ctx.plan.approverId,
          roomId: ctx.booking?.roomId ?? null,
          roomName: ctx.booking?.roomName ?? null,
          bookingId: ctx.booking?.bookingId ?? null,
          topicCount: ctx.topics.length,
          agendaCount: ctx.agenda?.length ?? 0,
          invitees: ctx.invitees.length,
          replied: Object.keys(ctx.replies).length,
          signedIn: Object.keys(ctx.attendance).length,
          approvedAt: ctx.approval?.at ?? null,
          heldAt: ctx.heldAt,
          minutesApprovedAt: ctx.minutesApproved?.at ?? null,
          archivedAt: ctx.archivedAt,
          resolutions: ctx.resolutions.map((r) => ({
            id: r.id,
            ownerDepartmentId: r.ownerDepartmentId,
            deadlineAt: r.deadlineAt,
            status: r.status,
            completedAt: r.completedAt,
          })),
          outcome: ctx.outcome,
          finishedAt: ctx.finishedAt,
        },
      };
    },
    ledger: project,
    stateLabels: MEETING_STATE_LABELS,
    visibility: meetingVisibility,
  });
}
