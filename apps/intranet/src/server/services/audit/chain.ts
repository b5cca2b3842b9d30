import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '@gongwen/core';

// No `server-only`: the migration that chains existing rows and the backup scripts import this.

/** The `prev_hash` of the first audit row (the same genesis value as a case's ledger). */
export const AUDIT_GENESIS_HASH = GENESIS_HASH;

/** The facts of one audit row that its hash covers (everything but the database id). */
export interface AuditFacts {
  seq: number;
  unitId: string | null;
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
}

/** A stored audit row as the checker reads it. */
export interface ChainedAuditRow extends AuditFacts {
  id: string;
  hash: string;
}

/**
 * The canonical text of a row, the way the case ledger canonicalises its entries
 * (`canonicalJson`: sorted keys, no whitespace, dates as ISO strings).
 */
export function auditEntryText(f: AuditFacts): string {
  return canonicalJson({
    seq: f.seq,
    unitId: f.unitId,
    at: f.at.toISOString(),
    actorId: f.actorId,
    action: f.action,
    target: f.target,
    detail: f.detail,
    ip: f.ip,
    prevHash: f.prevHash,
  });
}

/** SHA-256 of the previous hash and the row's canonical text: the link the next row names. */
export function auditHash(f: AuditFacts): string {
  return createHash('sha256')
    .update(`${f.prevHash}\n${auditEntryText(f)}`, 'utf8')
    .digest('hex');
}

/**
 * `detail` as the database will give it back: JSON round trip (dates become strings,
 * `undefined` members disappear), so that the hash computed on write is the one recomputed
 * on read from the jsonb column.
 */
export function normaliseDetail(
  detail: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return JSON.parse(JSON.stringify(detail ?? {})) as Record<string, unknown>;
}

/** One finding of the chain check, located by sequence number (and database id when known). */
export interface AuditProblem {
  seq: number | null;
  id: string | null;
  problem: string;
}

/** The chain head kept in `app_audit_head` (see migration 0005). */
export interface AuditHead {
  seq: number;
  hash: string;
  /** Rows up to this sequence number were removed by the retention rule (0: none). */
  prunedSeq: number;
  /** The hash of the last removed row (the link the first kept row names). */
  prunedHash: string;
}

/** Outcome of checking the audit chain. */
export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  rows: number;
  head: AuditHead;
  problems: AuditProblem[];
  /** True when more problems were found than are listed. */
  truncated: boolean;
}

const MAX_PROBLEMS = 200;

/**
 * Checks rows in sequence order, one at a time (so a large log streams through): contiguous
 * sequence numbers from the retention anchor, each row's link to the previous row's hash, each
 * row's hash over its own columns, and at the end the last row against the head (so removing
 * the newest rows is caught too). Every finding names the sequence number it was found at.
 */
export function createChainChecker(head: AuditHead) {
  const problems: AuditProblem[] = [];
  let truncated = false;
  let expected = head.prunedSeq + 1;
  let prev = head.prunedSeq === 0 ? AUDIT_GENESIS_HASH : head.prunedHash;
  let rows = 0;
  const report = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else truncated = true;
  };
  return {
    push(r: ChainedAuditRow): void {
      rows += 1;
      let gap = false;
      if (r.seq > expected) {
        gap = true;
        report({
          seq: expected,
          id: null,
          problem:
            r.seq - expected === 1
              ? `第 ${expected} 条记录缺失（已被删除）`
              : `第 ${expected}–${r.seq - 1} 条记录缺失（已被删除）`,
        });
      } else if (r.seq < expected) {
        report({ seq: r.seq, id: r.id, problem: `序号 ${r.seq} 重复或顺序被改动` });
      }
      if (!gap && r.prevHash !== prev) {
        report({
          seq: r.seq,
          id: r.id,
          problem: '与前一条记录的链接不符（前一条被修改、删除或顺序被调换）',
        });
      }
      if (auditHash(r) !== r.hash) {
        report({ seq: r.seq, id: r.id, problem: '记录内容与哈希不符（已被修改）' });
      }
      prev = r.hash;
      expected = Math.max(expected, r.seq + 1);
    },
    finish(): AuditVerification {
      const last = expected - 1;
      if (last !== head.seq || prev !== head.hash) {
        report({
          seq: last < head.seq ? last + 1 : head.seq,
          id: null,
          problem:
            last < head.seq
              ? `第 ${last + 1}–${head.seq} 条记录缺失（末尾记录被删除）`
              : '末尾记录与链头不符（记录被追加或链头被改动）',
        });
      }
      return { ok: problems.length === 0, rows, head, problems, truncated };
    },
  };
}
