import type { Database as EngineDatabase } from '@gongwen/adapters';
import type { ColumnType, Generated, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** The intranet's own tables (migrations in ./migrations), beside the engine's. */
export interface AppTables {
  /** Sign-in accounts of directory users (username + argon2id hash). */
  app_accounts: {
    user_id: string;
    username: string;
    /** Null for accounts that only sign in through LDAP. */
    password_hash: string | null;
    failed_count: Generated<number>;
    locked_until: Timestamp | null;
    last_login_at: Timestamp | null;
    password_changed_at: Timestamp | null;
    created_at: Timestamp;
    /** Sessions issued under an older version are void (see services/accounts/sessions.ts). */
    session_version: Generated<number>;
  };
  /** Append-only audit trail: sign-ins and every administrative change. */
  app_audit_log: {
    id: Generated<string>;
    unit_id: string | null;
    at: Timestamp;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Json;
    ip: string | null;
  };
  /** In-app notifications (站内消息) delivered by the engine's outbox worker. */
  app_notifications: {
    id: string;
    unit_id: string;
    user_id: string;
    case_id: string | null;
    /** The task a 待办/待阅 notice announces (null for other notices). */
    task_id: Generated<string | null>;
    channel: string;
    title: string;
    body: string;
    /** When the notice was queued (the step that caused it), not when it was delivered. */
    created_at: Timestamp;
    read_at: Timestamp | null;
  };
}

/** Every table the intranet reads: the engine's and its own. */
export type AppDatabase = EngineDatabase & AppTables;

/** The typed view of `AppServices.store.kysely`. */
export type AppDb = Kysely<AppDatabase>;
