import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import type { AppDb } from '~/server/db/schema';
import { type AuditHead, type AuditVerification, createChainChecker } from './chain';
import { writeAudit } from './write-audit';

const BATCH = 2000;

/** Reads the chain head. */
export async function readAuditHead(kdb: AppDb): Promise<AuditHead> {
  const h = await kdb
    .selectFrom('app_audit_head')
    .select(['seq', 'hash', 'pruned_seq', 'pruned_hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!h) return { seq: -1, hash: '', prunedSeq: 0, prunedHash: '' };
  return {
    seq: Number(h.seq),
    hash: h.hash,
    prunedSeq: Number(h.pruned_seq),
    prunedHash: h.pruned_hash,
  };
}

/**
 * Checks the whole audit chain (every unit's rows: the chain is one) in sequence order, a batch
 * at a time, in one repeatable-read snapshot so that rows appended meanwhile do not count as
 * tampering. Returns every problem with the sequence number it was found at.
 */
export async function verifyAuditChain(kdb: AppDb): Promise<AuditVerification> {
  return kdb.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(trx);
    const head = await readAuditHead(trx as unknown as AppDb);
    const checker = createChainChecker(head);
    let after: number | null = null;
    let seenId: string | null = null;
    for (;;) {
      let q = trx
        .selectFrom('app_audit_log')
        .select([
          sql<string>`id::text`.as('id'),
          sql<string>`seq::text`.as('seq_text'),
          'unit_id',
          'at',
          'actor_id',
          'action',
          'target',
          'detail',
          'ip',
          'prev_hash',
          'hash',
        ])
        .orderBy('seq')
        .orderBy('id')
        .limit(BATCH);
      if (after !== null) {
        const a = after;
        const lastId = seenId;
        q = q.where((eb) =>
          eb.or([
            eb('seq', '>', sql<string>`${a}`),
            eb.and([eb('seq', '=', sql<string>`${a}`), eb('id', '>', sql<string>`${lastId}`)]),
          ]),
        );
      }
      const rows = await q.execute();
      for (const r of rows) {
        checker.push({
          id: r.id,
          seq: Number(r.seq_text),
          unitId: r.unit_id,
          at: new Date(r.at),
          actorId: r.actor_id,
          action: r.action,
          target: r.target,
          detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<
            string,
            unknown
          >,
          ip: r.ip,
          prevHash: r.prev_hash,
          hash: r.hash,
        });
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      after = Number(last.seq_text);
      seenId = last.id;
    }
    return checker.finish();
  });
}

/** Who asked for a check: an auditor's 验证 button, the daily check, or a script. */
export type VerifyTrigger =
  | { kind: 'manual'; actorId: string; unitId: string; ip: string | null }
  | { kind: 'daily' | 'script' };

/**
 * Checks the chain and writes the outcome into the log itself (`audit.verify`): whether it held,
 * how many rows, the head it reached and the first problems found — so the next check covers
 * this one too, and the head value stays on record.
 */
export async function verifyAndRecord(
  app: AppServices,
  trigger: VerifyTrigger,
): Promise<AuditVerification & { checkedAt: Date }> {
  const result = await verifyAuditChain(db(app));
  const checkedAt = app.clock.now();
  await writeAudit(db(app), {
    unitId: trigger.kind === 'manual' ? trigger.unitId : null,
    at: checkedAt,
    actorId: trigger.kind === 'manual' ? trigger.actorId : null,
    action: 'audit.verify',
    target: result.ok ? 'ok' : 'failed',
    detail: {
      trigger: trigger.kind,
      ok: result.ok,
      rows: result.rows,
      headSeq: result.head.seq,
      headHash: result.head.hash,
      ...(result.head.prunedSeq > 0 && { prunedThrough: result.head.prunedSeq }),
      ...(result.problems.length > 0 && {
        problems: result.problems.slice(0, 20).map((p) => `${p.seq ?? '—'}: ${p.problem}`),
        problemCount: result.problems.length,
      }),
    },
    ip: trigger.kind === 'manual' ? trigger.ip : null,
  });
  return { ...result, checkedAt };
}
