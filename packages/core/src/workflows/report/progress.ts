import { stateToString } from '../../util/state-value.ts';
import { pendingApprovers, type ReportContext, type ReportDecision } from './machine.ts';
import { REPORT_STATE_LABELS } from './steps.ts';

/** One approver's line in the live progress. */
export interface ReportApproverProgress {
  approverId: string;
  /** 1-based position (the order of acting in sequence). */
  order: number;
  /**
   * approved: their approval counts; pending: it is with them now; waiting: their turn has not
   * come (sequence); returned / rejected: they did so in this round; notNeeded: a parallel
   * "any one" round finished without them.
   */
  state: 'approved' | 'pending' | 'waiting' | 'returned' | 'rejected' | 'notNeeded';
  /** Since when they have it (pending only). */
  since: string | null;
  /** When they decided (approved/returned/rejected). */
  at: string | null;
  opinion: string | null;
  /** Who actually acted (a deputy), and for whom. */
  actorId: string | null;
  onBehalfOf: string | null;
}

/** Live progress of a report for the UI: who has it, since when, who approved and when. */
export interface ReportProgress {
  state: string;
  /** 审批中, 退回修改 … */
  stateLabel: string;
  round: number;
  mode: ReportContext['mode'];
  parallelRule: ReportContext['parallelRule'];
  /** Who has it now (approvers, or the author while drafting or revising) and since when. */
  holders: Array<{ userId: string; since: string | null }>;
  approvers: ReportApproverProgress[];
  returned: ReportContext['returned'];
  submittedAt: string | null;
  outcome: ReportContext['outcome'];
  finishedAt: string | null;
  /** Every decision of every round, oldest first. */
  history: ReportDecision[];
}

type SnapshotLike = { value: unknown; context: unknown };

/** The progress of a report from its case record (`engine.case(id)`) or a machine snapshot. */
export function reportProgress(source: { snapshot: unknown } | SnapshotLike): ReportProgress {
  const snap = ('snapshot' in source ? source.snapshot : source) as SnapshotLike;
  const ctx = snap.context as ReportContext;
  const state = stateToString(snap.value as never);
  const pending = state === 'approving' ? pendingApprovers(ctx) : [];
  const thisRound = ctx.decisions.filter((d) => d.round === ctx.round);
  const approvers = ctx.approvers.map((approverId, i): ReportApproverProgress => {
    const approval = ctx.approvals[approverId];
    const other = [...thisRound]
      .reverse()
      .find((d) => d.approver === approverId && d.decision !== 'approved');
    const decided = approval ?? other ?? null;
    const base = {
      approverId,
      order: i + 1,
      since: null,
      at: decided?.at ?? null,
      opinion: decided?.opinion ?? null,
      actorId: decided?.actorId ?? null,
      onBehalfOf: decided?.onBehalfOf ?? null,
    };
    if (approval) return { ...base, state: 'approved' };
    if (other) return { ...base, state: other.decision === 'returned' ? 'returned' : 'rejected' };
    if (pending.includes(approverId))
      return { ...base, state: 'pending', since: ctx.since[approverId] ?? null };
    if (state === 'approved') return { ...base, state: 'notNeeded' };
    return { ...base, state: 'waiting' };
  });
  const holders =
    state === 'approving'
      ? pending.map((userId) => ({ userId, since: ctx.since[userId] ?? null }))
      : state === 'drafting'
        ? [{ userId: ctx.author, since: ctx.createdAt }]
        : state === 'revising'
          ? [{ userId: ctx.author, since: ctx.returned?.at ?? null }]
          : [];
  return {
    state,
    stateLabel: REPORT_STATE_LABELS[state] ?? state,
    round: ctx.round,
    mode: ctx.mode,
    parallelRule: ctx.parallelRule,
    holders,
    approvers,
    returned: ctx.returned,
    submittedAt: ctx.submittedAt,
    outcome: ctx.outcome,
    finishedAt: ctx.finishedAt,
    history: [...ctx.decisions],
  };
}
