import type { Kysely, Transaction } from 'kysely';
import type { AppDatabase } from '~/server/db/schema';
import { type AuditFacts, auditHash, normaliseDetail } from './chain';

/** Audit actions the intranet writes (stable strings; labels in `~/lib/audit-labels`). */
export type AuditAction =
  | 'auth.signIn'
  | 'auth.signInFailed'
  | 'auth.locked'
  | 'auth.signInRefused'
  | 'admin.user.create'
  | 'admin.user.update'
  | 'admin.user.deactivate'
  | 'admin.user.activate'
  | 'admin.user.resetPassword'
  | 'admin.department.create'
  | 'admin.department.update'
  | 'admin.delegation.create'
  | 'admin.delegation.remove'
  | 'system.firstStart'
  | 'audit.view'
  | 'audit.export'
  | 'audit.verify'
  | 'document.download'
  | 'export.ledger'
  | 'admin.ldap.sync'
  // Other domains add their own, e.g. 'incoming.reassign'.
  | (string & {});

/** One audit row. */
export interface AuditEntry {
  unitId: string | null;
  at: Date;
  actorId: string | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends an audit row to the hash chain; pass the transaction of the change it records. The
 * chain head (`app_audit_head`) is locked FOR UPDATE in that transaction, so concurrent writers
 * queue and every row links to the one before it. Given the database rather than a
 * transaction, it opens its own.
 */
export async function writeAudit(
  db: Kysely<AppDatabase> | Transaction<AppDatabase>,
  entry: AuditEntry,
): Promise<void> {
  if (db.isTransaction) {
    await appendAudit(db, entry);
    return;
  }
  await db.transaction().execute((trx) => appendAudit(trx, entry));
}

async function appendAudit(
  trx: Kysely<AppDatabase> | Transaction<AppDatabase>,
  entry: AuditEntry,
): Promise<void> {
  const head = await trx
    .selectFrom('app_audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const facts: AuditFacts = {
    seq: Number(head.seq) + 1,
    unitId: entry.unitId,
    at: new Date(entry.at),
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    detail: normaliseDetail(entry.detail),
    ip: entry.ip ?? null,
    prevHash: head.hash,
  };
  const hash = auditHash(facts);
  await trx
    .insertInto('app_audit_log')
    .values({
      seq: facts.seq,
      unit_id: facts.unitId,
      at: facts.at,
      actor_id: facts.actorId,
      action: facts.action,
      target: facts.target,
      detail: JSON.stringify(facts.detail),
      ip: facts.ip,
      prev_hash: facts.prevHash,
      hash,
    })
    .execute();
  await trx
    .updateTable('app_audit_head')
    .set({ seq: facts.seq, hash })
    .where('id', '=', 1)
    .execute();
}
