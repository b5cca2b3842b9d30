import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';

/** One 送审 round in the 流程台帐. */
export interface ReportRoundLine {
  round: number;
  submittedAt: Date;
  /** The author's note (修改说明) when sending again. */
  note: string | null;
  decisions: Array<{
    /** The approver the decision counts for. */
    by: string;
    actorId: string;
    onBehalfOf: string | null;
    decision: 'approved' | 'returned' | 'rejected';
    opinion: string | null;
    at: Date;
  }>;
}

/** The 流程台帐 row of a 报告审批 case. */
export interface ReportLedgerRow {
  title: string;
  kind: string;
  author: string;
  /** 拟稿时间 */
  draftedAt: Date;
  rounds: ReportRoundLine[];
  /** 退回次数 */
  returnCount: number;
  outcome: 'approved' | 'rejected' | 'withdrawn' | null;
  finishedAt: Date | null;
}

const DECISIONS = { APPROVE: 'approved', RETURN: 'returned', REJECT: 'rejected' } as const;

/** Projects a 报告审批 case's ledger into its 流程台帐 row. */
export function projectReportLedger(
  caseRecord: Pick<CaseRecord, 'title' | 'fields' | 'startedBy' | 'createdAt'>,
  ledger: readonly LedgerRecord[],
): ReportLedgerRow {
  const rounds: ReportRoundLine[] = [];
  let outcome: ReportLedgerRow['outcome'] = null;
  let finishedAt: Date | null = null;
  for (const e of ledger) {
    if (e.event === 'SUBMIT' || e.event === 'RESUBMIT') {
      rounds.push({
        round: rounds.length + 1,
        submittedAt: e.at,
        note: e.opinion,
        decisions: [],
      });
    } else if (e.event in DECISIONS) {
      rounds.at(-1)?.decisions.push({
        by: e.onBehalfOf ?? e.actorId,
        actorId: e.actorId,
        onBehalfOf: e.onBehalfOf,
        decision: DECISIONS[e.event as keyof typeof DECISIONS],
        opinion: e.opinion,
        at: e.at,
      });
    } else if (e.event === 'WITHDRAW') {
      outcome = 'withdrawn';
      finishedAt = e.at;
    }
    if (e.toState === 'approved' || e.toState === 'rejected') {
      outcome = e.toState;
      finishedAt = e.at;
    }
  }
  return {
    title: caseRecord.title,
    kind: String(caseRecord.fields.kind ?? ''),
    author: caseRecord.startedBy,
    draftedAt: caseRecord.createdAt,
    rounds,
    returnCount: rounds.flatMap((r) => r.decisions).filter((d) => d.decision === 'returned').length,
    outcome,
    finishedAt,
  };
}
