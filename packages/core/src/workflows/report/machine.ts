import { assign, emit, setup } from 'xstate';
import type { EventMeta } from '../../workflow/definition.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import type { ReportDraft } from './fields.ts';

/** The report itself (the parts the author may revise). */
export interface ReportContent {
  kind: ReportDraft['kind'];
  title: string;
  body: DocumentBody;
  attachments: Array<{ blobId: string; name: string }>;
}

/** One decision of an approver. */
export interface ReportDecision {
  approver: string;
  decision: 'approved' | 'returned' | 'rejected';
  opinion: string | null;
  at: string;
  /** The user who acted (a deputy, or the approver). */
  actorId: string;
  onBehalfOf: string | null;
  round: number;
}

/** The machine context of a 报告审批 case. */
export interface ReportContext {
  report: ReportContent;
  author: string;
  createdAt: string;
  approvers: string[];
  mode: ReportDraft['mode'];
  parallelRule: ReportDraft['parallelRule'];
  /** 0 while drafting; +1 with every 送审. */
  round: number;
  submittedAt: string | null;
  roundStartedAt: string | null;
  /** When each round began (index 0 is round 1). */
  roundStarts: string[];
  /** Approvals that count now (carried over into a new round where the restart allows). */
  approvals: Record<string, ReportDecision>;
  /** When each approver who has it now got it. */
  since: Record<string, string>;
  /** Every decision of every round, in order. */
  decisions: ReportDecision[];
  returned: { by: string; reason: string; at: string } | null;
  outcome: 'approved' | 'rejected' | 'withdrawn' | null;
  finishedAt: string | null;
}

type Meta = { meta: EventMeta };
type Changes = Partial<ReportContent> & {
  approvers?: string[] | undefined;
  mode?: ReportDraft['mode'] | undefined;
  parallelRule?: ReportDraft['parallelRule'] | undefined;
};
/** Events of the 报告审批 machine (payloads as validated by `fields.ts`). */
export type ReportEvent =
  | ({ type: 'SUBMIT'; note?: string | undefined } & Changes & Meta)
  | ({
      type: 'RESUBMIT';
      restartFrom?: string | undefined;
      restartAll?: boolean | undefined;
      note?: string | undefined;
    } & Changes &
      Meta)
  | ({ type: 'APPROVE'; opinion?: string | undefined } & Meta)
  | ({ type: 'RETURN'; reason: string } & Meta)
  | ({ type: 'REJECT'; reason: string } & Meta)
  | ({ type: 'WITHDRAW'; reason?: string | undefined } & Meta);

/** The machine input: the draft plus the engine's meta. */
export type ReportInput = ReportDraft & Meta;

/** The person an event counts for: the principal under delegation, else the actor. */
const principalOf = (meta: EventMeta) => meta.onBehalfOf ?? meta.actorId;

/** The approver list an event leaves in force (SUBMIT and RESUBMIT may change it). */
function approversAfter(ctx: ReportContext, e: ReportEvent): string[] {
  return (e.type === 'SUBMIT' || e.type === 'RESUBMIT') && e.approvers
    ? e.approvers
    : ctx.approvers;
}

/** Approvers who have the report now: the next one in sequence, or every one still to act in parallel. */
export function pendingApprovers(ctx: ReportContext): string[] {
  const left = ctx.approvers.filter((a) => !ctx.approvals[a]);
  return ctx.mode === 'sequence' ? left.slice(0, 1) : left;
}

/** Whether the approvals in force complete the round. */
export function roundApproved(ctx: ReportContext): boolean {
  const n = ctx.approvers.filter((a) => ctx.approvals[a]).length;
  if (ctx.approvers.length === 0) return false;
  if (ctx.mode === 'parallel' && ctx.parallelRule === 'any') return n >= 1;
  return n === ctx.approvers.length;
}

function applyChanges(ctx: ReportContext, e: Changes) {
  const report: ReportContent = {
    kind: e.kind ?? ctx.report.kind,
    title: e.title ?? ctx.report.title,
    body: e.body ?? ctx.report.body,
    attachments: e.attachments ?? ctx.report.attachments,
  };
  return {
    report,
    approvers: e.approvers ?? ctx.approvers,
    mode: e.mode ?? ctx.mode,
    parallelRule: e.parallelRule ?? ctx.parallelRule,
  };
}

/** Since-times of the approvers who have it now, keeping those who already had it. */
function sinceOf(ctx: ReportContext, at: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of pendingApprovers(ctx)) out[a] = ctx.since[a] ?? at;
  return out;
}

function decision(
  e: { meta: EventMeta },
  ctx: ReportContext,
  kind: ReportDecision['decision'],
  opinion: string | null,
): ReportDecision {
  return {
    approver: principalOf(e.meta),
    decision: kind,
    opinion,
    at: e.meta.at,
    actorId: e.meta.actorId,
    onBehalfOf: e.meta.onBehalfOf,
    round: ctx.round,
  };
}

/** Builds the 报告审批 machine. Pure: times come from `meta.at`. */
export function createReportMachine() {
  return setup({
    types: {} as {
      context: ReportContext;
      events: ReportEvent;
      input: ReportInput;
      emitted: {
        type: 'notify';
        to: string[];
        title: string;
        body: string;
        channel: 'inApp' | 'sms' | 'mail';
      };
    },
    guards: {
      isAuthor: ({ context, event }) => principalOf(event.meta) === context.author,
      canSubmit: ({ context, event }) => {
        const approvers = approversAfter(context, event);
        return (
          principalOf(event.meta) === context.author &&
          approvers.length > 0 &&
          !approvers.includes(context.author)
        );
      },
      isPendingApprover: ({ context, event }) =>
        pendingApprovers(context).includes(principalOf(event.meta)),
      roundApproved: ({ context }) => roundApproved(context),
    },
    actions: {
      submit: assign(({ context, event }) => {
        if (event.type !== 'SUBMIT') return {};
        const next = { ...context, ...applyChanges(context, event), approvals: {}, since: {} };
        const round = context.round + 1;
        return {
          ...applyChanges(context, event),
          round,
          submittedAt: event.meta.at,
          roundStartedAt: event.meta.at,
          roundStarts: [...context.roundStarts, event.meta.at],
          approvals: {},
          since: sinceOf({ ...next, round }, event.meta.at),
        };
      }),
      resubmit: assign(({ context, event }) => {
        if (event.type !== 'RESUBMIT') return {};
        const changed = applyChanges(context, event);
        const reshaped =
          event.restartAll === true ||
          changed.mode !== context.mode ||
          changed.parallelRule !== context.parallelRule ||
          changed.approvers.join('\n') !== context.approvers.join('\n');
        let approvals: Record<string, ReportDecision> = {};
        if (!reshaped) {
          const from = event.restartFrom ?? context.returned?.by ?? changed.approvers[0]!;
          const idx = changed.approvers.indexOf(from);
          for (const [a, d] of Object.entries(context.approvals)) {
            const keep =
              changed.mode === 'sequence'
                ? idx >= 0 && changed.approvers.indexOf(a) < idx
                : a !== from;
            if (keep) approvals[a] = d;
          }
        } else approvals = {};
        const round = context.round + 1;
        const next = { ...context, ...changed, approvals, since: {}, round };
        return {
          ...changed,
          round,
          roundStartedAt: event.meta.at,
          roundStarts: [...context.roundStarts, event.meta.at],
          approvals,
          returned: null,
          since: sinceOf(next, event.meta.at),
        };
      }),
      approve: assign(({ context, event }) => {
        if (event.type !== 'APPROVE') return {};
        const d = decision(event, context, 'approved', event.opinion ?? null);
        const approvals = { ...context.approvals, [d.approver]: d };
        const { [d.approver]: _done, ...rest } = context.since;
        const next = { ...context, approvals, since: rest };
        return { approvals, decisions: [...context.decisions, d], since: sinceOf(next, d.at) };
      }),
      recordReturn: assign(({ context, event }) => {
        if (event.type !== 'RETURN') return {};
        const d = decision(event, context, 'returned', event.reason);
        return {
          decisions: [...context.decisions, d],
          returned: { by: d.approver, reason: event.reason, at: d.at },
          since: {},
        };
      }),
      recordReject: assign(({ context, event }) => {
        if (event.type !== 'REJECT') return {};
        const d = decision(event, context, 'rejected', event.reason);
        return {
          decisions: [...context.decisions, d],
          since: {},
          outcome: 'rejected' as const,
          finishedAt: d.at,
        };
      }),
      markApproved: assign(({ event }) => ({
        outcome: 'approved' as const,
        finishedAt: event.meta.at,
        since: {},
      })),
      markWithdrawn: assign(({ event }) => ({
        outcome: 'withdrawn' as const,
        finishedAt: event.meta.at,
        since: {},
      })),
      notifyAuthor: emit(({ context, event }) => ({
        type: 'notify' as const,
        to: [context.author],
        title:
          event.type === 'RETURN'
            ? `报告被退回：${context.report.title}`
            : event.type === 'REJECT'
              ? `报告未获同意：${context.report.title}`
              : `报告已审批通过：${context.report.title}`,
        body:
          event.type === 'RETURN' || event.type === 'REJECT'
            ? event.reason
            : `《${context.report.title}》已获审批同意。`,
        channel: 'inApp' as const,
      })),
    },
  }).createMachine({
    id: 'report',
    context: ({ input }) => {
      const { meta, approvers, mode, parallelRule, ...report } = input;
      return {
        report,
        author: meta.actorId,
        createdAt: meta.at,
        approvers,
        mode,
        parallelRule,
        round: 0,
        submittedAt: null,
        roundStartedAt: null,
        roundStarts: [],
        approvals: {},
        since: {},
        decisions: [],
        returned: null,
        outcome: null,
        finishedAt: null,
      };
    },
    initial: 'drafting',
    states: {
      /** 拟稿: the author edits and chooses approvers. */
      drafting: {
        on: {
          SUBMIT: { guard: 'canSubmit', target: 'approving', actions: 'submit' },
          WITHDRAW: { guard: 'isAuthor', target: 'withdrawn', actions: 'markWithdrawn' },
        },
      },
      /** 审批中: the approvers decide, one after another or all at once. */
      approving: {
        always: {
          guard: 'roundApproved',
          target: 'approved',
          actions: ['markApproved', 'notifyAuthor'],
        },
        on: {
          APPROVE: { guard: 'isPendingApprover', actions: 'approve' },
          RETURN: {
            guard: 'isPendingApprover',
            target: 'revising',
            actions: ['recordReturn', 'notifyAuthor'],
          },
          REJECT: {
            guard: 'isPendingApprover',
            target: 'rejected',
            actions: ['recordReject', 'notifyAuthor'],
          },
          WITHDRAW: { guard: 'isAuthor', target: 'withdrawn', actions: 'markWithdrawn' },
        },
      },
      /** 退回修改: the author revises and sends it again. */
      revising: {
        on: {
          RESUBMIT: { guard: 'canSubmit', target: 'approving', actions: 'resubmit' },
          WITHDRAW: { guard: 'isAuthor', target: 'withdrawn', actions: 'markWithdrawn' },
        },
      },
      /** 审批通过 */
      approved: { type: 'final' },
      /** 不同意 */
      rejected: { type: 'final' },
      /** 已撤回 */
      withdrawn: { type: 'final' },
    },
  });
}

/** The 报告审批 machine type. */
export type ReportMachine = ReturnType<typeof createReportMachine>;
