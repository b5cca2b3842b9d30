export { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
export {
  assertRange,
  type BookingRequest,
  formatRange,
  isRoomBookingConflict,
  type Room,
  type RoomBooking,
  RoomBookingConflict,
  type RoomBookings,
  rangesOverlap,
  type TimeRange,
} from '../../ports/room-bookings.ts';
export { type AttendanceLine, type AttendanceSheet, meetingAttendanceSheet } from './attendance.ts';
export {
  type AttendanceRecord,
  CHECK_IN_OPENS_MS,
  type DraftResolution,
  type MeetingBookingRef,
  type MeetingContext,
  type MeetingEvent,
  type MeetingInput,
  type MeetingInvitee,
  type MeetingMachineOptions,
  type MeetingNotify,
  type MeetingReply,
  type MeetingResolution,
  type MeetingTopic,
} from './context.ts';
export { expectedAttendees, nonRepliers } from './context-queries.ts';
export {
  createMeetingWorkflow,
  MEETING_WORKFLOW,
  type MeetingWorkflowOptions,
} from './definition.ts';
export {
  MEETING_TYPES,
  type MeetingPlan,
  REPLY_ANSWERS,
  REPLY_LABELS,
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
  ZResolution,
  ZResolutionProgress,
  ZReturnMeeting,
  ZReturnMinutes,
  ZSetAgenda,
  ZSignIn,
  ZSubmitPlan,
  ZSubmitTopics,
  ZTopic,
} from './fields.ts';
export { meetingFlowStatistics } from './flow-statistics.ts';
export {
  type MeetingLedgerRow,
  type MeetingStepEntry,
  projectMeetingLedger,
} from './ledger-projection.ts';
export { createMeetingMachine, type MeetingMachine } from './machine.ts';
export { createSmsNotifier, routeNotifications, type SmsGateway } from './notifiers.ts';
export { checkMeetingPlan } from './org-checks.ts';
export { bookMeetingRoom, releaseMeetingRooms } from './room-service.ts';
export { type MeetingStatistics, meetingStatistics } from './statistics.ts';
export {
  MEETING_ROLES,
  MEETING_STATE_LABELS,
  MEETING_STEP_LABELS,
  meetingTasks,
  proofreaderRule,
} from './steps.ts';
export { meetingSupervision, type SupervisionItem } from './supervision.ts';
export {
  inviteeKey,
  MEETING_REMIND_ID,
  REPLY_REMIND_ID,
  remindTaskKey as meetingRemindTaskKey,
  replyTaskKey,
  resolutionTaskKey,
  resolutionTimerId,
  topicTaskKey,
} from './task-keys.ts';
export { canViewMeeting, MEETING_SEE_ALL_ROLES } from './visibility.ts';
