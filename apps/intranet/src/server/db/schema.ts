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
    /** Position in the hash chain (1, 2, 3 … across all units; migration 0005). */
    seq: ColumnType<string, number, never>;
    /** The previous row's `hash` (64 zeros for the first row). */
    prev_hash: string;
    /** SHA-256 of `prev_hash` and the row's canonical JSON (services/audit/chain.ts). */
    hash: string;
  };
  /** The audit chain's head: the newest row's seq and hash, and the retention anchor. */
  app_audit_head: {
    id: number;
    seq: ColumnType<string, number, number>;
    hash: string;
    pruned_seq: ColumnType<string, number, number>;
    pruned_hash: string;
  };
  /** Users and departments the LDAP sync manages (services/admin/ldap-sync.ts). */
  app_ldap_links: {
    unit_id: string;
    /** 'user' or 'department'. */
    kind: string;
    local_id: string;
    /** The entry's DN when last seen. */
    dn: string;
    /** The sync that last saw the entry in the directory. */
    seen_at: Timestamp;
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
  /** Uploaded attachments: who uploaded them, and the case that refers to them (null until used). */
  app_blobs: {
    key: string;
    unit_id: string;
    uploaded_by: string;
    name: string;
    content_type: string;
    size: number;
    sha256: string;
    created_at: Timestamp;
    case_id: string | null;
  };
  /** 手写批注: strokes kept with the ledger entry written by `command_id`. */
  app_handwriting: {
    command_id: string;
    case_id: string;
    ledger_seq: number;
    user_id: string;
    strokes: Json;
    created_at: Timestamp;
  };
}

/** Every table the intranet reads: the engine's and its own. */
export type AppDatabase = EngineDatabase & AppTables;

/** The typed view of `AppServices.store.kysely`. */
export type AppDb = Kysely<AppDatabase>;
