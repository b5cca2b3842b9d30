import {
  ZMeetingBookRoom,
  ZMeetingCaseRef,
  ZMeetingCreate,
  ZMeetingSend,
  ZPeriod,
  ZRoomCalendar,
  ZRoomInput,
  ZSupervisionFilter,
} from '~/lib/schemas/meeting';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { bookRoom } from '~/server/services/meeting/book-room';
import { createMeeting } from '~/server/services/meeting/create-meeting';
import { getMeeting } from '~/server/services/meeting/get-meeting';
import { getMeetingStatistics } from '~/server/services/meeting/get-meeting-statistics';
import { listMeetings, ZMeetingListPage } from '~/server/services/meeting/list-meetings';
import { listRooms, roomCalendar, saveRoom } from '~/server/services/meeting/rooms';
import { sendMeetingAction } from '~/server/services/meeting/send-meeting-action';
import { superviseResolutions } from '~/server/services/meeting/supervise-resolutions';

/**
 * 会议管理: the list and month calendar, 会议计划 with room booking, every step of the meeting
 * (议题, 议程, 审批, 回执, 签到, 会议记录, 校对, 归档, 决议督办), rooms and their calendar, the
 * 督办 view and the statistics. Visibility is the workflow's own (`canViewMeeting`).
 */
export const meetingRouter = createTRPCRouter({
  /** A page of the meetings the user may see, optionally those starting in [from, to), by start time. */
  list: protectedProcedure
    .input(ZMeetingListPage)
    .query(({ ctx, input }) => listMeetings(ctx.app, ctx.user, input)),

  /** 会议计划/申请 (and the room for its time). */
  create: protectedProcedure
    .input(ZMeetingCreate)
    .mutation(({ ctx, input }) => createMeeting(ctx.app, ctx.user, input)),

  /** The meeting page. */
  get: protectedProcedure
    .input(ZMeetingCaseRef)
    .query(({ ctx, input }) => getMeeting(ctx.app, ctx.user, input.caseId)),

  /** Sends one workflow event (payload validated by the core's schema of that event). */
  send: protectedProcedure
    .input(ZMeetingSend)
    .mutation(({ ctx, input }) => sendMeetingAction(ctx.app, ctx.user, input)),

  /** 预订会议室 (or change the room) for the planned time. */
  bookRoom: protectedProcedure
    .input(ZMeetingBookRoom)
    .mutation(({ ctx, input }) => bookRoom(ctx.app, ctx.user, input)),

  /** The unit's rooms, and whether the user may manage them. */
  rooms: protectedProcedure.query(({ ctx }) => listRooms(ctx.app, ctx.user)),

  /** 会议室管理: add or edit a room. */
  saveRoom: protectedProcedure.input(ZRoomInput).mutation(async ({ ctx, input }) => {
    await saveRoom(ctx.app, ctx.user, input);
    return { ok: true as const };
  }),

  /** The room calendar: bookings per room in a period. */
  roomCalendar: protectedProcedure
    .input(ZRoomCalendar)
    .query(({ ctx, input }) => roomCalendar(ctx.app, ctx.user, input)),

  /** 决议事项督办 across meetings. */
  supervision: protectedProcedure
    .input(ZSupervisionFilter)
    .query(({ ctx, input }) => superviseResolutions(ctx.app, ctx.user, input.status)),

  /** 会议统计 (leaders, office director, secretariat). */
  statistics: protectedProcedure
    .input(ZPeriod)
    .query(({ ctx, input }) => getMeetingStatistics(ctx.app, ctx.user, input)),
});
