import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { Proposal, Registration } from './fields.ts';

/** The timer id of the automatic 催办. */
export const DEADLINE_REMIND_ID = 'incoming-deadline-remind';

/** A proposal as the machine keeps it (defaults applied, deadline resolved to an instant). */
export interface EffectiveProposal extends Proposal {
  /** 办理时限 as an ISO instant. */
  deadlineAt: string;
  /** Working days between automatic reminders after the deadline. */
  remindIntervalWorkingDays: number;
}

/** One leader's 批示 in the current round. */
export interface InstructionRecord {
  leader: string;
  actorId: string;
  onBehalfOf: string | null;
  opinion: string;
  at: string;
  addAssistDepartments: string[];
  addCirculateDepartments: string[];
}

/** A 承办 department's progress. */
export interface HandlingDepartment {
  id: string;
  role: 'main' | 'assist';
  /** assigning: head picks a handler; handling: handler works; confirming: head checks the result. */
  status: 'assigning' | 'handling' | 'confirming' | 'done';
  /** Bumped on every change, so task keys are fresh for every new step. */
  step: number;
  /** The principal who acted as the department's head (recorded at the first head action). */
  head: string | null;
  /** The chain of handlers; the last one holds the work. */
  handlers: string[];
  result: {
    text: string;
    attachments: Array<{ blobId: string; name: string }>;
    by: string;
    onBehalfOf: string | null;
    at: string;
  } | null;
  /** What the last sender may still take back (撤回) because the next actor has not acted. */
  withdrawable: { by: string; kind: 'assign' | 'handDown' | 'submit' } | null;
  sentBack: number;
  confirmedAt: string | null;
}

/** A 传阅 department: the head picks readers; each reader's read time (null = unread). */
export interface CirculationDepartment {
  id: string;
  /** The department that passed it down, or null when the proposal named it. */
  from: string | null;
  head: string | null;
  pickedAt: string | null;
  readers: Record<string, string | null>;
}

/** One reminder (催办): by the timer or by a secretary. */
export interface ReminderRecord {
  at: string;
  by: string;
  note: string | null;
}

/** The machine context of a 收文 case. */
export interface IncomingContext {
  registration: Registration;
  serialNo: string | null;
  registeredBy: string;
  /** How many times the registration was corrected after a 退回 from 拟办. */
  amendments: number;
  registeredAt: string;
  /** Increases with every 拟办 (a 退回 starts a new round). */
  round: number;
  /** The proposal as the secretariat wrote it. */
  originalProposal: EffectiveProposal | null;
  /** The proposal in force (after 审阅). */
  proposal: EffectiveProposal | null;
  proposedBy: string | null;
  proposedAt: string | null;
  reviewedBy: string | null;
  /** The last 退回 (to 拟办), shown to the proposer. */
  returned: { by: string; reason: string; at: string; fromStep: string } | null;
  instructions: InstructionRecord[];
  /** Who may take back (撤回) the last review while no leader has acted. */
  reviewWithdrawableBy: string | null;
  handling: HandlingDepartment[];
  circulation: CirculationDepartment[];
  reminders: ReminderRecord[];
  completedAt: string | null;
  archivedAt: string | null;
  archivedBy: string | null;
}

export type Meta = { meta: EventMeta };
export type Dept = { departmentId: string };
/** Events of the 收文 machine (payloads as validated by `fields.ts`). */
export type IncomingEvent =
  | ({ type: 'PROPOSE' } & Proposal & Meta)
  | ({ type: 'REVIEW'; decision: 'accept'; opinion?: string | undefined } & Meta)
  | ({
      type: 'REVIEW';
      decision: 'change';
      opinion?: string | undefined;
      proposal: Proposal;
    } & Meta)
  | ({
      type: 'INSTRUCT';
      opinion: string;
      addAssistDepartments: string[];
      addCirculateDepartments: string[];
    } & Meta)
  | ({ type: 'RETURN'; reason: string; departmentId?: string | undefined } & Meta)
  | ({ type: 'AMEND_REGISTRATION' } & Registration & Meta)
  | ({ type: 'WITHDRAW'; departmentId?: string | undefined } & Meta)
  | ({ type: 'ASSIGN'; handlerId: string; note?: string | undefined } & Dept & Meta)
  | ({ type: 'HAND_DOWN'; handlerId: string; note?: string | undefined } & Dept & Meta)
  | ({
      type: 'SUBMIT_RESULT';
      result: string;
      attachments: Array<{ blobId: string; name: string }>;
    } & Dept &
      Meta)
  | ({ type: 'CONFIRM'; opinion?: string | undefined } & Dept & Meta)
  | ({ type: 'SEND_BACK'; reason: string } & Dept & Meta)
  | ({ type: 'PICK_READERS'; readers: string[]; forwardTo: string[] } & Dept & Meta)
  | ({ type: 'READ'; opinion?: string | undefined } & Dept & Meta)
  | ({ type: 'REMIND'; note?: string | undefined } & Meta)
  | ({ type: 'ARCHIVE'; note?: string | undefined; archiveCode?: string | undefined } & Meta)
  | ({ type: 'DEADLINE_REMIND' } & Meta);

/** The machine input: the registration plus the engine's meta (with the allocated serial). */
export type IncomingInput = Registration & Meta;

/** A notification the machine emits (the engine writes it to the outbox). */
export interface IncomingNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of the 收文 machine. */
export interface IncomingMachineOptions {
  /** The unit's working calendar: default deadlines and reminder intervals count on it. */
  calendar: WorkingCalendar;
  /** Default 办理时限 in working days (7). */
  defaultDeadlineWorkingDays?: number;
  /** Working days between automatic reminders after the deadline (1). */
  remindIntervalWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai, 北京时间). */
  timeZone?: string;
}
