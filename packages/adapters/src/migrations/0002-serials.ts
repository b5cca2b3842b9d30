import { type Kysely, sql } from 'kysely';

/** Gapless sequences (收文编号, 文号) per unit and scope. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE serials (
      unit_id text NOT NULL,
      scope text NOT NULL,
      value integer NOT NULL CHECK (value > 0),
      PRIMARY KEY (unit_id, scope)
    );
  `.execute(db);
}

/** Drops the sequences table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE serials;`.execute(db);
}
