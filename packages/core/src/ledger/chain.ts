import type { CaseRecord, LedgerRecord } from '../ports/store.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { sha256Hex } from '../util/hash.ts';

/** The `prevHash` of a case's first ledger entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The facts one ledger entry records. */
export type LedgerEntryInput = Omit<LedgerRecord, 'entry' | 'hash'>;

/** Builds a ledger row: canonical JSON of every fact (prevHash included) and its SHA-256 link. */
export function buildLedgerRecord(input: LedgerEntryInput): LedgerRecord {
  const entry = canonicalJson(entryObject(input));
  return { ...input, entry, hash: linkHash(input.prevHash, entry) };
}

function entryObject(r: LedgerEntryInput) {
  return {
    caseId: r.caseId,
    seq: r.seq,
    unitId: r.unitId,
    at: r.at.toISOString(),
    actorId: r.actorId,
    onBehalfOf: r.onBehalfOf,
    event: r.event,
    fromState: r.fromState,
    toState: r.toState,
    opinion: r.opinion,
    fields: r.fields,
    prevHash: r.prevHash,
  };
}

function linkHash(prevHash: string, entry: string): string {
  return sha256Hex(`${prevHash}\n${entry}`);
}

/** One finding of `verifyLedgerChain`. */
export interface LedgerProblem {
  seq: number | null;
  problem: string;
}

/** Outcome of checking a case's ledger. */
export interface LedgerVerification {
  ok: boolean;
  entries: number;
  problems: LedgerProblem[];
}

/**
 * Checks a case's ledger: contiguous sequence from 1, each entry's hash over its
 * stored canonical text, each link to the previous hash, the queryable columns equal
 * to the hashed text, and the chain head equal to the one kept on the case row
 * (so that removing the newest entries is caught too).
 */
export function verifyLedgerChain(
  caseRecord: Pick<CaseRecord, 'id' | 'ledgerSeq' | 'ledgerHead'>,
  records: readonly LedgerRecord[],
): LedgerVerification {
  const problems: LedgerProblem[] = [];
  let prev = GENESIS_HASH;
  records.forEach((r, i) => {
    const expectedSeq = i + 1;
    if (r.seq !== expectedSeq) {
      problems.push({ seq: r.seq, problem: `第 ${expectedSeq} 条记录缺失或顺序被改动` });
    }
    if (r.prevHash !== prev) problems.push({ seq: r.seq, problem: '与前一条记录的链接不符' });
    if (linkHash(r.prevHash, r.entry) !== r.hash) {
      problems.push({ seq: r.seq, problem: '记录内容与哈希不符（已被修改）' });
    }
    const fromColumns = canonicalJson(entryObject(r));
    if (fromColumns !== r.entry) {
      problems.push({ seq: r.seq, problem: '记录字段与已签名内容不一致（已被修改）' });
    }
    if (r.caseId !== caseRecord.id) problems.push({ seq: r.seq, problem: '记录不属于该办件' });
    prev = r.hash;
  });
  if (records.length !== caseRecord.ledgerSeq || prev !== caseRecord.ledgerHead) {
    problems.push({ seq: null, problem: '台帐末尾与办件记录的链头不符（有记录被删除或追加）' });
  }
  return { ok: problems.length === 0, entries: records.length, problems };
}
