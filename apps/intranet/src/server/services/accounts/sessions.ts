import type { Kysely, Transaction } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import type { AppDatabase } from '~/server/db/schema';
import { auditSignOut } from '~/server/services/audit/audit-access';

/**
 * Session revocation. A session (next-auth JWT, 8 hours) carries the account's
 * `session_version` from when it was issued; every request compares it with the account's
 * current one. Signing out, a password reset, deactivation and a role change bump the version,
 * so every session issued before — on any device, and any copy of its cookie — stops working
 * at once.
 */

type Db = Kysely<AppDatabase> | Transaction<AppDatabase>;

/** What a session claims: whose it is and the version it was issued under. */
export interface SessionClaim {
  userId: string;
  sessionVersion: number;
}

/** The account's current session version, or null when the user has no account. */
export async function currentSessionVersion(
  app: AppServices,
  userId: string,
): Promise<number | null> {
  const row = await db(app)
    .selectFrom('app_accounts')
    .select('session_version')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? row.session_version : null;
}

/**
 * The user id of a session that is still valid, or null: no claim, a claim without a version
 * (issued before versions existed), an account that is gone, or a version that was bumped.
 */
export async function resolveSession(
  app: AppServices,
  claim: { userId: string | null; sessionVersion: unknown } | null,
): Promise<string | null> {
  if (!claim?.userId || typeof claim.sessionVersion !== 'number') return null;
  const current = await currentSessionVersion(app, claim.userId);
  return current !== null && current === claim.sessionVersion ? claim.userId : null;
}

/** Voids every session of `userId` issued so far (inside the caller's transaction). */
export async function revokeSessionsTx(trx: Db, userId: string): Promise<void> {
  await trx
    .updateTable('app_accounts')
    .set((eb) => ({ session_version: eb('session_version', '+', 1) }))
    .where('user_id', '=', userId)
    .execute();
}

/**
 * 退出登录: voids the user's sessions — only when the signing-out session is itself still
 * valid, so an old copied cookie cannot be used to sign the user out of a newer session.
 * Returns whether anything was revoked.
 */
export async function signOutSession(app: AppServices, claim: SessionClaim): Promise<boolean> {
  const r = await db(app)
    .updateTable('app_accounts')
    .set((eb) => ({ session_version: eb('session_version', '+', 1) }))
    .where('user_id', '=', claim.userId)
    .where('session_version', '=', claim.sessionVersion)
    .executeTakeFirst();
  const ended = Number(r.numUpdatedRows) > 0;
  if (ended) await auditSignOut(app, claim.userId);
  return ended;
}
