/**
 * `@gongwen/core/events`: what a page needs to offer a workflow's events — each event's
 * payload schema, its Chinese name and whether handwriting applies — and the names of every
 * ledger entry. Client-safe: schemas and words only; no machine, engine or port.
 */
export {
  INCOMING_EVENTS,
  INCOMING_LEDGER_LABELS,
  type IncomingEventType,
} from './workflows/incoming/events.ts';
export {
  MEETING_EVENTS,
  MEETING_LEDGER_LABELS,
  type MeetingEventType,
} from './workflows/meeting/events.ts';
export {
  MONTHLY_REPORT_EVENTS,
  MONTHLY_REPORT_LEDGER_LABELS,
  MONTHLY_REPORT_STATE_LABELS,
  type MonthlyReportEventType,
} from './workflows/monthly-report/events.ts';
export {
  OUTGOING_EVENTS,
  OUTGOING_LEDGER_LABELS,
  type OutgoingEventType,
} from './workflows/outgoing/events.ts';
export {
  REPORT_EVENTS,
  REPORT_LEDGER_LABELS,
  type ReportEventType,
} from './workflows/report/events.ts';
