import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';

/** The 流程台帐 row of a 工作月报 case. */
export interface MonthlyReportLedgerRow {
  title: string;
  month: string;
  departmentId: string;
  author: string;
  /** 拟稿时间 */
  draftedAt: Date;
  /** Every 报送 (the first and each 重新报送), with its 修改说明. */
  submissions: Array<{ at: Date; note: string | null }>;
  /** Every 退回, with its reason. */
  returns: Array<{ by: string; reason: string; at: Date }>;
  registered: { by: string; at: Date } | null;
  archived: { by: string; at: Date } | null;
}

/** Projects a 工作月报 case's ledger into its 流程台帐 row. */
export function projectMonthlyReportLedger(
  caseRecord: Pick<CaseRecord, 'title' | 'fields' | 'startedBy' | 'createdAt'>,
  ledger: readonly LedgerRecord[],
): MonthlyReportLedgerRow {
  const row: MonthlyReportLedgerRow = {
    title: caseRecord.title,
    month: String(caseRecord.fields.month ?? ''),
    departmentId: String(caseRecord.fields.departmentId ?? ''),
    author: caseRecord.startedBy,
    draftedAt: caseRecord.createdAt,
    submissions: [],
    returns: [],
    registered: null,
    archived: null,
  };
  for (const e of ledger) {
    const by = e.onBehalfOf ?? e.actorId;
    if (e.event === 'SUBMIT' || e.event === 'RESUBMIT')
      row.submissions.push({ at: e.at, note: e.opinion });
    else if (e.event === 'RETURN') row.returns.push({ by, reason: e.opinion ?? '', at: e.at });
    else if (e.event === 'REGISTER') row.registered = { by, at: e.at };
    else if (e.event === 'ARCHIVE') row.archived = { by, at: e.at };
  }
  return row;
}
