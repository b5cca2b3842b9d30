import type { Kysely, Transaction } from 'kysely';
import type { AppDatabase } from '~/server/db/schema';

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

/** Appends an audit row; pass the transaction of the change it records. */
export async function writeAudit(
  db: Kysely<AppDatabase> | Transaction<AppDatabase>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('app_audit_log')
    .values({
      unit_id: entry.unitId,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
