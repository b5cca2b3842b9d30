import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import type { CountersignPlan, OutgoingDraft, OutgoingHeader, Recipient } from './fields.ts';
import type { CountersignStage } from './task-keys.ts';

/** The step a version was saved in. */
export type OutgoingStep =
  | 'draft'
  | 'check'
  | 'countersign'
  | 'consolidate'
  | 'recheck'
  | 'sign'
  | 'finalize';

/** One saved version of the 正文 (every save is a version; none is ever dropped). */
export interface DocVersion {
  /** 1, 2, … in the order saved. */
  no: number;
  body: DocumentBody;
  /** The person the edit counts for (the principal under delegation). */
  author: string;
  actorId: string;
  onBehalfOf: string | null;
  step: OutgoingStep;
  /** `draft`: the drafter's; `edit`: an approver's keyboard edit; `proposal`: a 会签 department's proposed edit; `final`: the manual clean copy. */
  kind: 'draft' | 'edit' | 'proposal' | 'final';
  /** The 会签 department of a proposal. */
  departmentId: string | null;
  at: string;
  note: string | null;
  /** Set when the step that saved it was taken back (撤回); the version stays. */
  withdrawnAt: string | null;
}

/** A step's opinion (意见): who, for whom, what, when, on which version. */
export interface OpinionRecord {
  by: string;
  actorId: string;
  onBehalfOf: string | null;
  opinion: string;
  at: string;
  /** The version the opinion was given on (after the step's own edit, if any). */
  version: number;
}

/** One 文号 taken for this case, valid or 作废. */
export interface DocNumberUse {
  /** e.g. 示政办发〔2026〕12号 */
  docNumber: string;
  issuerCode: string;
  year: number;
  serial: number;
  /** The engine's sequence scope, `发文:<机关代字>:<年份>`. */
  scope: string;
  allocatedAt: string;
  /** The principal of the event that took it. */
  allocatedBy: string;
  /** SIGN, FINALIZE or VOID_DOC_NUMBER. */
  event: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** A 会签 department's progress in the current round. */
export interface CountersignDepartment {
  id: string;
  memberOpinionTo: 'head' | 'next';
  /** head: the head signs or assigns; member: the member writes; review: the head reviews the member's opinion. */
  status: CountersignStage | 'done';
  /** Bumped on every change, so task keys are fresh for every new step. */
  step: number;
  /** The principal who acted as head (fixed at the first head action). */
  head: string | null;
  member: string | null;
  memberOpinion: (OpinionRecord & { agree: boolean }) | null;
  /** The department's 会签意见 (the head's, or the member's when it goes straight on). */
  opinion: (OpinionRecord & { agree: boolean }) | null;
  /** What the last sender may still take back (撤回). */
  withdrawable: { by: string; kind: 'assign' | 'memberOpinion' } | null;
}

/** A recipient unit and its 分发 / 回执. */
export interface RecipientState {
  /** `unit:<unitId>` (on the platform) or `ext:<n>` (external, by position). */
  key: string;
  recipient: Recipient;
  list: 'main' | 'cc';
  delivery: {
    method: string;
    incomingCaseId: string | null;
    registeredBy: string | null;
    at: string;
    by: string;
  } | null;
  receipt: {
    receivedBy: string;
    receivedAt: string;
    /** Who recorded it (the secretary, on behalf of an external unit; the distributor for a platform unit). */
    recordedBy: string;
    platform: boolean;
    note: string | null;
  } | null;
}

/** The machine context of a 发文 case. */
export interface OutgoingContext {
  header: OutgoingHeader;
  drafter: string;
  draftedAt: string;
  /** Increases with every return to the drafter (退回, 返还, 退回修改). */
  round: number;
  versions: DocVersion[];
  /** 核稿人 picked at submission (null: the drafter's direct superior). */
  checker: string | null;
  check: OpinionRecord | null;
  countersignPlan: CountersignPlan | null;
  /** Increases with every 会签 round. */
  countersignRound: number;
  countersign: CountersignDepartment[];
  /** Earlier 会签 rounds, kept. */
  countersignHistory: CountersignDepartment[][];
  /** After 退回修改 the draft must go round 会签 again before 复核. */
  mustCountersign: boolean;
  signer: string | null;
  rechecker: string | null;
  recheck: OpinionRecord | null;
  signing: OpinionRecord | null;
  /** The version the leader approved (签发稿). */
  signedVersion: number | null;
  returned: { by: string; reason: string; at: string; fromStep: string } | null;
  rejected: { by: string; actorId: string; reason: string; at: string } | null;
  cancelled: { by: string; reason: string; at: string } | null;
  /** What the last sender may take back (撤回) while the next person has not acted. */
  withdrawable: {
    by: string;
    kind: 'submit' | 'check' | 'recheckSubmit' | 'recheck' | 'sign';
  } | null;
  docNumbers: DocNumberUse[];
  finalized: {
    by: string;
    actorId: string;
    at: string;
    mode: 'auto' | 'manual';
    version: number;
  } | null;
  seal: {
    pdfBlobKey: string;
    pdfSha256: string;
    pageCount: number;
    certificateSerial: string;
    signerName: string;
    sealId: string;
    docNumber: string;
    sealedAt: string;
    by: string;
    recordedAt: string;
  } | null;
  recipients: RecipientState[];
  distributedAt: string | null;
  distributedBy: string | null;
  reminders: Array<{ at: string; by: string; note: string | null }>;
  completedAt: string | null;
  archivedAt: string | null;
  archivedBy: string | null;
  archiveCode: string | null;
}

type Meta = { meta: EventMeta };
type Body = { body?: DocumentBody | undefined };
type Dept = { departmentId: string };
/** Events of the 发文 machine (payloads as validated by `fields.ts`). */
export type OutgoingEvent =
  | ({
      type: 'EDIT';
      body: DocumentBody;
      header?: Partial<OutgoingHeader> | undefined;
      note?: string | undefined;
    } & Meta)
  | ({ type: 'SUBMIT'; checker?: string | undefined; note?: string | undefined } & Meta)
  | ({ type: 'CANCEL'; reason: string } & Meta)
  | ({
      type: 'CHECK';
      opinion: string;
      countersign: CountersignPlan;
      signer: string;
      rechecker?: string | undefined;
    } & Body &
      Meta)
  | ({ type: 'RETURN'; reason: string } & Meta)
  | ({ type: 'WITHDRAW'; departmentId?: string | undefined } & Meta)
  | ({ type: 'ASSIGN_MEMBER'; memberId: string; note?: string | undefined } & Dept & Meta)
  | ({ type: 'COUNTERSIGN'; opinion: string; agree: boolean } & Dept & Body & Meta)
  | ({
      type: 'COUNTERSIGN_AGAIN';
      countersign?: CountersignPlan | undefined;
      note?: string | undefined;
    } & Meta)
  | ({ type: 'SEND_TO_RECHECK'; note?: string | undefined } & Meta)
  | ({ type: 'RECHECK'; opinion: string } & Body & Meta)
  | ({ type: 'SIGN'; opinion: string } & Body & Meta)
  | ({ type: 'REJECT'; reason: string } & Meta)
  | ({ type: 'RETURN_FOR_REVISION'; reason: string } & Body & Meta)
  | ({ type: 'FINALIZE'; mode: 'auto' | 'manual'; note?: string | undefined } & Body & Meta)
  | ({ type: 'VOID_DOC_NUMBER'; reason: string } & Meta)
  | ({
      type: 'SEAL';
      pdfBlobKey: string;
      pdfSha256: string;
      pageCount: number;
      certificateSerial: string;
      signerName: string;
      sealId: string;
      docNumber: string;
      sealedAt: string;
    } & Meta)
  | ({
      type: 'DISTRIBUTE';
      deliveries: Array<{
        recipient: string;
        incomingCaseId?: string | undefined;
        registeredBy?: string | undefined;
        method: string;
      }>;
    } & Meta)
  | ({
      type: 'RECORD_RECEIPT';
      recipient: string;
      receivedBy: string;
      receivedAt?: string | undefined;
      note?: string | undefined;
    } & Meta)
  | ({ type: 'REMIND_RECEIPTS'; note?: string | undefined } & Meta)
  | ({ type: 'RECEIPT_REMIND' } & Meta)
  | ({ type: 'ARCHIVE'; note?: string | undefined; archiveCode?: string | undefined } & Meta);

/** The machine input: the draft plus the engine's meta. */
export type OutgoingInput = OutgoingDraft & Meta;

/** A notification the machine emits (the engine writes it to the outbox). */
export interface OutgoingNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of the 发文 machine. */
export interface OutgoingMachineOptions {
  /** The unit's working calendar: receipt reminders count on it. */
  calendar: WorkingCalendar;
  /** Working days after 分发 before missing 回执 are chased (3). */
  receiptReminderWorkingDays?: number;
  /** Working days between later reminders (1). */
  receiptRemindIntervalWorkingDays?: number;
}
