import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';

/** The 信访 流程台帐 row of a case: one line per step, in Chinese. */
export interface PetitionLedgerRow {
  serialNo: string | null;
  title: string;
  /** 登记 */
  registeredAt: Date;
  registeredBy: string;
  /** 受理／不予受理／转送 with when and by whom */
  decision: {
    kind: '受理' | '不予受理' | '转送';
    at: Date;
    by: string;
    note: string | null;
  } | null;
  /** 交办 */
  assigned: { departmentId: string; at: Date; by: string; disclosePetitioner: boolean } | null;
  /** 延期 requests and decisions */
  extensions: Array<{
    requestedAt: Date;
    days: number;
    approved: boolean | null;
    decidedAt: Date | null;
  }>;
  /** 答复 (approved and sent) */
  answeredAt: Date | null;
  deliveredOn: string | null;
  satisfaction: string | null;
  review: { requestedAt: Date; outcome: string | null; decidedAt: Date | null } | null;
  recheck: { requestedAt: Date; outcome: string | null; decidedAt: Date | null } | null;
  /** 催办/督办: manual and automatic */
  reminders: Array<{ at: Date; by: string; automatic: boolean }>;
  concludedAt: Date | null;
  archivedAt: Date | null;
}

const DECISION = { ACCEPT: '受理', DECLINE: '不予受理', TRANSFER: '转送' } as const;

/** Projects a 信访 case's ledger into its 流程台帐 row. */
export function projectPetitionLedger(
  caseRecord: Pick<CaseRecord, 'title' | 'fields' | 'startedBy' | 'createdAt'>,
  ledger: readonly LedgerRecord[],
): PetitionLedgerRow {
  const row: PetitionLedgerRow = {
    serialNo: typeof caseRecord.fields.serialNo === 'string' ? caseRecord.fields.serialNo : null,
    title: caseRecord.title,
    registeredAt: caseRecord.createdAt,
    registeredBy: caseRecord.startedBy,
    decision: null,
    assigned: null,
    extensions: [],
    answeredAt: null,
    deliveredOn: null,
    satisfaction: null,
    review: null,
    recheck: null,
    reminders: [],
    concludedAt: null,
    archivedAt: null,
  };
  for (const e of ledger) {
    const by = e.onBehalfOf ?? e.actorId;
    const f = e.fields;
    if (e.event in DECISION)
      row.decision = {
        kind: DECISION[e.event as keyof typeof DECISION],
        at: e.at,
        by,
        note: e.opinion,
      };
    else if (e.event === 'ASSIGN')
      row.assigned = {
        departmentId: String(f.departmentId),
        at: e.at,
        by,
        disclosePetitioner: f.disclosePetitioner === true,
      };
    else if (e.event === 'REQUEST_EXTENSION')
      row.extensions.push({
        requestedAt: e.at,
        days: Number(f.days),
        approved: null,
        decidedAt: null,
      });
    else if (e.event === 'APPROVE_EXTENSION' || e.event === 'DENY_EXTENSION') {
      const last = row.extensions.at(-1);
      if (last) {
        last.approved = e.event === 'APPROVE_EXTENSION';
        last.decidedAt = e.at;
      }
    } else if (e.event === 'APPROVE_REPLY') {
      row.answeredAt = e.at;
      row.deliveredOn = typeof f.deliveredOn === 'string' ? f.deliveredOn : null;
    } else if (e.event === 'RECORD_SATISFACTION') row.satisfaction = String(f.rating);
    else if (e.event === 'REQUEST_REVIEW')
      row.review = { requestedAt: e.at, outcome: null, decidedAt: null };
    else if (e.event === 'GIVE_REVIEW_OPINION' && row.review) {
      row.review.outcome = String(f.outcome);
      row.review.decidedAt = e.at;
    } else if (e.event === 'REQUEST_RECHECK')
      row.recheck = { requestedAt: e.at, outcome: null, decidedAt: null };
    else if (e.event === 'GIVE_RECHECK_OPINION' && row.recheck) {
      row.recheck.outcome = String(f.outcome);
      row.recheck.decidedAt = e.at;
    } else if (e.event === 'REMIND' || e.event === 'DEADLINE_PASSED' || e.event === 'DEADLINE_NEAR')
      row.reminders.push({ at: e.at, by, automatic: e.event !== 'REMIND' });
    else if (e.event === 'ARCHIVE') row.archivedAt = e.at;
    if (e.toState === 'concluded' && e.fromState !== 'concluded') row.concludedAt = e.at;
  }
  return row;
}
