import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { writeAudit } from '~/server/services/audit/write-audit';
import { verifyNothing, verifyPassword } from './password-hash';

/** Failed attempts that lock an account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;

/** Messages shown on the sign-in page. */
export const SIGN_IN_MESSAGES = {
  invalid: '用户名或密码错误',
  locked: `账号已锁定，请 ${LOCKOUT.minutes} 分钟后再试`,
  inactive: '账号已停用，请联系系统管理员',
  noAccount: '该用户未开通本系统账号，请联系系统管理员',
} as const;

/** Outcome of a sign-in attempt. */
export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: keyof typeof SIGN_IN_MESSAGES; message: string };

const refuse = (reason: keyof typeof SIGN_IN_MESSAGES): SignInResult => ({
  ok: false,
  reason,
  message: SIGN_IN_MESSAGES[reason],
});

/**
 * Checks a username and password against `app_accounts`. Five wrong passwords in a row lock
 * the account for 15 minutes; a locked or deactivated account is refused even with the right
 * password. Every attempt is audited; the counters and the audit row commit together.
 */
export async function signInWithPassword(
  app: AppServices,
  input: { username: string; password: string; ip?: string | null },
): Promise<SignInResult> {
  const username = input.username.trim();
  const ip = input.ip ?? null;
  const kdb = db(app);
  const account = await kdb
    .selectFrom('app_accounts')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  const now = app.clock.now();

  if (!account || account.password_hash === null) {
    await verifyNothing(input.password);
    await writeAudit(kdb, {
      unitId: null,
      at: now,
      actorId: account?.user_id ?? null,
      action: 'auth.signInFailed',
      target: username.slice(0, 100),
      detail: { reason: account ? 'noPassword' : 'unknownUser' },
      ip,
    });
    return refuse('invalid');
  }

  const user = await app.directory.getUser(account.user_id);
  const unitId = user?.unitId ?? null;
  if (account.locked_until && account.locked_until > now) {
    await writeAudit(kdb, {
      unitId,
      at: now,
      actorId: account.user_id,
      action: 'auth.signInRefused',
      target: account.username,
      detail: { reason: 'locked', lockedUntil: account.locked_until.toISOString() },
      ip,
    });
    return refuse('locked');
  }

  // Verify outside the transaction: argon2 takes a while and PGlite has one connection.
  const good = await verifyPassword(account.password_hash, input.password);

  return kdb.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('app_accounts')
      .select(['failed_count', 'locked_until'])
      .where('user_id', '=', account.user_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.locked_until && row.locked_until > now) {
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: account.user_id,
        action: 'auth.signInRefused',
        target: account.username,
        detail: { reason: 'locked' },
        ip,
      });
      return refuse('locked');
    }
    if (!good) {
      const failed = row.failed_count + 1;
      const lock = failed >= LOCKOUT.attempts;
      const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : null;
      await trx
        .updateTable('app_accounts')
        .set({ failed_count: lock ? 0 : failed, locked_until: lockedUntil })
        .where('user_id', '=', account.user_id)
        .execute();
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: account.user_id,
        action: lock ? 'auth.locked' : 'auth.signInFailed',
        target: account.username,
        detail: lock
          ? {
              reason: 'badPassword',
              failedAttempts: failed,
              lockedUntil: lockedUntil?.toISOString(),
            }
          : { reason: 'badPassword', failedAttempts: failed },
        ip,
      });
      return refuse(lock ? 'locked' : 'invalid');
    }
    if (!user?.active) {
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: account.user_id,
        action: 'auth.signInRefused',
        target: account.username,
        detail: { reason: user ? 'inactive' : 'notInDirectory' },
        ip,
      });
      return refuse('inactive');
    }
    await trx
      .updateTable('app_accounts')
      .set({ failed_count: 0, locked_until: null, last_login_at: now })
      .where('user_id', '=', account.user_id)
      .execute();
    await writeAudit(trx, {
      unitId,
      at: now,
      actorId: account.user_id,
      action: 'auth.signIn',
      target: account.username,
      detail: { method: 'password' },
      ip,
    });
    return { ok: true, userId: account.user_id } as const;
  });
}

/**
 * Signs in a person the LDAP server vouched for: the LDAP uid must be the username of an
 * account of an active directory user. Audited like password sign-ins.
 */
export async function signInWithLdapUid(
  app: AppServices,
  input: { uid: string; ip?: string | null },
): Promise<SignInResult> {
  const kdb = db(app);
  const now = app.clock.now();
  const account = await kdb
    .selectFrom('app_accounts')
    .select(['user_id', 'username', 'locked_until'])
    .where(sql`lower(username)`, '=', input.uid.toLowerCase())
    .executeTakeFirst();
  const user = account ? await app.directory.getUser(account.user_id) : null;
  const reason: keyof typeof SIGN_IN_MESSAGES | null = !account
    ? 'noAccount'
    : account.locked_until && account.locked_until > now
      ? 'locked'
      : !user?.active
        ? 'inactive'
        : null;
  return kdb.transaction().execute(async (trx) => {
    if (reason || !account) {
      await writeAudit(trx, {
        unitId: user?.unitId ?? null,
        at: now,
        actorId: account?.user_id ?? null,
        action: 'auth.signInRefused',
        target: input.uid.slice(0, 100),
        detail: { method: 'ldap', reason },
        ip: input.ip ?? null,
      });
      return refuse(reason ?? 'noAccount');
    }
    await trx
      .updateTable('app_accounts')
      .set({ failed_count: 0, last_login_at: now })
      .where('user_id', '=', account.user_id)
      .execute();
    await writeAudit(trx, {
      unitId: user?.unitId ?? null,
      at: now,
      actorId: account.user_id,
      action: 'auth.signIn',
      target: account.username,
      detail: { method: 'ldap' },
      ip: input.ip ?? null,
    });
    return { ok: true, userId: account.user_id } as const;
  });
}
