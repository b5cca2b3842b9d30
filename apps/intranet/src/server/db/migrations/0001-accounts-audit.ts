import { type Kysely, sql } from 'kysely';

/** Accounts (sign-in), the audit log and in-app notifications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_accounts (
      user_id text PRIMARY KEY REFERENCES users(id),
      username text NOT NULL,
      password_hash text,
      failed_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX app_accounts_username ON app_accounts (lower(username));

    CREATE TABLE app_audit_log (
      id bigserial PRIMARY KEY,
      unit_id text,
      at timestamptz NOT NULL,
      actor_id text,
      action text NOT NULL,
      target text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      ip text
    );
    CREATE INDEX app_audit_log_unit_at ON app_audit_log (unit_id, at DESC);
    CREATE INDEX app_audit_log_action ON app_audit_log (action, at DESC);

    CREATE TABLE app_notifications (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      user_id text NOT NULL,
      case_id text,
      channel text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX app_notifications_user ON app_notifications (user_id, created_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE app_notifications; DROP TABLE app_audit_log; DROP TABLE app_accounts;`.execute(
    db,
  );
}
