import {
  ZApproveMeeting,
  ZApproveMinutes,
  ZArchiveMeeting,
  ZBookRoom,
  ZCancelMeeting,
  ZCloseAttendance,
  ZCompleteResolution,
  ZDraftMinutes,
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

/**
 * The 会议 events a person sends, client-safe (schemas and words only, no machine): the
 * definition's title and payload schema of each (`events.test.ts` holds them equal); `label`
 * where the page and the flow name the step otherwise than the definition; `service` for
 * 预订会议室, which goes through the room calendar's own procedure.
 */
export const MEETING_EVENTS = {
  SUBMIT_TOPICS: { title: '报送议题', schema: ZSubmitTopics },
  SET_AGENDA: { title: '确定议程', schema: ZSetAgenda },
  BOOK_ROOM: { title: '预订会议室', schema: ZBookRoom, service: true },
  SUBMIT_PLAN: { title: '送审', schema: ZSubmitPlan },
  APPROVE: { title: '同意', schema: ZApproveMeeting },
  RETURN: { title: '退回', schema: ZReturnMeeting },
  REJECT: { title: '不同意', schema: ZRejectMeeting },
  CANCEL: { title: '取消会议', schema: ZCancelMeeting },
  REPLY: { title: '回执', schema: ZReply, button: '填写回执' },
  REMIND_REPLIES: { title: '催办回执', schema: ZRemindReplies },
  SIGN_IN: { title: '签到', schema: ZSignIn },
  CLOSE_ATTENDANCE: { title: '结束签到', schema: ZCloseAttendance },
  DRAFT_MINUTES: { title: '提交会议记录', schema: ZDraftMinutes, button: '填写会议记录' },
  APPROVE_MINUTES: { title: '校对通过', schema: ZApproveMinutes },
  RETURN_MINUTES: { title: '退回修改', schema: ZReturnMinutes, label: '退回会议记录' },
  ARCHIVE: { title: '归档', schema: ZArchiveMeeting },
  REPORT_PROGRESS: { title: '报告进展', schema: ZResolutionProgress },
  COMPLETE_RESOLUTION: { title: '办结', schema: ZCompleteResolution, label: '决议办结' },
  REMIND_RESOLUTION: { title: '督办催办', schema: ZRemindResolution, label: '催办决议' },
} as const;

/** A 会议 event a person sends. */
export type MeetingEventType = keyof typeof MEETING_EVENTS;

/** Chinese names of every 会议 ledger entry (the flow): the events, the start and the timers'. */
export const MEETING_LEDGER_LABELS: Readonly<Record<string, string>> = {
  start: '会议计划',
  ...Object.fromEntries(
    Object.entries(MEETING_EVENTS).map(([type, e]) => [type, 'label' in e ? e.label : e.title]),
  ),
  REPLY_REMIND: '自动催办回执',
  MEETING_REMIND: '会前提醒',
  RESOLUTION_DUE: '决议到期提醒',
};
