import { type LedgerVerification, verifyLedgerChain } from '../../ledger/chain.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import type { FlowStatisticsLine } from '../shared/flow-statistics.ts';
import { outgoingContextOf } from './case-context.ts';
import type { DocVersion, OutgoingContext } from './context.ts';
import { outgoingFlowStatistics } from './flow-statistics.ts';
import { type OutgoingLedgerRow, projectOutgoingLedger } from './ledger-projection.ts';

/** What 文书档案 receives when a 发文 case is archived: the header, every version and the whole trace. */
export interface OutgoingArchiveRecord {
  caseId: string;
  docNumber: string | null;
  title: string;
  header: Record<string, unknown>;
  /** The 成文稿. */
  finalVersion: DocVersion | null;
  /** Every version, oldest first. */
  versions: DocVersion[];
  /** The sealed PDF (blob key, certificate serial …). */
  seal: OutgoingContext['seal'];
  row: OutgoingLedgerRow;
  flow: FlowStatisticsLine[];
  trace: Array<Omit<LedgerRecord, 'entry' | 'unitId' | 'caseId'>>;
  ledgerHead: string;
  verification: LedgerVerification;
}

/** Builds the archive record of an archived 发文 case; throws if the case is not archived. */
export function buildOutgoingArchiveRecord(args: {
  caseRecord: CaseRecord;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
}): OutgoingArchiveRecord {
  const { caseRecord, ledger } = args;
  if (caseRecord.state !== 'archived') throw new TypeError('发文尚未归档');
  const ctx = outgoingContextOf(caseRecord);
  const row = projectOutgoingLedger(caseRecord, ledger);
  return {
    caseId: caseRecord.id,
    docNumber: row.docNumber,
    title: caseRecord.title,
    header: { ...caseRecord.fields },
    finalVersion: ctx.versions.find((v) => v.no === ctx.finalized?.version) ?? null,
    versions: ctx.versions,
    seal: ctx.seal,
    row,
    flow: outgoingFlowStatistics(args.tasks, row.archivedAt ?? caseRecord.updatedAt),
    trace: ledger.map(({ entry: _e, unitId: _u, caseId: _c, ...rest }) => rest),
    ledgerHead: caseRecord.ledgerHead,
    verification: verifyLedgerChain(caseRecord, [...ledger]),
  };
}
