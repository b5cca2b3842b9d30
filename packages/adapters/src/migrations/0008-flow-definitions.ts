import { type Kysely, sql } from 'kysely';

/**
 * Published versions of custom flows (自定义工作流程): append-only, one row per unit, key and
 * version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE flow_definitions (
      unit_id text NOT NULL,
      key text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      title text NOT NULL,
      definition jsonb NOT NULL,
      published_at timestamptz NOT NULL,
      published_by text NOT NULL,
      PRIMARY KEY (unit_id, key, version)
    );
  `.execute(db);
}

/** Drops the published flow versions. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE flow_definitions;`.execute(db);
}
