import { assign, cancel, emit, enqueueActions, setup } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { TIMER_ACTOR } from '../../engine/engine.ts';
import { DEFAULT_TIME_ZONE, formatDateZh } from '../../util/format-date-zh.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import {
  calendarDayDeadline,
  extendDeadline,
  PETITION_PERIODS,
  type PetitionDeadline,
  REMIND_DAYS_BEFORE,
} from './deadlines.ts';
import type { PetitionRegistration } from './fields.ts';

/** Timer id of the 临期提醒 (a few days before the deadline of the current stage). */
export const DEADLINE_NEAR_ID = 'petition-deadline-near';
/** Timer id of the 超期督办 (at the deadline, then at an interval). */
export const DEADLINE_PASSED_ID = 'petition-deadline-passed';
/** Timer id of the end of the 30 days to ask for 复查/复核. */
export const WINDOW_CLOSED_ID = 'petition-window-closed';

/** A stage with a deadline of its own. */
export type PetitionStage = 'decide' | 'handle' | 'review' | 'recheck';

type Attachment = { blobId: string; name: string };
type Notice = { issuedOn: string; method: string };

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

type Meta = { meta: EventMeta };
type NoticeFields = { noticeIssuedOn: string; noticeMethod: string };
type ReviewRequest = {
  requestedOn: string;
  reviewBody: string;
  reviewerId: string;
  reason?: string | undefined;
};
type ReviewOpinion = { outcome: '维持' | '撤销' | '变更'; opinion: string; deliveredOn: string };
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

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** Formats a 信访编号 from the engine's serial: 示信〔2026〕15号. */
export function formatPetitionSerialNo(
  serial: { scope: string; value: number },
  prefix = '信',
): string {
  const year = serial.scope.split(':')[1] ?? '';
  return `${prefix}〔${year}〕${serial.value}号`;
}

/** The civil date the matter was received: the letter's receipt date or the visit's day. */
export function receivedOnOf(r: PetitionRegistration, calendar: WorkingCalendar): string {
  return r.channel === 'letter' ? r.receivedDate : calendar.dateOf(new Date(r.visitedAt));
}

/** The deadline of the stage the case is in (null in stages without one). */
export function stageDeadline(state: string, ctx: PetitionContext): PetitionDeadline | null {
  if (state === 'registered') return ctx.decideBy;
  if (state.startsWith('processing')) return ctx.handleBy;
  if (state === 'reviewing') return ctx.review?.dueBy ?? null;
  if (state === 'rechecking') return ctx.recheck?.dueBy ?? null;
  return null;
}

/** The stage (for 督办 records) of a state. */
export function stageOf(state: string): PetitionStage | null {
  if (state === 'registered') return 'decide';
  if (state.startsWith('processing')) return 'handle';
  if (state === 'reviewing') return 'review';
  if (state === 'rechecking') return 'recheck';
  return null;
}

/** Days of 延期 approved so far. */
export function extendedDays(ctx: PetitionContext): number {
  return ctx.extensions.filter((e) => e.status === 'approved').reduce((n, e) => n + e.days, 0);
}

/** The pending 延期 request, if any. */
export function pendingExtension(ctx: PetitionContext): PetitionExtension | null {
  const last = ctx.extensions.at(-1);
  return last?.status === 'pending' ? last : null;
}

function nowOf(ctx: PetitionContext, event: { meta?: EventMeta }): string {
  return event.meta?.at ?? ctx.registeredAt;
}

function ev(event: PetitionEvent): Record<string, unknown> {
  return event as unknown as Record<string, unknown>;
}

function str(event: PetitionEvent, key: string): string {
  const v = ev(event)[key];
  return typeof v === 'string' ? v : '';
}

/** Builds the 信访 machine. Pure: time comes from `meta.at`, rest days from `calendar`. */
export function createPetitionMachine(options: PetitionMachineOptions) {
  const { calendar } = options;
  const prefix = options.serialPrefix ?? '信';
  const roll = { rollOverHolidays: options.rollOverHolidays ?? true };
  const interval = options.overdueRemindWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = (meta: EventMeta) => calendar.dateOf(new Date(meta.at));
  const deadline = (from: string, days: number) => calendarDayDeadline(calendar, from, days, roll);

  /** A date the office records: not in the future, not before `earliest`. */
  const dateOk = (day: string, meta: EventMeta, earliest: string | null) =>
    day <= today(meta) && (earliest === null || day >= earliest);

  const recipients = (ctx: PetitionContext, state: PetitionStage | null): string[] => {
    const out = [ctx.registeredBy];
    if (state === 'handle') {
      if (ctx.department?.handler) out.push(ctx.department.handler);
      if (ctx.department?.head) out.push(ctx.department.head);
    }
    if (state === 'review' && ctx.review) out.push(ctx.review.reviewerId);
    if (state === 'recheck' && ctx.recheck) out.push(ctx.recheck.reviewerId);
    return [...new Set(out)];
  };

  const stageNow = (ctx: PetitionContext): PetitionStage | null => {
    if (ctx.recheck && ctx.recheck.outcome === null) return 'recheck';
    if (ctx.review && ctx.review.outcome === null) return 'review';
    if (ctx.decision?.kind === 'accepted' && !ctx.reply?.approvedAt) return 'handle';
    if (ctx.decision === null) return 'decide';
    return null;
  };
  const dueOf = (ctx: PetitionContext, stage: PetitionStage | null): PetitionDeadline | null =>
    stage === 'decide'
      ? ctx.decideBy
      : stage === 'handle'
        ? ctx.handleBy
        : stage === 'review'
          ? (ctx.review?.dueBy ?? null)
          : stage === 'recheck'
            ? (ctx.recheck?.dueBy ?? null)
            : null;

  const review = (e: ReviewRequest & Meta, days: number): PetitionReview => ({
    requestedOn: e.requestedOn,
    reviewBody: e.reviewBody,
    reviewerId: e.reviewerId,
    reason: e.reason ?? null,
    recordedBy: principalOf(e.meta),
    dueBy: deadline(e.requestedOn, days),
    outcome: null,
    opinion: null,
    decidedAt: null,
    deliveredOn: null,
  });

  return setup({
    types: {} as {
      context: PetitionContext;
      events: PetitionEvent;
      input: PetitionInput;
      emitted: PetitionNotify;
    },
    guards: {
      hasDeadline: ({ context }) => stageNow(context) !== null,
      noticeDateOk: ({ context, event }) =>
        dateOk(str(event, 'noticeIssuedOn'), event.meta, context.receivedOn),
      isHead: ({ context, event }) =>
        context.department !== null &&
        (context.department.head === null || context.department.head === principalOf(event.meta)),
      isHandler: ({ context, event }) => context.department?.handler === principalOf(event.meta),
      canRequestExtension: ({ context, event }) =>
        event.type === 'REQUEST_EXTENSION' &&
        context.department?.handler === principalOf(event.meta) &&
        pendingExtension(context) === null &&
        extendedDays(context) + event.days <= PETITION_PERIODS.extensionMax.days,
      extensionPending: ({ context }) => pendingExtension(context) !== null,
      canApproveExtension: ({ context, event }) =>
        pendingExtension(context) !== null &&
        dateOk(str(event, 'noticeIssuedOn'), event.meta, context.decision?.on ?? null),
      canApproveReply: ({ context, event }) =>
        context.department !== null &&
        (context.department.head === null || context.department.head === principalOf(event.meta)) &&
        dateOk(str(event, 'deliveredOn'), event.meta, context.decision?.on ?? null),
      dissatisfied: ({ event }) =>
        event.type === 'RECORD_SATISFACTION' && event.rating === '不满意',
      requestInTime: ({ context, event }) => {
        const on = str(event, 'requestedOn');
        const after =
          event.type === 'REQUEST_RECHECK'
            ? context.review?.deliveredOn
            : context.reply?.deliveredOn;
        return (
          context.appealBy !== null &&
          dateOk(on, event.meta, after ?? null) &&
          on <= context.appealBy.date
        );
      },
      isReviewer: ({ context, event }) =>
        context.review?.reviewerId === principalOf(event.meta) &&
        dateOk(str(event, 'deliveredOn'), event.meta, context.review.requestedOn),
      isRechecker: ({ context, event }) =>
        context.recheck?.reviewerId === principalOf(event.meta) &&
        dateOk(str(event, 'deliveredOn'), event.meta, context.recheck.requestedOn),
    },
    actions: {
      recordAccept: assign(({ event }) => {
        const on = today(event.meta);
        return {
          decision: {
            kind: 'accepted' as const,
            by: principalOf(event.meta),
            at: event.meta.at,
            on,
            reason: str(event, 'note') || null,
            toUnit: null,
            notice: null,
          },
          handleBy: deadline(on, PETITION_PERIODS.handle.days),
        };
      }),
      recordDecline: assign(({ event }) => ({
        decision: {
          kind: 'declined' as const,
          by: principalOf(event.meta),
          at: event.meta.at,
          on: today(event.meta),
          reason: str(event, 'reason'),
          toUnit: null,
          notice: { issuedOn: str(event, 'noticeIssuedOn'), method: str(event, 'noticeMethod') },
        },
        outcome: 'declined' as const,
        concludedAt: event.meta.at,
      })),
      recordTransfer: assign(({ event }) => ({
        decision: {
          kind: 'transferred' as const,
          by: principalOf(event.meta),
          at: event.meta.at,
          on: today(event.meta),
          reason: str(event, 'reason') || null,
          toUnit: str(event, 'toUnit'),
          notice: { issuedOn: str(event, 'noticeIssuedOn'), method: str(event, 'noticeMethod') },
        },
        outcome: 'transferred' as const,
        concludedAt: event.meta.at,
      })),
      assignDepartment: assign(({ event }) => {
        if (event.type !== 'ASSIGN') return {};
        return {
          department: {
            id: event.departmentId,
            assignedBy: principalOf(event.meta),
            assignedAt: event.meta.at,
            disclosePetitioner: event.disclosePetitioner,
            note: event.note ?? null,
            step: 0,
            head: null,
            handler: null,
          },
        };
      }),
      assignHandler: assign(({ context, event }) => ({
        department: {
          ...context.department!,
          step: context.department!.step + 1,
          head: principalOf(event.meta),
          handler: str(event, 'handlerId'),
        },
      })),
      requestExtension: assign(({ context, event }) => {
        if (event.type !== 'REQUEST_EXTENSION') return {};
        return {
          extensions: [
            ...context.extensions,
            {
              days: event.days,
              reason: event.reason,
              requestedBy: principalOf(event.meta),
              requestedAt: event.meta.at,
              status: 'pending' as const,
              decidedBy: null,
              decidedAt: null,
              decisionNote: null,
              notice: null,
            },
          ],
        };
      }),
      approveExtension: assign(({ context, event }) => {
        const ext = pendingExtension(context)!;
        return {
          extensions: [
            ...context.extensions.slice(0, -1),
            {
              ...ext,
              status: 'approved' as const,
              decidedBy: principalOf(event.meta),
              decidedAt: event.meta.at,
              decisionNote: str(event, 'opinion') || null,
              notice: {
                issuedOn: str(event, 'noticeIssuedOn'),
                method: str(event, 'noticeMethod'),
              },
            },
          ],
          handleBy: extendDeadline(calendar, context.handleBy!, ext.days, roll),
        };
      }),
      denyExtension: assign(({ context, event }) => ({
        extensions: [
          ...context.extensions.slice(0, -1),
          {
            ...pendingExtension(context)!,
            status: 'denied' as const,
            decidedBy: principalOf(event.meta),
            decidedAt: event.meta.at,
            decisionNote: str(event, 'reason'),
          },
        ],
      })),
      submitReply: assign(({ context, event }) => {
        if (event.type !== 'SUBMIT_REPLY') return {};
        return {
          reply: {
            opinion: event.opinion,
            findings: event.findings ?? null,
            attachments: event.attachments,
            draftedBy: principalOf(event.meta),
            draftedAt: event.meta.at,
            approvedBy: null,
            approvedAt: null,
            deliveredOn: null,
            method: null,
          },
          department: { ...context.department!, step: context.department!.step + 1 },
        };
      }),
      returnReply: assign(({ context }) => ({
        reply: null,
        returns: context.returns + 1,
        department: { ...context.department!, step: context.department!.step + 1 },
      })),
      approveReply: assign(({ context, event }) => {
        const deliveredOn = str(event, 'deliveredOn');
        return {
          reply: {
            ...context.reply!,
            approvedBy: principalOf(event.meta),
            approvedAt: event.meta.at,
            deliveredOn,
            method: str(event, 'method'),
          },
          department: {
            ...context.department!,
            head: context.department!.head ?? principalOf(event.meta),
          },
        };
      }),
      recordSatisfaction: assign(({ event }) => {
        if (event.type !== 'RECORD_SATISFACTION') return {};
        return {
          satisfaction: {
            rating: event.rating,
            note: event.note ?? null,
            by: principalOf(event.meta),
            at: event.meta.at,
          },
        };
      }),
      openReviewWindow: assign(({ context }) => ({
        appealBy: deadline(context.reply!.deliveredOn!, PETITION_PERIODS.askReview.days),
      })),
      requestReview: assign(({ event }) => ({
        review: review(event as ReviewRequest & Meta, PETITION_PERIODS.review.days),
        appealBy: null,
      })),
      giveReviewOpinion: assign(({ context, event }) => {
        const deliveredOn = str(event, 'deliveredOn');
        return {
          review: {
            ...context.review!,
            outcome: str(event, 'outcome') as PetitionReview['outcome'],
            opinion: str(event, 'opinion'),
            decidedAt: event.meta.at,
            deliveredOn,
          },
          appealBy: deadline(deliveredOn, PETITION_PERIODS.askRecheck.days),
        };
      }),
      requestRecheck: assign(({ event }) => ({
        recheck: review(event as ReviewRequest & Meta, PETITION_PERIODS.recheck.days),
        appealBy: null,
      })),
      giveRecheckOpinion: assign(({ context, event }) => ({
        recheck: {
          ...context.recheck!,
          outcome: str(event, 'outcome') as PetitionReview['outcome'],
          opinion: str(event, 'opinion'),
          decidedAt: event.meta.at,
          deliveredOn: str(event, 'deliveredOn'),
        },
        outcome: 'terminated' as const,
        concludedAt: event.meta.at,
      })),
      concludeAnswered: assign(({ event }) => ({
        outcome: 'answered' as const,
        concludedAt: event.meta.at,
      })),
      concludeClosed: assign(({ context, event }) => ({
        outcome: context.review ? ('reviewed' as const) : ('answered' as const),
        concludedAt: event.meta.at,
        closeReason: event.type === 'CLOSE' ? event.reason : '信访人未在规定期限内请求复查（复核）',
        appealBy: null,
      })),
      recordArchive: assign(({ event }) => ({
        archivedAt: event.meta.at,
        archivedBy: principalOf(event.meta),
        archiveCode: str(event, 'archiveCode') || null,
      })),
      recordReminder: assign(({ context, event }) => {
        const stage = stageNow(context);
        const kind =
          event.type === 'DEADLINE_NEAR'
            ? ('near' as const)
            : event.type === 'DEADLINE_PASSED'
              ? ('overdue' as const)
              : ('manual' as const);
        const due = dueOf(context, stage);
        return {
          reminders: [
            ...context.reminders,
            {
              at: event.meta.at,
              by: kind === 'manual' ? principalOf(event.meta) : TIMER_ACTOR,
              stage,
              kind,
              note: str(event, 'note') || null,
            },
          ],
          overdue:
            kind === 'overdue' &&
            stage !== null &&
            due !== null &&
            !context.overdue.some((o) => o.stage === stage && o.dueAt === due.at)
              ? [...context.overdue, { stage, dueAt: due.at, at: event.meta.at }]
              : context.overdue,
        };
      }),
      notifyReminder: emit(({ context, event }) => {
        const stage = stageNow(context);
        const due = dueOf(context, stage);
        const what = context.serialNo ?? '信访事项';
        const when = due ? formatDateZh(due.at, { timeZone }) : '';
        return {
          type: 'notify' as const,
          to: recipients(context, stage),
          title:
            event.type === 'DEADLINE_NEAR'
              ? `临期提醒：${what}`
              : event.type === 'DEADLINE_PASSED'
                ? `超期督办：${what}`
                : `催办：${what}`,
          body:
            event.type === 'REMIND' && event.note
              ? event.note
              : event.type === 'DEADLINE_PASSED'
                ? `${what}已超过办理期限（${when}），请立即办理并说明原因。`
                : `${what}办理期限为${when}，请抓紧办理。`,
          channel: 'inApp' as const,
        };
      }),
      /** Cancels and sets the two deadline timers of the stage the case is in now. */
      scheduleDeadline: enqueueActions(({ context, event, enqueue }) => {
        enqueue.cancel(DEADLINE_NEAR_ID);
        enqueue.cancel(DEADLINE_PASSED_ID);
        const due = dueOf(context, stageNow(context));
        if (!due) return;
        const now = Date.parse(nowOf(context, event as { meta?: EventMeta }));
        const dueMs = Date.parse(due.at);
        const near = dueMs - REMIND_DAYS_BEFORE * 86_400_000;
        if (near > now)
          enqueue.raise({ type: 'DEADLINE_NEAR' } as PetitionEvent, {
            id: DEADLINE_NEAR_ID,
            delay: near - now,
          });
        enqueue.raise({ type: 'DEADLINE_PASSED' } as PetitionEvent, {
          id: DEADLINE_PASSED_ID,
          delay: Math.max(0, dueMs - now),
        });
      }),
      scheduleNextOverdue: enqueueActions(({ event, enqueue }) => {
        const now = new Date(event.meta.at);
        const delay = calendar.addWorkingDays(now, interval).getTime() - now.getTime();
        enqueue.raise({ type: 'DEADLINE_PASSED' } as PetitionEvent, {
          id: DEADLINE_PASSED_ID,
          delay,
        });
      }),
      scheduleWindow: enqueueActions(({ context, event, enqueue }) => {
        enqueue.cancel(WINDOW_CLOSED_ID);
        if (!context.appealBy) return;
        const now = Date.parse(event.meta.at);
        enqueue.raise({ type: 'WINDOW_CLOSED' } as PetitionEvent, {
          id: WINDOW_CLOSED_ID,
          delay: Math.max(0, Date.parse(context.appealBy.at) - now),
        });
      }),
      notifyAssigned: emit(({ context }) => ({
        type: 'notify' as const,
        to: [context.registeredBy],
        title: `信访事项已交办：${context.serialNo ?? ''}`,
        body: `${context.serialNo ?? '信访事项'}已交办，办理期限为${context.handleBy ? formatDateZh(context.handleBy.at, { timeZone }) : ''}。`,
        channel: 'inApp' as const,
      })),
    },
  }).createMachine({
    id: 'petition',
    context: ({ input }) => {
      const { meta, ...registration } = input;
      const receivedOn = receivedOnOf(registration as PetitionRegistration, calendar);
      return {
        registration: registration as PetitionRegistration,
        serialNo: meta.serial ? formatPetitionSerialNo(meta.serial, prefix) : null,
        registeredBy: meta.actorId,
        registeredAt: meta.at,
        receivedOn,
        decideBy: deadline(receivedOn, PETITION_PERIODS.decide.days),
        decision: null,
        department: null,
        handleBy: null,
        extensions: [],
        reply: null,
        returns: 0,
        satisfaction: null,
        appealBy: null,
        review: null,
        recheck: null,
        reminders: [],
        overdue: [],
        outcome: null,
        concludedAt: null,
        closeReason: null,
        archivedAt: null,
        archivedBy: null,
        archiveCode: null,
      };
    },
    initial: 'registered',
    on: {
      REMIND: { guard: 'hasDeadline', actions: ['recordReminder', 'notifyReminder'] },
      DEADLINE_NEAR: { actions: ['recordReminder', 'notifyReminder'] },
      DEADLINE_PASSED: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextOverdue'] },
    },
    states: {
      /** 待受理: the office decides within 15 days of receipt. */
      registered: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          ACCEPT: { target: 'processing', actions: 'recordAccept' },
          DECLINE: { guard: 'noticeDateOk', target: 'concluded', actions: 'recordDecline' },
          TRANSFER: { guard: 'noticeDateOk', target: 'concluded', actions: 'recordTransfer' },
        },
      },
      /** 办理: 60 days from 受理 (plus an approved 延期). */
      processing: {
        initial: 'accepted',
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          APPROVE_EXTENSION: {
            guard: 'canApproveExtension',
            actions: ['approveExtension', 'scheduleDeadline'],
          },
          DENY_EXTENSION: { guard: 'extensionPending', actions: 'denyExtension' },
        },
        states: {
          /** 已受理, 待交办 */
          accepted: {
            on: {
              ASSIGN: { target: 'assigning', actions: ['assignDepartment', 'notifyAssigned'] },
            },
          },
          /** The department head picks the handler. */
          assigning: {
            on: {
              ASSIGN_HANDLER: {
                guard: 'isHead',
                target: 'investigating',
                actions: 'assignHandler',
              },
            },
          },
          /** 调查核实, 拟定处理意见. */
          investigating: {
            on: {
              SUBMIT_REPLY: { guard: 'isHandler', target: 'approving', actions: 'submitReply' },
              REQUEST_EXTENSION: { guard: 'canRequestExtension', actions: 'requestExtension' },
            },
          },
          /** 部门负责人审核答复意见. */
          approving: {
            on: {
              APPROVE_REPLY: {
                guard: 'canApproveReply',
                target: '#petition.answered',
                actions: 'approveReply',
              },
              RETURN_REPLY: { guard: 'isHead', target: 'investigating', actions: 'returnReply' },
            },
          },
        },
      },
      /** 已答复: the office records the petitioner's 满意度评价. */
      answered: {
        on: {
          RECORD_SATISFACTION: [
            {
              guard: 'dissatisfied',
              target: 'awaitingReview',
              actions: ['recordSatisfaction', 'openReviewWindow'],
            },
            { target: 'concluded', actions: ['recordSatisfaction', 'concludeAnswered'] },
          ],
        },
      },
      /** 30 days to ask for 复查. */
      awaitingReview: {
        entry: 'scheduleWindow',
        exit: cancel(WINDOW_CLOSED_ID),
        on: {
          REQUEST_REVIEW: { guard: 'requestInTime', target: 'reviewing', actions: 'requestReview' },
          WINDOW_CLOSED: { target: 'concluded', actions: 'concludeClosed' },
          CLOSE: { target: 'concluded', actions: 'concludeClosed' },
        },
      },
      /** 复查: 30 days from the request. */
      reviewing: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          GIVE_REVIEW_OPINION: {
            guard: 'isReviewer',
            target: 'awaitingRecheck',
            actions: 'giveReviewOpinion',
          },
        },
      },
      /** 30 days to ask for 复核. */
      awaitingRecheck: {
        entry: 'scheduleWindow',
        exit: cancel(WINDOW_CLOSED_ID),
        on: {
          REQUEST_RECHECK: {
            guard: 'requestInTime',
            target: 'rechecking',
            actions: 'requestRecheck',
          },
          WINDOW_CLOSED: { target: 'concluded', actions: 'concludeClosed' },
          CLOSE: { target: 'concluded', actions: 'concludeClosed' },
        },
      },
      /** 复核: 30 days from the request; its opinion ends the matter (终结). */
      rechecking: {
        entry: 'scheduleDeadline',
        exit: [cancel(DEADLINE_NEAR_ID), cancel(DEADLINE_PASSED_ID)],
        on: {
          GIVE_RECHECK_OPINION: {
            guard: 'isRechecker',
            target: 'concluded',
            actions: 'giveRecheckOpinion',
          },
        },
      },
      /** 办结: waiting to be archived. */
      concluded: {
        on: { ARCHIVE: { target: 'archived', actions: 'recordArchive' } },
      },
      /** 已归档 */
      archived: { type: 'final' },
    },
  });
}

/** The 信访 machine type. */
export type PetitionMachine = ReturnType<typeof createPetitionMachine>;
