import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';

/** Who did a step, when, with what opinion (意见). */
export interface OutgoingStepEntry {
  /** The person the step counts for (the principal under delegation). */
  by: string;
  /** The user who actually acted (a deputy, or `by` itself). */
  actorId: string;
  onBehalfOf: string | null;
  opinion: string | null;
  at: Date;
}

/** One 会签 department's line in one round. */
export interface OutgoingCountersignLine {
  round: number;
  departmentId: string;
  /** The member the head assigned, if any. */
  member: string | null;
  memberOpinion: (OutgoingStepEntry & { agree: boolean }) | null;
  /** The department's 会签意见 (head's, or the member's when it went straight on). */
  opinion: (OutgoingStepEntry & { agree: boolean }) | null;
}

/** One 文号 in the case's history. */
export interface OutgoingDocNumberLine {
  docNumber: string;
  allocatedAt: Date;
  allocatedBy: string;
  voidedAt: Date | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** One recipient's 分发 and 回执. */
export interface OutgoingDistributionLine {
  recipient: string;
  method: string;
  distributedAt: Date;
  incomingCaseId: string | null;
  receivedBy: string | null;
  receivedAt: Date | null;
}

/** The 流程台帐 row of a 发文 case, with the seed's columns. */
export interface OutgoingLedgerRow {
  /** 文号 (the valid one) */
  docNumber: string | null;
  /** 标题 */
  title: string;
  /** 拟稿单位 */
  draftingDepartment: string;
  /** 拟稿人 */
  drafter: string;
  /** 拟稿时间 */
  draftedAt: Date;
  /** 核稿 (in force) */
  check: OutgoingStepEntry | null;
  /** 会签 departments, opinions and times, every round */
  countersign: OutgoingCountersignLine[];
  /** 复核 (in force) */
  recheck: OutgoingStepEntry | null;
  /** 签发人/意见/时间 (in force) */
  signing: OutgoingStepEntry | null;
  /** 不予签发 */
  rejected: OutgoingStepEntry | null;
  /** 退回 / 退回修改 on the way (reason as opinion) */
  returns: Array<OutgoingStepEntry & { fromState: string | null }>;
  /** 成文 (清稿) */
  finalized: (OutgoingStepEntry & { mode: string }) | null;
  /** 盖章 */
  seal:
    | (OutgoingStepEntry & { certificateSerial: string; signerName: string; sealedAt: Date })
    | null;
  /** 分发 units and 回执 */
  distribution: OutgoingDistributionLine[];
  /** 文号 history (taken, voided) */
  docNumbers: OutgoingDocNumberLine[];
  /** 催收回执次数 */
  reminderCount: number;
  /** 归档时间 */
  archivedAt: Date | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Projects a 发文 case's ledger into its 流程台帐 row by replaying the entries: withdrawn
 * (撤回) steps disappear (a withdrawn 签发 voids its 文号), returned rounds are replaced by the
 * next, and every time comes from the ledger.
 */
export function projectOutgoingLedger(
  caseRecord: Pick<CaseRecord, 'title' | 'fields'>,
  ledger: readonly LedgerRecord[],
): OutgoingLedgerRow {
  const first = ledger[0];
  if (first?.event !== 'start') throw new TypeError('ledger must begin with start');
  const row: OutgoingLedgerRow = {
    docNumber: null,
    title: str(first.fields.title) ?? caseRecord.title,
    draftingDepartment: str(first.fields.draftingDepartment) ?? '',
    drafter: first.actorId,
    draftedAt: first.at,
    check: null,
    countersign: [],
    recheck: null,
    signing: null,
    rejected: null,
    returns: [],
    finalized: null,
    seal: null,
    distribution: [],
    docNumbers: [],
    reminderCount: 0,
    archivedAt: null,
  };
  let plan: Array<{ departmentId: string; memberOpinionTo: string }> = [];
  let round = 0;
  const lines = new Map<string, OutgoingCountersignLine & { last: 'assign' | 'member' | null }>();
  const voidCurrent = (e: LedgerRecord, reason: string | null) => {
    const cur = row.docNumbers.at(-1);
    if (cur && cur.voidedAt === null) {
      cur.voidedAt = e.at;
      cur.voidedBy = e.onBehalfOf ?? e.actorId;
      cur.voidReason = reason;
    }
  };
  const take = (e: LedgerRecord) => {
    const n = str(e.fields.docNumber);
    if (n)
      row.docNumbers.push({
        docNumber: n,
        allocatedAt: e.at,
        allocatedBy: e.onBehalfOf ?? e.actorId,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      });
  };
  const startRound = () => {
    round++;
    lines.clear();
    for (const d of plan) {
      const line = {
        round,
        departmentId: d.departmentId,
        member: null,
        memberOpinion: null,
        opinion: null,
        last: null,
      };
      lines.set(d.departmentId, line);
    }
  };
  const flushRound = () => {
    for (const { last: _l, ...line } of lines.values()) row.countersign.push(line);
    lines.clear();
  };

  for (const e of ledger.slice(1)) {
    const step: OutgoingStepEntry = {
      by: e.onBehalfOf ?? e.actorId,
      actorId: e.actorId,
      onBehalfOf: e.onBehalfOf,
      opinion: e.opinion,
      at: e.at,
    };
    switch (e.event) {
      case 'EDIT':
        if (typeof e.fields.header === 'object' && e.fields.header !== null) {
          const h = e.fields.header as Record<string, unknown>;
          row.title = str(h.title) ?? row.title;
          row.draftingDepartment = str(h.draftingDepartment) ?? row.draftingDepartment;
        }
        break;
      case 'CHECK': {
        row.check = step;
        const cs = e.fields.countersign as { departments?: typeof plan } | undefined;
        plan = cs?.departments ?? [];
        if (e.toState === 'countersigning') startRound();
        break;
      }
      case 'COUNTERSIGN_AGAIN': {
        const cs = e.fields.countersign as { departments?: typeof plan } | undefined;
        if (cs?.departments) plan = cs.departments;
        startRound();
        break;
      }
      case 'ASSIGN_MEMBER': {
        const line = lines.get(str(e.fields.departmentId) ?? '');
        if (line) Object.assign(line, { member: str(e.fields.memberId), last: 'assign' });
        break;
      }
      case 'COUNTERSIGN': {
        const id = str(e.fields.departmentId) ?? '';
        const line = lines.get(id);
        if (!line) break;
        const entry = { ...step, agree: e.fields.agree !== false };
        const toHead = plan.find((d) => d.departmentId === id)?.memberOpinionTo !== 'next';
        if (line.member !== null && line.member === step.by && line.memberOpinion === null) {
          line.memberOpinion = entry;
          line.last = 'member';
          if (!toHead) line.opinion = entry;
        } else {
          line.opinion = entry;
          line.last = null;
        }
        break;
      }
      case 'RETURN':
        row.returns.push({ ...step, fromState: e.fromState });
        if (e.fromState === 'checking') row.check = null;
        if (e.fromState === 'rechecking') row.recheck = null;
        break;
      case 'RETURN_FOR_REVISION':
        row.returns.push({ ...step, fromState: e.fromState });
        row.recheck = null;
        break;
      case 'WITHDRAW':
        if (e.fromState === 'countersigning' && e.toState === 'countersigning') {
          const line =
            lines.get(str(e.fields.departmentId) ?? '') ??
            [...lines.values()].find(
              (l) => l.last !== null && (l.last === 'assign' ? true : l.member === step.by),
            );
          if (line?.last === 'assign') Object.assign(line, { member: null, last: null });
          else if (line?.last === 'member')
            Object.assign(line, { memberOpinion: null, last: null });
        } else if (e.toState === 'checking') {
          row.check = null;
          lines.clear();
          round = Math.max(0, round - (e.fromState === 'countersigning' ? 1 : 0));
        } else if (e.fromState === 'signing') row.recheck = null;
        else if (e.fromState === 'finalizing') {
          row.signing = null;
          voidCurrent(e, '签发已撤回');
        }
        break;
      case 'RECHECK':
        row.recheck = step;
        break;
      case 'SIGN':
        row.signing = step;
        take(e);
        break;
      case 'REJECT':
        row.rejected = step;
        break;
      case 'FINALIZE':
        row.finalized = { ...step, mode: str(e.fields.mode) ?? 'auto' };
        take(e);
        break;
      case 'VOID_DOC_NUMBER':
        voidCurrent(e, e.opinion);
        take(e);
        break;
      case 'SEAL':
        row.seal = {
          ...step,
          certificateSerial: str(e.fields.certificateSerial) ?? '',
          signerName: str(e.fields.signerName) ?? '',
          sealedAt: new Date(str(e.fields.sealedAt) ?? e.at),
        };
        break;
      case 'DISTRIBUTE':
        for (const d of (e.fields.deliveries as Array<Record<string, unknown>>) ?? []) {
          const platform = str(d.incomingCaseId) !== null;
          row.distribution.push({
            recipient: str(d.recipient) ?? '',
            method: str(d.method) ?? '',
            distributedAt: e.at,
            incomingCaseId: str(d.incomingCaseId),
            receivedBy: platform ? str(d.registeredBy) : null,
            receivedAt: platform ? e.at : null,
          });
        }
        break;
      case 'RECORD_RECEIPT': {
        const line = row.distribution.find((d) => d.recipient === e.fields.recipient);
        if (line) {
          line.receivedBy = str(e.fields.receivedBy);
          line.receivedAt = new Date(str(e.fields.receivedAt) ?? e.at);
        }
        break;
      }
      case 'RECEIPT_REMIND':
      case 'REMIND_RECEIPTS':
        row.reminderCount++;
        break;
      case 'ARCHIVE':
        row.archivedAt = e.at;
        break;
    }
    if (
      e.fromState === 'countersigning' &&
      e.toState !== 'countersigning' &&
      e.toState !== 'checking'
    )
      flushRound();
  }
  flushRound();
  row.docNumber = row.docNumbers.findLast((n) => n.voidedAt === null)?.docNumber ?? null;
  return row;
}
