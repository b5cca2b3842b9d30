import { type Kysely, sql } from 'kysely';

/**
 * Meeting rooms and their bookings. No double booking is a database rule: an exclusion
 * constraint over (room, time range) for active bookings. The room enters the constraint as
 * the one-point range `int4range(seq, seq, '[]')`, whose GiST support is built in, so neither
 * PostgreSQL nor PGlite needs the btree_gist extension (a plain `room_id WITH =` would).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rooms (
      unit_id text NOT NULL,
      id text NOT NULL,
      seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      name text NOT NULL,
      capacity integer NOT NULL CHECK (capacity > 0),
      equipment jsonb NOT NULL DEFAULT '[]',
      location text,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (unit_id, id)
    );
    CREATE TABLE room_bookings (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      room_id text NOT NULL,
      room_seq integer NOT NULL REFERENCES rooms (seq),
      during tstzrange NOT NULL CHECK (NOT isempty(during)),
      meeting_case_id text NOT NULL,
      booked_by text NOT NULL,
      created_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      FOREIGN KEY (unit_id, room_id) REFERENCES rooms (unit_id, id),
      CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (
        int4range(room_seq, room_seq, '[]') WITH &&,
        during WITH &&
      ) WHERE (cancelled_at IS NULL)
    );
    CREATE INDEX room_bookings_case ON room_bookings (meeting_case_id);
    CREATE INDEX room_bookings_unit_during ON room_bookings USING gist (during)
      WHERE (cancelled_at IS NULL);
  `.execute(db);
}

/** Drops the bookings and rooms tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE room_bookings; DROP TABLE rooms;`.execute(db);
}
