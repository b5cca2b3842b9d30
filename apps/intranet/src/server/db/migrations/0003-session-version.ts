import { type Kysely, sql } from 'kysely';

/**
 * A session version per account. Every session (next-auth JWT) carries the version it was
 * issued under; signing out, a password reset, deactivation or a role change bumps it, and
 * every request compares — so copies of older sessions stop working at once instead of at
 * their 8-hour expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_accounts ADD COLUMN session_version integer NOT NULL DEFAULT 1`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_accounts DROP COLUMN session_version`.execute(db);
}
