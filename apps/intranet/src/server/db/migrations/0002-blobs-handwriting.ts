import { type Kysely, sql } from 'kysely';

/**
 * Attachments (who uploaded a blob, and which case it belongs to, for download checks) and
 * 手写批注 (handwritten strokes kept with one ledger entry, keyed by the command that wrote it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_blobs (
      key text PRIMARY KEY,
      unit_id text NOT NULL,
      uploaded_by text NOT NULL,
      name text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      created_at timestamptz NOT NULL,
      case_id text
    );
    CREATE INDEX app_blobs_case ON app_blobs (case_id);
    CREATE INDEX app_blobs_uploader ON app_blobs (uploaded_by, created_at DESC);

    CREATE TABLE app_handwriting (
      command_id text PRIMARY KEY,
      case_id text NOT NULL,
      ledger_seq integer NOT NULL,
      user_id text NOT NULL,
      strokes jsonb NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX app_handwriting_entry ON app_handwriting (case_id, ledger_seq);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE app_handwriting; DROP TABLE app_blobs;`.execute(db);
}
