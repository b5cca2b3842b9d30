import { assign, cancel, emit, enqueueActions, setup } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { TIMER_ACTOR } from '../../engine/engine.ts';
import { DEFAULT_TIME_ZONE, formatDateZh } from '../../util/format-date-zh.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { Proposal, Registration } from './fields.ts';
import {
  baseTaskKey,
  circulateTaskKey,
  type HandlingStage,
  handlingTaskKey,
  readTaskKey,
} from './task-keys.ts';

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

type Meta = { meta: EventMeta };
type Dept = { departmentId: string };
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

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** Formats a 收文编号 from the engine's serial: 收〔2026〕0015 (红头), 收白〔2026〕0003 (白头). */
export function formatSerialNo(serial: { scope: string; value: number }): string {
  const [, headType, year] = serial.scope.split(':');
  const prefix = headType === '白头' ? '收白' : '收';
  return `${prefix}〔${year}〕${String(serial.value).padStart(4, '0')}`;
}

/** The leaders who still have to 批示 now (one in sequence, all remaining in parallel). */
export function pendingLeaders(ctx: IncomingContext): string[] {
  const p = ctx.proposal;
  if (!p) return [];
  const done = new Set(ctx.instructions.map((i) => i.leader));
  const left = p.leaders.filter((l) => !done.has(l));
  return p.leaderMode === 'sequence' ? left.slice(0, 1) : left;
}

/** Leaders who may take back (撤回) their 批示: no later leader has acted yet. */
export function withdrawableInstructions(ctx: IncomingContext): string[] {
  if (!ctx.proposal || ctx.instructions.length === 0) return [];
  if (ctx.proposal.leaderMode === 'sequence') return [ctx.instructions.at(-1)!.leader];
  return ctx.instructions.map((i) => i.leader);
}

/** Everyone who may send 撤回 in the given state of the case. */
export function withdrawers(ctx: IncomingContext, state: string): string[] {
  if (state === 'open.reviewing') return ctx.proposedBy ? [ctx.proposedBy] : [];
  if (state === 'open.instructing') {
    const out = withdrawableInstructions(ctx);
    if (ctx.instructions.length === 0 && ctx.reviewWithdrawableBy)
      out.push(ctx.reviewWithdrawableBy);
    return out;
  }
  if (state === 'open.processing') {
    return ctx.handling.flatMap((d) => (d.withdrawable ? [d.withdrawable.by] : []));
  }
  return [];
}

function deptOf<T extends { id: string }>(list: T[], event: { departmentId?: unknown }) {
  return typeof event.departmentId === 'string'
    ? list.filter((d) => d.id === event.departmentId)
    : list;
}

const STAGE: Record<HandlingDepartment['status'], HandlingStage | null> = {
  assigning: 'assign',
  handling: 'handle',
  confirming: 'confirm',
  done: null,
};

/** The key of the task a 承办 department's current step is done through (null when done). */
export function currentHandlingTaskKey(d: HandlingDepartment): string | null {
  const stage = STAGE[d.status];
  return stage ? handlingTaskKey(d.id, d.step, stage) : null;
}

/**
 * Whether the task `key` admitted the sender. The engine always sets `meta.taskKeys` on user
 * events; without it (the machine driven outside the engine, or `engine.can` asking without a
 * payload) nothing is pinned and the other guards decide alone.
 */
function admits(meta: EventMeta, key: string | null): boolean {
  if (meta.taskKeys === undefined) return true;
  return key !== null && meta.taskKeys.some((k) => baseTaskKey(k) === key);
}

/**
 * The 承办 departments an event may act on: the one the payload names (if any), and only
 * where the department's current task admitted the sender, so a head or handler acts only
 * through their own task, never for another department.
 */
function handlingTargets(list: HandlingDepartment[], event: IncomingEvent): HandlingDepartment[] {
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, currentHandlingTaskKey(d)));
}

/** The 传阅 departments whose pick (`circulate:<id>`) admitted the sender. */
function pickTargets(list: CirculationDepartment[], event: IncomingEvent) {
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, circulateTaskKey(d.id)));
}

/** The 传阅 departments where the sender's own reading task (`read:<id>:<who>`) admitted them. */
function readTargets(list: CirculationDepartment[], event: IncomingEvent) {
  const who = principalOf(event.meta);
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, readTaskKey(d.id, who)));
}

function currentHandler(d: HandlingDepartment): string | null {
  return d.handlers.at(-1) ?? null;
}

/** The 承办 departments (admitting the sender) where the sender is the current handler. */
function senderHandling(list: HandlingDepartment[], event: IncomingEvent): HandlingDepartment[] {
  const who = principalOf(event.meta);
  return handlingTargets(list, event).filter(
    (d) => d.status === 'handling' && currentHandler(d) === who,
  );
}

function headMay(d: { head: string | null }, who: string): boolean {
  return d.head === null || d.head === who;
}

function replaceDept(
  list: HandlingDepartment[],
  id: string,
  change: (d: HandlingDepartment) => Partial<HandlingDepartment>,
): HandlingDepartment[] {
  return list.map((d) => (d.id === id ? { ...d, ...change(d), step: d.step + 1 } : d));
}

function ev(event: IncomingEvent): Record<string, unknown> {
  return event as unknown as Record<string, unknown>;
}

function str(event: IncomingEvent, key: string): string {
  const v = ev(event)[key];
  return typeof v === 'string' ? v : '';
}

/** The 收文 (incoming document) machine; pure: time comes from `meta.at`, days from `calendar`. */
export function createIncomingMachine(options: IncomingMachineOptions) {
  const { calendar } = options;
  const defaultDays = options.defaultDeadlineWorkingDays ?? 7;
  const intervalDays = options.remindIntervalWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;

  const effective = (p: Proposal, at: string): EffectiveProposal => {
    let deadlineAt: string;
    if (p.deadline === undefined)
      deadlineAt = calendar.addWorkingDays(new Date(at), defaultDays).toISOString();
    else if (/^\d{4}-\d{2}-\d{2}$/.test(p.deadline))
      deadlineAt = calendar.addWorkingDays(new Date(`${p.deadline}T12:00:00Z`), 0).toISOString();
    else deadlineAt = new Date(p.deadline).toISOString();
    return {
      ...p,
      deadlineAt,
      remindIntervalWorkingDays: p.remindEveryWorkingDays ?? intervalDays,
    };
  };

  const reminderRecipients = (ctx: IncomingContext): string[] => {
    const handlers = ctx.handling
      .filter((d) => d.status === 'handling')
      .map(currentHandler)
      .filter((h): h is string => h !== null);
    return [...new Set([...(ctx.proposedBy ? [ctx.proposedBy] : []), ...handlers])];
  };

  return setup({
    types: {} as {
      context: IncomingContext;
      events: IncomingEvent;
      input: IncomingInput;
      emitted: IncomingNotify;
    },
    guards: {
      isProposer: ({ context, event }) => context.proposedBy === principalOf(event.meta),
      keepsHeadType: ({ context, event }) =>
        event.type !== 'AMEND_REGISTRATION' || event.headType === context.registration.headType,
      isPendingLeader: ({ context, event }) =>
        pendingLeaders(context).includes(principalOf(event.meta)),
      allLeadersInstructed: ({ context }) =>
        context.proposal !== null && context.instructions.length >= context.proposal.leaders.length,
      canWithdrawReview: ({ context, event }) =>
        context.instructions.length === 0 &&
        context.reviewWithdrawableBy === principalOf(event.meta),
      canWithdrawInstruction: ({ context, event }) =>
        withdrawableInstructions(context).includes(principalOf(event.meta)),
      canAssign: ({ context, event }) =>
        handlingTargets(context.handling, event).some(
          (d) => d.status === 'assigning' && headMay(d, principalOf(event.meta)),
        ),
      isCurrentHandler: ({ context, event }) => senderHandling(context.handling, event).length > 0,
      canHandDown: ({ context, event }) =>
        senderHandling(context.handling, event).some(
          (d) => !d.handlers.includes(str(event, 'handlerId')),
        ),
      canConfirm: ({ context, event }) =>
        handlingTargets(context.handling, event).some(
          (d) => d.status === 'confirming' && headMay(d, principalOf(event.meta)),
        ),
      canWithdrawInDepartment: ({ context, event }) =>
        deptOf(context.handling, ev(event)).some(
          (d) => d.withdrawable?.by === principalOf(event.meta),
        ),
      canPickReaders: ({ context, event }) =>
        pickTargets(context.circulation, event).some(
          (d) => d.pickedAt === null && headMay(d, principalOf(event.meta)),
        ),
      isUnreadReader: ({ context, event }) =>
        readTargets(context.circulation, event).some(
          (d) => d.readers[principalOf(event.meta)] === null,
        ),
      allDone: ({ context }) =>
        context.handling.length > 0
          ? context.handling.every((d) => d.status === 'done')
          : context.circulation.every(
              (d) => d.pickedAt !== null && Object.values(d.readers).every((r) => r !== null),
            ),
    },
    actions: {
      recordProposal: assign(({ context, event }) => {
        if (event.type !== 'PROPOSE') return {};
        const { type: _t, meta, ...proposal } = event;
        const p = effective(proposal, meta.at);
        return {
          round: context.round + 1,
          originalProposal: p,
          proposal: p,
          proposedBy: principalOf(meta),
          proposedAt: meta.at,
          reviewedBy: null,
          returned: null,
          instructions: [],
          reviewWithdrawableBy: null,
          handling: [],
          circulation: [],
        };
      }),
      recordReview: assign(({ context, event }) => {
        if (event.type !== 'REVIEW') return {};
        const who = principalOf(event.meta);
        const proposal =
          event.decision === 'change' ? effective(event.proposal, event.meta.at) : context.proposal;
        return { proposal, reviewedBy: who, reviewWithdrawableBy: who };
      }),
      withdrawReview: assign(({ context }) => ({
        proposal: context.originalProposal,
        reviewedBy: null,
        reviewWithdrawableBy: null,
      })),
      recordReturn: assign(({ context, event }) => ({
        returned: {
          by: principalOf(event.meta),
          reason: str(event, 'reason'),
          at: event.meta.at,
          fromStep: context.instructions.length > 0 || context.reviewedBy ? '批示' : '审阅',
        },
        instructions: [],
        reviewWithdrawableBy: null,
      })),
      recordWithdrawProposal: assign({ reviewWithdrawableBy: null }),
      recordReturnToRegistration: assign(({ event }) => ({
        returned: {
          by: principalOf(event.meta),
          reason: str(event, 'reason'),
          at: event.meta.at,
          fromStep: '拟办',
        },
      })),
      amendRegistration: assign(({ context, event }) => {
        if (event.type !== 'AMEND_REGISTRATION') return {};
        const { type: _t, meta: _m, ...registration } = event;
        return { registration, returned: null, amendments: context.amendments + 1 };
      }),
      recordInstruction: assign(({ context, event }) => {
        if (event.type !== 'INSTRUCT') return {};
        return {
          reviewWithdrawableBy: null,
          instructions: [
            ...context.instructions,
            {
              leader: principalOf(event.meta),
              actorId: event.meta.actorId,
              onBehalfOf: event.meta.onBehalfOf,
              opinion: event.opinion,
              at: event.meta.at,
              addAssistDepartments: event.addAssistDepartments,
              addCirculateDepartments: event.addCirculateDepartments,
            },
          ],
        };
      }),
      withdrawInstruction: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const idx = context.instructions.findLastIndex((i) => i.leader === who);
        return { instructions: context.instructions.filter((_, i) => i !== idx) };
      }),
      dispatch: assign(({ context }) => {
        const p = context.proposal!;
        const main = p.mainDepartment;
        const assist = [
          ...new Set([
            ...p.assistDepartments,
            ...context.instructions.flatMap((i) => i.addAssistDepartments),
          ]),
        ].filter((d) => d !== main);
        const circulate = [
          ...new Set([
            ...p.circulateDepartments,
            ...context.instructions.flatMap((i) => i.addCirculateDepartments),
          ]),
        ];
        const dept = (id: string, role: 'main' | 'assist'): HandlingDepartment => ({
          id,
          role,
          status: 'assigning',
          step: 0,
          head: null,
          handlers: [],
          result: null,
          withdrawable: null,
          sentBack: 0,
          confirmedAt: null,
        });
        return {
          reviewWithdrawableBy: null,
          handling: [
            ...(main ? [dept(main, 'main')] : []),
            ...assist.map((id) => dept(id, 'assist')),
          ],
          circulation: circulate.map((id) => ({
            id,
            from: null,
            head: null,
            pickedAt: null,
            readers: {},
          })),
        };
      }),
      assignHandler: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = handlingTargets(context.handling, event).find(
          (d) => d.status === 'assigning' && headMay(d, who),
        )!;
        return {
          handling: replaceDept(context.handling, target.id, () => ({
            status: 'handling',
            head: who,
            handlers: [str(event, 'handlerId')],
            withdrawable: { by: who, kind: 'assign' },
          })),
        };
      }),
      handDown: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = senderHandling(context.handling, event)[0]!;
        return {
          handling: replaceDept(context.handling, target.id, (d) => ({
            handlers: [...d.handlers, str(event, 'handlerId')],
            withdrawable: { by: who, kind: 'handDown' },
          })),
        };
      }),
      submitResult: assign(({ context, event }) => {
        if (event.type !== 'SUBMIT_RESULT') return {};
        const who = principalOf(event.meta);
        const target = senderHandling(context.handling, event)[0]!;
        return {
          handling: replaceDept(context.handling, target.id, () => ({
            status: 'confirming',
            result: {
              text: event.result,
              attachments: event.attachments,
              by: event.meta.actorId,
              onBehalfOf: event.meta.onBehalfOf,
              at: event.meta.at,
            },
            withdrawable: { by: who, kind: 'submit' },
          })),
        };
      }),
      returnByHandler: assign(({ context, event }) => {
        const target = senderHandling(context.handling, event)[0]!;
        return {
          handling: replaceDept(context.handling, target.id, (d) =>
            d.handlers.length > 1
              ? { handlers: d.handlers.slice(0, -1), withdrawable: null }
              : { status: 'assigning', handlers: [], withdrawable: null },
          ),
        };
      }),
      confirm: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = handlingTargets(context.handling, event).find(
          (d) => d.status === 'confirming' && headMay(d, who),
        )!;
        return {
          handling: replaceDept(context.handling, target.id, () => ({
            status: 'done',
            head: who,
            withdrawable: null,
            confirmedAt: event.meta.at,
          })),
        };
      }),
      sendBack: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = handlingTargets(context.handling, event).find(
          (d) => d.status === 'confirming' && headMay(d, who),
        )!;
        return {
          handling: replaceDept(context.handling, target.id, (d) => ({
            status: 'handling',
            head: who,
            result: null,
            withdrawable: null,
            sentBack: d.sentBack + 1,
          })),
        };
      }),
      withdrawInDepartment: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = deptOf(context.handling, ev(event)).find((d) => d.withdrawable?.by === who)!;
        const kind = target.withdrawable!.kind;
        return {
          handling: replaceDept(context.handling, target.id, (d) =>
            kind === 'assign'
              ? { status: 'assigning', handlers: [], withdrawable: null }
              : kind === 'handDown'
                ? { handlers: d.handlers.slice(0, -1), withdrawable: null }
                : { status: 'handling', result: null, withdrawable: null },
          ),
        };
      }),
      pickReaders: assign(({ context, event }) => {
        if (event.type !== 'PICK_READERS') return {};
        const who = principalOf(event.meta);
        const target = pickTargets(context.circulation, event).find(
          (d) => d.pickedAt === null && headMay(d, who),
        )!;
        const readers: Record<string, string | null> = { [who]: event.meta.at };
        for (const r of event.readers) if (r !== who) readers[r] = null;
        const known = new Set(context.circulation.map((d) => d.id));
        const forwarded = event.forwardTo
          .filter((id) => !known.has(id))
          .map((id) => ({ id, from: target.id, head: null, pickedAt: null, readers: {} }));
        return {
          circulation: [
            ...context.circulation.map((d) =>
              d.id === target.id ? { ...d, head: who, pickedAt: event.meta.at, readers } : d,
            ),
            ...forwarded,
          ],
        };
      }),
      markRead: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const target = readTargets(context.circulation, event).find(
          (d) => d.readers[who] === null,
        )!;
        return {
          circulation: context.circulation.map((d) =>
            d.id === target.id ? { ...d, readers: { ...d.readers, [who]: event.meta.at } } : d,
          ),
        };
      }),
      recordReminder: assign(({ context, event }) => ({
        reminders: [
          ...context.reminders,
          {
            at: event.meta.at,
            by: event.type === 'DEADLINE_REMIND' ? TIMER_ACTOR : event.meta.actorId,
            note: event.type === 'REMIND' ? (event.note ?? null) : null,
          },
        ],
      })),
      notifyReminder: emit(({ context, event }) => ({
        type: 'notify' as const,
        to: reminderRecipients(context),
        title: `催办：${context.registration.title}`,
        body:
          event.type === 'REMIND' && event.note
            ? event.note
            : `${context.serialNo ?? ''}《${context.registration.title}》办理时限为${context.proposal ? formatDateZh(context.proposal.deadlineAt, { timeZone }) : ''}，请抓紧办理。`,
        channel: 'inApp' as const,
      })),
      scheduleDeadlineRemind: enqueueActions(({ context, event, enqueue }) => {
        enqueue.cancel(DEADLINE_REMIND_ID);
        const p = context.proposal;
        if (!p?.supervise) return;
        const delay = Math.max(0, Date.parse(p.deadlineAt) - Date.parse(event.meta.at));
        enqueue.raise({ type: 'DEADLINE_REMIND' } as IncomingEvent, {
          id: DEADLINE_REMIND_ID,
          delay,
        });
      }),
      scheduleNextRemind: enqueueActions(({ context, event, enqueue }) => {
        const days = context.proposal?.remindIntervalWorkingDays ?? intervalDays;
        const now = new Date(event.meta.at);
        const delay = calendar.addWorkingDays(now, days).getTime() - now.getTime();
        enqueue.raise({ type: 'DEADLINE_REMIND' } as IncomingEvent, {
          id: DEADLINE_REMIND_ID,
          delay,
        });
      }),
      markCompleted: assign(({ event }) => ({ completedAt: event.meta.at })),
      recordArchive: assign(({ event }) => ({
        archivedAt: event.meta.at,
        archivedBy: principalOf(event.meta),
      })),
    },
  }).createMachine({
    id: 'incoming',
    context: ({ input }) => {
      const { meta, ...registration } = input;
      return {
        registration,
        serialNo: meta.serial ? formatSerialNo(meta.serial) : null,
        registeredBy: meta.actorId,
        registeredAt: meta.at,
        amendments: 0,
        round: 0,
        originalProposal: null,
        proposal: null,
        proposedBy: null,
        proposedAt: null,
        reviewedBy: null,
        returned: null,
        instructions: [],
        reviewWithdrawableBy: null,
        handling: [],
        circulation: [],
        reminders: [],
        completedAt: null,
        archivedAt: null,
        archivedBy: null,
      };
    },
    initial: 'proposing',
    states: {
      /** 拟办: waiting for (or sent back to) the secretariat's proposal. */
      proposing: {
        on: {
          PROPOSE: { target: 'open', actions: 'recordProposal' },
          RETURN: { target: 'registering', actions: 'recordReturnToRegistration' },
        },
      },
      /** 退回 from 拟办: the registrar corrects the registration (the 收文编号 stays). */
      registering: {
        on: {
          AMEND_REGISTRATION: {
            guard: 'keepsHeadType',
            target: 'proposing',
            actions: 'amendRegistration',
          },
        },
      },
      /** From 审阅 to 办结; the automatic 催办 timer lives here. */
      open: {
        initial: 'reviewing',
        entry: 'scheduleDeadlineRemind',
        exit: cancel(DEADLINE_REMIND_ID),
        on: {
          DEADLINE_REMIND: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextRemind'] },
          REMIND: { actions: ['recordReminder', 'notifyReminder'] },
        },
        states: {
          reviewing: {
            on: {
              REVIEW: {
                target: 'instructing',
                actions: ['recordReview', 'scheduleDeadlineRemind'],
              },
              RETURN: { target: '#incoming.proposing', actions: 'recordReturn' },
              WITHDRAW: {
                guard: 'isProposer',
                target: '#incoming.proposing',
                actions: 'recordWithdrawProposal',
              },
            },
          },
          instructing: {
            always: { guard: 'allLeadersInstructed', target: 'processing', actions: 'dispatch' },
            on: {
              INSTRUCT: { guard: 'isPendingLeader', actions: 'recordInstruction' },
              RETURN: {
                guard: 'isPendingLeader',
                target: '#incoming.proposing',
                actions: 'recordReturn',
              },
              WITHDRAW: [
                {
                  guard: 'canWithdrawReview',
                  target: 'reviewing',
                  actions: ['withdrawReview', 'scheduleDeadlineRemind'],
                },
                { guard: 'canWithdrawInstruction', actions: 'withdrawInstruction' },
              ],
            },
          },
          processing: {
            always: { guard: 'allDone', target: '#incoming.completed', actions: 'markCompleted' },
            on: {
              ASSIGN: { guard: 'canAssign', actions: 'assignHandler' },
              HAND_DOWN: { guard: 'canHandDown', actions: 'handDown' },
              SUBMIT_RESULT: { guard: 'isCurrentHandler', actions: 'submitResult' },
              RETURN: { guard: 'isCurrentHandler', actions: 'returnByHandler' },
              CONFIRM: { guard: 'canConfirm', actions: 'confirm' },
              SEND_BACK: { guard: 'canConfirm', actions: 'sendBack' },
              WITHDRAW: { guard: 'canWithdrawInDepartment', actions: 'withdrawInDepartment' },
              PICK_READERS: { guard: 'canPickReaders', actions: 'pickReaders' },
              READ: { guard: 'isUnreadReader', actions: 'markRead' },
            },
          },
        },
      },
      /** 办结: circulation may go on; the secretariat archives. */
      completed: {
        on: {
          PICK_READERS: { guard: 'canPickReaders', actions: 'pickReaders' },
          READ: { guard: 'isUnreadReader', actions: 'markRead' },
          ARCHIVE: { target: 'archived', actions: 'recordArchive' },
        },
      },
      /** 已归档: read-only. */
      archived: { type: 'final' },
    },
  });
}

/** The 收文 machine type. */
export type IncomingMachine = ReturnType<typeof createIncomingMachine>;
