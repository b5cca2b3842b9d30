import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { PetitionDeadline } from './deadlines.ts';
import type { PetitionRegistration } from './fields.ts';

/** Timer id of the 临期提醒 (a few days before the deadline of the current stage). */
export const DEADLINE_NEAR_ID = 'petition-deadline-near';
/** Timer id of the 超期督办 (at the deadline, then at an interval). */
export const DEADLINE_PASSED_ID = 'petition-deadline-passed';
/** Timer id of the end of the 30 days to ask for 复查/复核. */
export const WINDOW_CLOSED_ID = 'petition-window-closed';

/** A stage with a deadline of its own. */
export type PetitionStage = 'decide' | 'handle' | 'review' | 'recheck';

export type Attachment = { blobId: string; name: string };
export type Notice = { issuedOn: string; method: string };

/** A decision on the registered matter (受理 / 不予受理 / 转送). */
export interface PetitionDecision {
  kind: 'accepted' | 'declined' | 'transferred';
  by: string;
  at: string;
  /** The civil date of the decision. */
  on: string;
  reason: string | null;
  toUnit: string | null;
  notice: Notice | null;
}

/** The department the matter was given to (交办) and where its handling stands. */
export interface PetitionDepartment {
  id: string;
  assignedBy: string;
  assignedAt: string;
  /** The office decided the department may know who the petitioner is. */
  disclosePetitioner: boolean;
  note: string | null;
  /** Bumped whenever the step passes on, so task keys are fresh. */
  step: number;
  /** The head who assigned the handler (and approves the reply). */
  head: string | null;
  handler: string | null;
}

/** A 延期 request and its decision. */
export interface PetitionExtension {
  days: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'denied';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** 延期告知 to the petitioner (when approved). */
  notice: Notice | null;
}

/** The 答复意见 and its approval. */
export interface PetitionReply {
  opinion: string;
  findings: string | null;
  attachments: Attachment[];
  draftedBy: string;
  draftedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** When the petitioner received it. */
  deliveredOn: string | null;
  method: string | null;
}

/** A 复查 or 复核. */
export interface PetitionReview {
  requestedOn: string;
  reviewBody: string;
  reviewerId: string;
  reason: string | null;
  recordedBy: string;
  dueBy: PetitionDeadline;
  outcome: '维持' | '撤销' | '变更' | null;
  opinion: string | null;
  decidedAt: string | null;
  deliveredOn: string | null;
}

/** One 催办/督办: by the timer or by the office. */
export interface PetitionReminder {
  at: string;
  by: string;
  stage: PetitionStage | null;
  kind: 'near' | 'overdue' | 'manual';
  note: string | null;
}

/** The machine context of a 信访 case. */
export interface PetitionContext {
  registration: PetitionRegistration;
  serialNo: string | null;
  registeredBy: string;
  registeredAt: string;
  /** The civil date of receipt (the letter's receipt, or the day of the visit). */
  receivedOn: string;
  decideBy: PetitionDeadline;
  decision: PetitionDecision | null;
  department: PetitionDepartment | null;
  /** The 60 days from 受理 (extended when a 延期 is approved). */
  handleBy: PetitionDeadline | null;
  extensions: PetitionExtension[];
  reply: PetitionReply | null;
  /** How many times the head sent the reply back. */
  returns: number;
  satisfaction: {
    rating: '满意' | '基本满意' | '不满意';
    note: string | null;
    by: string;
    at: string;
  } | null;
  /** The 30 days to ask for 复查 (after the 答复) or 复核 (after the 复查意见). */
  appealBy: PetitionDeadline | null;
  review: PetitionReview | null;
  recheck: PetitionReview | null;
  reminders: PetitionReminder[];
  /** Stages whose deadline passed (督办), with when it was noticed. */
  overdue: Array<{ stage: PetitionStage; dueAt: string; at: string }>;
  /** 办结方式. */
  /**
   * 办结方式: answered (答复后办结), reviewed (复查后办结), terminated (复核后终结),
   * declined (不予受理), transferred (转送).
   */
  outcome: 'answered' | 'reviewed' | 'terminated' | 'declined' | 'transferred' | null;
  concludedAt: string | null;
  closeReason: string | null;
  archivedAt: string | null;
  archivedBy: string | null;
  archiveCode: string | null;
}

export type Meta = { meta: EventMeta };
export type NoticeFields = { noticeIssuedOn: string; noticeMethod: string };
export type ReviewRequest = {
  requestedOn: string;
  reviewBody: string;
  reviewerId: string;
  reason?: string | undefined;
};
export type ReviewOpinion = {
  outcome: '维持' | '撤销' | '变更';
  opinion: string;
  deliveredOn: string;
};
/** Events of the 信访 machine (payloads as validated by `fields.ts`). */
export type PetitionEvent =
  | ({ type: 'ACCEPT'; note?: string | undefined } & Meta)
  | ({ type: 'DECLINE'; reason: string } & NoticeFields & Meta)
  | ({ type: 'TRANSFER'; toUnit: string; reason?: string | undefined } & NoticeFields & Meta)
  | ({
      type: 'ASSIGN';
      departmentId: string;
      disclosePetitioner: boolean;
      note?: string | undefined;
    } & Meta)
  | ({ type: 'ASSIGN_HANDLER'; handlerId: string; note?: string | undefined } & Meta)
  | ({ type: 'REQUEST_EXTENSION'; days: number; reason: string } & Meta)
  | ({ type: 'APPROVE_EXTENSION'; opinion?: string | undefined } & NoticeFields & Meta)
  | ({ type: 'DENY_EXTENSION'; reason: string } & Meta)
  | ({
      type: 'SUBMIT_REPLY';
      opinion: string;
      findings?: string | undefined;
      attachments: Attachment[];
    } & Meta)
  | ({
      type: 'APPROVE_REPLY';
      opinion?: string | undefined;
      deliveredOn: string;
      method: string;
    } & Meta)
  | ({ type: 'RETURN_REPLY'; reason: string } & Meta)
  | ({
      type: 'RECORD_SATISFACTION';
      rating: '满意' | '基本满意' | '不满意';
      note?: string | undefined;
    } & Meta)
  | ({ type: 'REQUEST_REVIEW' } & ReviewRequest & Meta)
  | ({ type: 'GIVE_REVIEW_OPINION' } & ReviewOpinion & Meta)
  | ({ type: 'REQUEST_RECHECK' } & ReviewRequest & Meta)
  | ({ type: 'GIVE_RECHECK_OPINION' } & ReviewOpinion & Meta)
  | ({ type: 'CLOSE'; reason: string } & Meta)
  | ({ type: 'REMIND'; note?: string | undefined } & Meta)
  | ({ type: 'ARCHIVE'; note?: string | undefined; archiveCode?: string | undefined } & Meta)
  | ({ type: 'DEADLINE_NEAR' } & Meta)
  | ({ type: 'DEADLINE_PASSED' } & Meta)
  | ({ type: 'WINDOW_CLOSED' } & Meta);

/** The machine input: the registration plus the engine's meta (with the allocated serial). */
export type PetitionInput = PetitionRegistration & Meta;

/** A notification the machine emits (the engine writes it to the outbox). */
export interface PetitionNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of the 信访 machine. */
export interface PetitionMachineOptions {
  /** The unit's calendar: only for the holiday rule and the interval of 督办 reminders. */
  calendar: WorkingCalendar;
  /** 信访编号 prefix, e.g. 示信 → 示信〔2026〕15号 (default 信). */
  serialPrefix?: string;
  /** Move a last day falling on a rest day to the next working day (default true). */
  rollOverHolidays?: boolean;
  /** Working days between 督办 reminders once a deadline has passed (default 1). */
  overdueRemindWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai). */
  timeZone?: string;
}
