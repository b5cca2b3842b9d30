import { type LedgerVerification, verifyLedgerChain } from '../../ledger/chain.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import type { FlowStatisticsLine } from '../shared/flow-statistics.ts';
import { incomingFlowStatistics } from './flow-statistics.ts';
import { type IncomingLedgerRow, projectIncomingLedger } from './ledger-projection.ts';

/** What 文书档案 receives when a 收文 case is archived: the header and the whole trace. */
export interface IncomingArchiveRecord {
  caseId: string;
  serialNo: string | null;
  title: string;
  /** The registration header and outcome fields of the case. */
  header: Record<string, unknown>;
  /** The 流程台帐 row. */
  row: IncomingLedgerRow;
  /** The 流程统计. */
  flow: FlowStatisticsLine[];
  /** Every ledger entry with its hash, in order. */
  trace: Array<Omit<LedgerRecord, 'entry' | 'unitId' | 'caseId'>>;
  /** The chain head at archiving, to be kept with the archive. */
  ledgerHead: string;
  /** The chain check at the time the record was built. */
  verification: LedgerVerification;
}

/** Builds the archive record of an archived 收文 case; throws if the case is not archived. */
export function buildIncomingArchiveRecord(args: {
  caseRecord: CaseRecord;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
}): IncomingArchiveRecord {
  const { caseRecord, ledger } = args;
  if (caseRecord.state !== 'archived') throw new TypeError('收文尚未归档');
  const row = projectIncomingLedger(caseRecord, ledger);
  return {
    caseId: caseRecord.id,
    serialNo: row.serialNo,
    title: caseRecord.title,
    header: { ...caseRecord.fields },
    row,
    flow: incomingFlowStatistics(args.tasks, row.archivedAt ?? caseRecord.updatedAt),
    trace: ledger.map(({ entry: _e, unitId: _u, caseId: _c, ...rest }) => rest),
    ledgerHead: caseRecord.ledgerHead,
    verification: verifyLedgerChain(caseRecord, [...ledger]),
  };
}
