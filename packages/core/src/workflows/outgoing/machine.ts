import { and, assign, cancel, emit, enqueueActions, setup } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { TIMER_ACTOR } from '../../engine/engine.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import type { CountersignPlan, OutgoingDraft, OutgoingHeader, Recipient } from './fields.ts';
import { baseTaskKey, type CountersignStage, countersignTaskKey } from './task-keys.ts';

/** The timer id of the automatic 催办 of missing 回执. */
export const RECEIPT_REMIND_ID = 'outgoing-receipt-remind';

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

/** The person an event counts for: the principal under delegation, else the actor. */
export function principalOf(meta: EventMeta): string {
  return meta.onBehalfOf ?? meta.actorId;
}

/** The 文号 sequence scope: per unit (the engine adds it), 机关代字 and year. */
export function docNumberScope(issuerCode: string, year: string | number): string {
  return `发文:${issuerCode}:${year}`;
}

/** Formats a 文号 from the engine's serial: `示政办发〔2026〕12号`. */
export function formatDocNumber(serial: { scope: string; value: number }): string {
  const { issuerCode, year } = parseDocNumberScope(serial.scope);
  return `${issuerCode}〔${year}〕${serial.value}号`;
}

/** The 机关代字 and year of a 文号 scope. */
export function parseDocNumberScope(scope: string): { issuerCode: string; year: number } {
  const m = /^发文:([^:]+):(\d{4})$/.exec(scope);
  if (!m) throw new TypeError(`not a 文号 scope: ${scope}`);
  return { issuerCode: m[1]!, year: Number(m[2]) };
}

/** The valid (not voided) 文号 of the case, or null. */
export function currentDocNumber(ctx: Pick<OutgoingContext, 'docNumbers'>): DocNumberUse | null {
  const last = ctx.docNumbers.at(-1);
  return last && last.voidedAt === null ? last : null;
}

/** The latest version number (the version in force). */
export function latestVersion(ctx: Pick<OutgoingContext, 'versions'>): number {
  return ctx.versions.at(-1)?.no ?? 0;
}

/** The 会签 departments whose turn it is (the first unfinished in sequence, all unfinished in parallel). */
export function activeCountersign(ctx: OutgoingContext): CountersignDepartment[] {
  const open = ctx.countersign.filter((d) => d.status !== 'done');
  return ctx.countersignPlan?.mode === 'sequence' ? open.slice(0, 1) : open;
}

/** The key of the task a 会签 department's current step is done through (null when done). */
export function countersignKeyOf(ctx: OutgoingContext, d: CountersignDepartment): string | null {
  return d.status === 'done'
    ? null
    : countersignTaskKey(ctx.countersignRound, d.id, d.step, d.status);
}

/** The recipient key of a recipient at `index` among the external ones: `unit:<id>` or `ext:<n>`. */
export function recipientKey(r: Recipient, externalIndex: number): string {
  return 'unitId' in r ? `unit:${r.unitId}` : `ext:${externalIndex}`;
}

/** 主送 then 抄送, each unit once (a unit in both lists counts as 主送), with their keys. */
export function recipientsOf(header: Pick<OutgoingHeader, 'mainRecipients' | 'ccRecipients'>) {
  const out: Array<{ key: string; recipient: Recipient; list: 'main' | 'cc' }> = [];
  const seen = new Set<string>();
  let ext = 0;
  for (const [list, rs] of [
    ['main', header.mainRecipients],
    ['cc', header.ccRecipients],
  ] as const) {
    for (const r of rs) {
      const id = 'unitId' in r ? `u:${r.unitId}` : `n:${r.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ key: recipientKey(r, ext), recipient: r, list });
      if (!('unitId' in r)) ext++;
    }
  }
  return out;
}

/** Everyone who may send 撤回 in the given state of the case. */
export function withdrawers(ctx: OutgoingContext, state: string): string[] {
  const out: string[] = [];
  const w = ctx.withdrawable;
  if (w && WITHDRAW_FROM[w.kind].includes(state)) out.push(w.by);
  if (state === 'countersigning')
    for (const d of ctx.countersign) if (d.withdrawable) out.push(d.withdrawable.by);
  return out;
}

/** The states in which each kind of case-level 撤回 applies. */
const WITHDRAW_FROM: Record<NonNullable<OutgoingContext['withdrawable']>['kind'], string[]> = {
  submit: ['checking'],
  check: ['countersigning', 'rechecking'],
  recheckSubmit: ['rechecking'],
  recheck: ['signing'],
  sign: ['finalizing'],
};

function admits(meta: EventMeta, key: string | null): boolean {
  if (meta.taskKeys === undefined) return true;
  return key !== null && meta.taskKeys.some((k) => baseTaskKey(k) === key);
}

function ev(event: OutgoingEvent): Record<string, unknown> {
  return event as unknown as Record<string, unknown>;
}

function str(event: OutgoingEvent, key: string): string {
  const v = ev(event)[key];
  return typeof v === 'string' ? v : '';
}

/** The active 会签 departments an event may act on: named by the payload (if any) and admitted by its task. */
function countersignTargets(ctx: OutgoingContext, event: OutgoingEvent): CountersignDepartment[] {
  const named = ev(event).departmentId;
  return activeCountersign(ctx).filter(
    (d) =>
      (typeof named !== 'string' || d.id === named) && admits(event.meta, countersignKeyOf(ctx, d)),
  );
}

function headMay(d: CountersignDepartment, who: string): boolean {
  return d.head === null || d.head === who;
}

/** Whether `who` may give the 会签意见 of `d` now (head, assigned member, or head reviewing). */
function maySign(d: CountersignDepartment, who: string): boolean {
  if (d.status === 'member') return d.member === who;
  return (d.status === 'head' || d.status === 'review') && headMay(d, who);
}

function replaceDept(
  list: CountersignDepartment[],
  id: string,
  change: (d: CountersignDepartment) => Partial<CountersignDepartment>,
): CountersignDepartment[] {
  return list.map((d) => (d.id === id ? { ...d, ...change(d), step: d.step + 1 } : d));
}

function newVersion(
  ctx: OutgoingContext,
  body: DocumentBody,
  meta: EventMeta,
  step: OutgoingStep,
  kind: DocVersion['kind'],
  note: string | null,
  departmentId: string | null = null,
): DocVersion {
  return {
    no: latestVersion(ctx) + 1,
    body,
    author: principalOf(meta),
    actorId: meta.actorId,
    onBehalfOf: meta.onBehalfOf,
    step,
    kind,
    departmentId,
    at: meta.at,
    note,
    withdrawnAt: null,
  };
}

/** Adds a version when the event carries a body; returns the new list. */
function withBody(
  ctx: OutgoingContext,
  event: OutgoingEvent,
  step: OutgoingStep,
  kind: DocVersion['kind'],
  departmentId: string | null = null,
): DocVersion[] {
  const body = ev(event).body as DocumentBody | undefined;
  if (body === undefined) return ctx.versions;
  const note = typeof ev(event).note === 'string' ? (ev(event).note as string) : null;
  return [...ctx.versions, newVersion(ctx, body, event.meta, step, kind, note, departmentId)];
}

function opinion(event: OutgoingEvent, text: string, versions: DocVersion[]): OpinionRecord {
  return {
    by: principalOf(event.meta),
    actorId: event.meta.actorId,
    onBehalfOf: event.meta.onBehalfOf,
    opinion: text,
    at: event.meta.at,
    version: versions.at(-1)?.no ?? 0,
  };
}

function newDepartments(plan: CountersignPlan | null): CountersignDepartment[] {
  return (plan?.departments ?? []).map((d) => ({
    id: d.departmentId,
    memberOpinionTo: d.memberOpinionTo,
    status: 'head',
    step: 0,
    head: null,
    member: null,
    memberOpinion: null,
    opinion: null,
    withdrawable: null,
  }));
}

/** The 发文 (outgoing document) machine; pure: time comes from `meta.at`, numbers from `meta.serial`. */
export function createOutgoingMachine(options: OutgoingMachineOptions) {
  const { calendar } = options;
  const firstRemindDays = options.receiptReminderWorkingDays ?? 3;
  const intervalDays = options.receiptRemindIntervalWorkingDays ?? 1;
  const delayOf = (at: string, days: number) => {
    const now = new Date(at);
    return calendar.addWorkingDays(now, days).getTime() - now.getTime();
  };
  const pending = (ctx: OutgoingContext) => ctx.recipients.filter((r) => r.receipt === null);

  return setup({
    types: {} as {
      context: OutgoingContext;
      events: OutgoingEvent;
      input: OutgoingInput;
      emitted: OutgoingNotify;
    },
    guards: {
      /**
       * The sender was admitted through one of the state's own tasks (not only through an
       * event's `by` rule). The engine sets `meta.taskKeys`; without it (the machine driven
       * outside the engine) nothing is pinned.
       */
      viaTask: ({ event }) => event.meta.taskKeys === undefined || event.meta.taskKeys.length > 0,
      canWithdrawSubmit: ({ context, event }) =>
        context.withdrawable?.kind === 'submit' &&
        context.withdrawable.by === principalOf(event.meta),
      canWithdrawCheck: ({ context, event }) =>
        context.withdrawable?.kind === 'check' &&
        context.withdrawable.by === principalOf(event.meta) &&
        context.countersign.every((d) => d.status === 'head' && d.head === null),
      canWithdrawRecheckSubmit: ({ context, event }) =>
        context.withdrawable?.kind === 'recheckSubmit' &&
        context.withdrawable.by === principalOf(event.meta),
      canWithdrawRecheck: ({ context, event }) =>
        context.withdrawable?.kind === 'recheck' &&
        context.withdrawable.by === principalOf(event.meta),
      canWithdrawSign: ({ context, event }) =>
        context.withdrawable?.kind === 'sign' &&
        context.withdrawable.by === principalOf(event.meta),
      canWithdrawInDepartment: ({ context, event }) => {
        const named = ev(event).departmentId;
        return context.countersign.some(
          (d) =>
            (typeof named !== 'string' || d.id === named) &&
            d.withdrawable?.by === principalOf(event.meta),
        );
      },
      // payload guards accept a missing payload, so `engine.can` (which asks without one) lists the event
      hasCountersign: ({ event }) =>
        ((ev(event).countersign as CountersignPlan | undefined)?.departments.length ?? 0) > 0,
      hasCountersignPlan: ({ context, event }) => {
        const given = ev(event).countersign as CountersignPlan | undefined;
        return ((given ?? context.countersignPlan)?.departments.length ?? 0) > 0;
      },
      mayGoToRecheck: ({ context }) => !context.mustCountersign,
      allCountersigned: ({ context }) => context.countersign.every((d) => d.status === 'done'),
      canAssignMember: ({ context, event }) =>
        countersignTargets(context, event).some(
          (d) => d.status === 'head' && headMay(d, principalOf(event.meta)),
        ),
      canCountersign: ({ context, event }) =>
        countersignTargets(context, event).some((d) => maySign(d, principalOf(event.meta))),
      hasDocNumber: ({ context }) => currentDocNumber(context) !== null,
      sealMatches: ({ context, event }) => {
        const current = currentDocNumber(context);
        const given = ev(event).docNumber;
        return current !== null && (given === undefined || given === current.docNumber);
      },
      coversRecipients: ({ context, event }) => {
        const deliveries = ev(event).deliveries as
          | Array<{ recipient: string; incomingCaseId?: string }>
          | undefined;
        // A document with no 主送/抄送 (e.g. a published 公告 or 通告) is distributed to nobody:
        // DISTRIBUTE with no deliveries ends the step, otherwise the case would stay at 待分发.
        if (deliveries === undefined) return true;
        const keys = deliveries.map((d) => d.recipient);
        if (new Set(keys).size !== keys.length) return false;
        const byKey = new Map(deliveries.map((d) => [d.recipient, d]));
        return (
          keys.length === context.recipients.length &&
          context.recipients.every((r) => {
            const d = byKey.get(r.key);
            return (
              d !== undefined && (!('unitId' in r.recipient) || d.incomingCaseId !== undefined)
            );
          })
        );
      },
      receiptPending: ({ context, event }) => {
        const key = ev(event).recipient;
        return pending(context).some((r) => key === undefined || r.key === key);
      },
      allReceived: ({ context }) => pending(context).length === 0,
    },
    actions: {
      edit: assign(({ context, event }, params: { step: OutgoingStep }) => {
        if (event.type !== 'EDIT') return {};
        const byDrafter = principalOf(event.meta) === context.drafter;
        const header = event.header ? { ...context.header, ...event.header } : context.header;
        return {
          header,
          // recipients follow the header until 分发 (EDIT is only possible before 签发)
          recipients: event.header
            ? recipientsOf(header).map((r) => ({ ...r, delivery: null, receipt: null }))
            : context.recipients,
          versions: withBody(context, event, params.step, byDrafter ? 'draft' : 'edit'),
          withdrawable: null,
        };
      }),
      submit: assign(({ event }) => ({
        checker: event.type === 'SUBMIT' ? (event.checker ?? null) : null,
        returned: null,
        withdrawable: { by: principalOf(event.meta), kind: 'submit' as const },
      })),
      cancelDraft: assign(({ event }) => ({
        cancelled: { by: principalOf(event.meta), reason: str(event, 'reason'), at: event.meta.at },
      })),
      check: assign(({ context, event }) => {
        if (event.type !== 'CHECK') return {};
        const versions = withBody(context, event, 'check', 'edit');
        return {
          versions,
          check: opinion(event, event.opinion, versions),
          countersignPlan: event.countersign,
          signer: event.signer,
          rechecker: event.rechecker ?? null,
          withdrawable: { by: principalOf(event.meta), kind: 'check' as const },
        };
      }),
      startCountersign: assign(({ context }) => ({
        countersignRound: context.countersignRound + 1,
        countersign: newDepartments(context.countersignPlan),
      })),
      withdrawCheck: assign({ check: null, countersign: [], withdrawable: null }),
      returnToDrafter: assign(({ context, event }, params: { fromStep: string }) => ({
        round: context.round + 1,
        returned: {
          by: principalOf(event.meta),
          reason: str(event, 'reason'),
          at: event.meta.at,
          fromStep: params.fromStep,
        },
        check: params.fromStep === '核稿' ? null : context.check,
        withdrawable: null,
      })),
      clearWithdrawable: assign({ withdrawable: null }),
      assignMember: assign(({ context, event }) => {
        if (event.type !== 'ASSIGN_MEMBER') return {};
        const who = principalOf(event.meta);
        const target = countersignTargets(context, event).find(
          (d) => d.status === 'head' && headMay(d, who),
        )!;
        return {
          withdrawable: null,
          countersign: replaceDept(context.countersign, target.id, () => ({
            status: 'member',
            head: who,
            member: event.memberId,
            withdrawable: { by: who, kind: 'assign' },
          })),
        };
      }),
      countersign: assign(({ context, event }) => {
        if (event.type !== 'COUNTERSIGN') return {};
        const who = principalOf(event.meta);
        const target = countersignTargets(context, event).find((d) => maySign(d, who))!;
        const versions = withBody(context, event, 'countersign', 'proposal', target.id);
        const record = { ...opinion(event, event.opinion, versions), agree: event.agree };
        const change = (d: CountersignDepartment): Partial<CountersignDepartment> => {
          if (d.status === 'member') {
            return d.memberOpinionTo === 'head'
              ? {
                  status: 'review',
                  memberOpinion: record,
                  withdrawable: { by: who, kind: 'memberOpinion' },
                }
              : { status: 'done', memberOpinion: record, opinion: record, withdrawable: null };
          }
          return { status: 'done', head: who, opinion: record, withdrawable: null };
        };
        return {
          versions,
          withdrawable: null,
          countersign: replaceDept(context.countersign, target.id, change),
        };
      }),
      withdrawInDepartment: assign(({ context, event }) => {
        const who = principalOf(event.meta);
        const named = ev(event).departmentId;
        const target = context.countersign.find(
          (d) => (typeof named !== 'string' || d.id === named) && d.withdrawable?.by === who,
        )!;
        const kind = target.withdrawable!.kind;
        const proposal = kind === 'memberOpinion' ? target.memberOpinion : null;
        return {
          versions: context.versions.map((v) =>
            proposal &&
            v.kind === 'proposal' &&
            v.departmentId === target.id &&
            v.no === proposal.version &&
            v.author === who &&
            v.at === proposal.at
              ? { ...v, withdrawnAt: event.meta.at }
              : v,
          ),
          countersign: replaceDept(context.countersign, target.id, () =>
            kind === 'assign'
              ? { status: 'head', member: null, withdrawable: null }
              : { status: 'member', memberOpinion: null, withdrawable: null },
          ),
        };
      }),
      closeCountersign: assign(({ context }) => ({
        countersignHistory: [...context.countersignHistory, context.countersign],
        mustCountersign: false,
        withdrawable: null,
      })),
      countersignAgain: assign(({ context, event }) => {
        if (event.type !== 'COUNTERSIGN_AGAIN') return {};
        const plan = event.countersign ?? context.countersignPlan;
        return {
          countersignPlan: plan,
          countersignRound: context.countersignRound + 1,
          countersign: newDepartments(plan),
          withdrawable: null,
        };
      }),
      sendToRecheck: assign(({ event }) => ({
        withdrawable: { by: principalOf(event.meta), kind: 'recheckSubmit' as const },
      })),
      recheck: assign(({ context, event }) => {
        if (event.type !== 'RECHECK') return {};
        const versions = withBody(context, event, 'recheck', 'edit');
        return {
          versions,
          recheck: opinion(event, event.opinion, versions),
          withdrawable: { by: principalOf(event.meta), kind: 'recheck' as const },
        };
      }),
      withdrawRecheck: assign({ recheck: null, withdrawable: null }),
      sign: assign(({ context, event }) => {
        if (event.type !== 'SIGN') return {};
        const versions = withBody(context, event, 'sign', 'edit');
        const signing = opinion(event, event.opinion, versions);
        return {
          versions,
          signing,
          signedVersion: signing.version,
          withdrawable: { by: principalOf(event.meta), kind: 'sign' as const },
        };
      }),
      reviseBySigner: assign(({ context, event }) => ({
        versions: withBody(context, event, 'sign', 'edit'),
        mustCountersign: (context.countersignPlan?.departments.length ?? 0) > 0,
        recheck: null,
      })),
      reject: assign(({ event }) => ({
        rejected: {
          by: principalOf(event.meta),
          actorId: event.meta.actorId,
          reason: str(event, 'reason'),
          at: event.meta.at,
        },
        withdrawable: null,
      })),
      withdrawSign: assign(({ context, event }) => ({
        signing: null,
        signedVersion: null,
        withdrawable: null,
        docNumbers: context.docNumbers.map((n) =>
          n.voidedAt === null
            ? {
                ...n,
                voidedAt: event.meta.at,
                voidedBy: principalOf(event.meta),
                voidReason: '签发已撤回',
              }
            : n,
        ),
      })),
      voidDocNumber: assign(({ context, event }) => ({
        docNumbers: context.docNumbers.map((n) =>
          n.voidedAt === null
            ? {
                ...n,
                voidedAt: event.meta.at,
                voidedBy: principalOf(event.meta),
                voidReason: str(event, 'reason'),
              }
            : n,
        ),
      })),
      takeDocNumber: assign(({ context, event }) => {
        const serial = event.meta.serial;
        if (!serial) return {};
        const { issuerCode, year } = parseDocNumberScope(serial.scope);
        return {
          docNumbers: [
            ...context.docNumbers,
            {
              docNumber: formatDocNumber(serial),
              issuerCode,
              year,
              serial: serial.value,
              scope: serial.scope,
              allocatedAt: event.meta.at,
              allocatedBy: principalOf(event.meta),
              event: event.type,
              voidedAt: null,
              voidedBy: null,
              voidReason: null,
            },
          ],
        };
      }),
      finalize: assign(({ context, event }) => {
        if (event.type !== 'FINALIZE') return {};
        const versions =
          event.mode === 'manual'
            ? withBody(context, event, 'finalize', 'final')
            : context.versions;
        return {
          versions,
          withdrawable: null,
          finalized: {
            by: principalOf(event.meta),
            actorId: event.meta.actorId,
            at: event.meta.at,
            mode: event.mode,
            version: event.mode === 'manual' ? latestVersion({ versions }) : context.signedVersion!,
          },
        };
      }),
      recordSeal: assign(({ event }) => {
        if (event.type !== 'SEAL') return {};
        const { type: _t, meta, ...seal } = event;
        return { seal: { ...seal, by: principalOf(meta), recordedAt: meta.at } };
      }),
      distribute: assign(({ context, event }) => {
        if (event.type !== 'DISTRIBUTE') return {};
        const who = principalOf(event.meta);
        const byKey = new Map(event.deliveries.map((d) => [d.recipient, d]));
        return {
          distributedAt: event.meta.at,
          distributedBy: who,
          recipients: context.recipients.map((r): RecipientState => {
            const d = byKey.get(r.key)!;
            const platform = 'unitId' in r.recipient;
            return {
              ...r,
              delivery: {
                method: d.method,
                incomingCaseId: d.incomingCaseId ?? null,
                registeredBy: d.registeredBy ?? null,
                at: event.meta.at,
                by: who,
              },
              // a platform unit's 收文 case is registered in the same step: that is its 回执
              receipt: platform
                ? {
                    receivedBy: d.registeredBy ?? '',
                    receivedAt: event.meta.at,
                    recordedBy: who,
                    platform: true,
                    note: d.incomingCaseId ? `收文办件 ${d.incomingCaseId}` : null,
                  }
                : null,
            };
          }),
        };
      }),
      recordReceipt: assign(({ context, event }) => {
        if (event.type !== 'RECORD_RECEIPT') return {};
        return {
          recipients: context.recipients.map((r) =>
            r.key === event.recipient && r.receipt === null
              ? {
                  ...r,
                  receipt: {
                    receivedBy: event.receivedBy,
                    receivedAt: event.receivedAt
                      ? new Date(event.receivedAt).toISOString()
                      : event.meta.at,
                    recordedBy: principalOf(event.meta),
                    platform: false,
                    note: event.note ?? null,
                  },
                }
              : r,
          ),
        };
      }),
      recordReminder: assign(({ context, event }) => ({
        reminders: [
          ...context.reminders,
          {
            at: event.meta.at,
            by: event.type === 'RECEIPT_REMIND' ? TIMER_ACTOR : principalOf(event.meta),
            note: event.type === 'REMIND_RECEIPTS' ? (event.note ?? null) : null,
          },
        ],
      })),
      notifyReminder: emit(({ context }) => ({
        type: 'notify' as const,
        to: context.distributedBy ? [context.distributedBy] : [],
        title: `催收回执：${context.header.title}`,
        body: `${currentDocNumber(context)?.docNumber ?? ''}《${context.header.title}》尚缺回执：${pending(
          context,
        )
          .map((r) => ('name' in r.recipient ? r.recipient.name : r.recipient.unitId))
          .join('、')}`,
        channel: 'inApp' as const,
      })),
      scheduleFirstRemind: enqueueActions(({ event, enqueue }) => {
        enqueue.raise({ type: 'RECEIPT_REMIND' } as OutgoingEvent, {
          id: RECEIPT_REMIND_ID,
          delay: delayOf(event.meta.at, firstRemindDays),
        });
      }),
      scheduleNextRemind: enqueueActions(({ event, enqueue }) => {
        enqueue.raise({ type: 'RECEIPT_REMIND' } as OutgoingEvent, {
          id: RECEIPT_REMIND_ID,
          delay: delayOf(event.meta.at, intervalDays),
        });
      }),
      markCompleted: assign(({ event }) => ({ completedAt: event.meta.at })),
      archive: assign(({ event }) => ({
        archivedAt: event.meta.at,
        archivedBy: principalOf(event.meta),
        archiveCode: event.type === 'ARCHIVE' ? (event.archiveCode ?? null) : null,
      })),
    },
  }).createMachine({
    id: 'outgoing',
    context: ({ input }) => {
      const { meta, body, importedFrom, ...header } = input;
      const attachments = importedFrom
        ? [...header.attachments, { ...importedFrom, role: 'original' as const }]
        : header.attachments;
      const ctx: OutgoingContext = {
        header: { ...header, attachments },
        drafter: meta.actorId,
        draftedAt: meta.at,
        round: 0,
        versions: [],
        checker: null,
        check: null,
        countersignPlan: null,
        countersignRound: 0,
        countersign: [],
        countersignHistory: [],
        mustCountersign: false,
        signer: null,
        rechecker: null,
        recheck: null,
        signing: null,
        signedVersion: null,
        returned: null,
        rejected: null,
        cancelled: null,
        withdrawable: null,
        docNumbers: [],
        finalized: null,
        seal: null,
        recipients: recipientsOf(header).map((r) => ({ ...r, delivery: null, receipt: null })),
        distributedAt: null,
        distributedBy: null,
        reminders: [],
        completedAt: null,
        archivedAt: null,
        archivedBy: null,
        archiveCode: null,
      };
      ctx.versions = [
        newVersion(
          ctx,
          body,
          meta,
          'draft',
          'draft',
          importedFrom ? `导入自 ${importedFrom.name}` : null,
        ),
      ];
      return ctx;
    },
    initial: 'drafting',
    states: {
      /** 拟稿 (also after 退回 to the drafter before 核稿). */
      drafting: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'draft' } } },
          SUBMIT: { guard: 'viaTask', target: 'checking', actions: 'submit' },
          CANCEL: { guard: 'viaTask', target: 'cancelled', actions: 'cancelDraft' },
        },
      },
      /** 核稿. */
      checking: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'check' } } },
          CHECK: [
            {
              guard: and(['viaTask', 'hasCountersign']),
              target: 'countersigning',
              actions: ['check', 'startCountersign'],
            },
            { guard: 'viaTask', target: 'rechecking', actions: 'check' },
          ],
          RETURN: {
            guard: 'viaTask',
            target: 'drafting',
            actions: { type: 'returnToDrafter', params: { fromStep: '核稿' } },
          },
          WITHDRAW: {
            guard: 'canWithdrawSubmit',
            target: 'drafting',
            actions: 'clearWithdrawable',
          },
        },
      },
      /** 会签. */
      countersigning: {
        always: { guard: 'allCountersigned', target: 'consolidating', actions: 'closeCountersign' },
        on: {
          ASSIGN_MEMBER: { guard: 'canAssignMember', actions: 'assignMember' },
          COUNTERSIGN: { guard: 'canCountersign', actions: 'countersign' },
          WITHDRAW: [
            { guard: 'canWithdrawCheck', target: 'checking', actions: 'withdrawCheck' },
            { guard: 'canWithdrawInDepartment', actions: 'withdrawInDepartment' },
          ],
        },
      },
      /** 返还: the drafter consolidates the opinions into a new version. */
      consolidating: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'consolidate' } } },
          COUNTERSIGN_AGAIN: {
            guard: and(['viaTask', 'hasCountersignPlan']),
            target: 'countersigning',
            actions: 'countersignAgain',
          },
          SEND_TO_RECHECK: {
            guard: and(['viaTask', 'mayGoToRecheck']),
            target: 'rechecking',
            actions: 'sendToRecheck',
          },
        },
      },
      /** 复核. */
      rechecking: {
        on: {
          RECHECK: { guard: 'viaTask', target: 'signing', actions: 'recheck' },
          RETURN: {
            guard: 'viaTask',
            target: 'consolidating',
            actions: { type: 'returnToDrafter', params: { fromStep: '复核' } },
          },
          WITHDRAW: [
            {
              guard: 'canWithdrawRecheckSubmit',
              target: 'consolidating',
              actions: 'clearWithdrawable',
            },
            { guard: 'canWithdrawCheck', target: 'checking', actions: 'withdrawCheck' },
          ],
        },
      },
      /** 签发. */
      signing: {
        on: {
          SIGN: { guard: 'viaTask', target: 'finalizing', actions: ['sign', 'takeDocNumber'] },
          REJECT: { guard: 'viaTask', target: 'rejected', actions: 'reject' },
          RETURN_FOR_REVISION: {
            guard: 'viaTask',
            target: 'consolidating',
            actions: ['reviseBySigner', { type: 'returnToDrafter', params: { fromStep: '签发' } }],
          },
          WITHDRAW: {
            guard: 'canWithdrawRecheck',
            target: 'rechecking',
            actions: 'withdrawRecheck',
          },
        },
      },
      /** 成文/清稿. */
      finalizing: {
        on: {
          FINALIZE: { guard: 'viaTask', target: 'sealing', actions: ['finalize', 'takeDocNumber'] },
          VOID_DOC_NUMBER: { guard: 'hasDocNumber', actions: ['voidDocNumber', 'takeDocNumber'] },
          WITHDRAW: { guard: 'canWithdrawSign', target: 'signing', actions: 'withdrawSign' },
        },
      },
      /** 盖章: the seal service sends SEAL. */
      sealing: {
        on: {
          SEAL: {
            guard: and(['viaTask', 'sealMatches']),
            target: 'dispatching',
            actions: 'recordSeal',
          },
          VOID_DOC_NUMBER: { guard: 'hasDocNumber', actions: ['voidDocNumber', 'takeDocNumber'] },
        },
      },
      /** 分发: the distribution service sends DISTRIBUTE. */
      dispatching: {
        on: {
          DISTRIBUTE: {
            guard: and(['viaTask', 'coversRecipients']),
            target: 'collecting',
            actions: 'distribute',
          },
        },
      },
      /** 回执 collection, with automatic reminders on working days. */
      collecting: {
        entry: 'scheduleFirstRemind',
        exit: cancel(RECEIPT_REMIND_ID),
        always: { guard: 'allReceived', target: 'distributed', actions: 'markCompleted' },
        on: {
          RECORD_RECEIPT: { guard: and(['viaTask', 'receiptPending']), actions: 'recordReceipt' },
          RECEIPT_REMIND: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextRemind'] },
          REMIND_RECEIPTS: { actions: ['recordReminder', 'notifyReminder'] },
        },
      },
      /** All 回执 in: the secretariat archives. */
      distributed: {
        on: { ARCHIVE: { guard: 'viaTask', target: 'archived', actions: 'archive' } },
      },
      /** 已归档: read-only. */
      archived: { type: 'final' },
      /** 不予签发: the flow ended; the reason is kept. */
      rejected: { type: 'final' },
      /** 拟稿作废. */
      cancelled: { type: 'final' },
    },
  });
}

/** The 发文 machine type. */
export type OutgoingMachine = ReturnType<typeof createOutgoingMachine>;
