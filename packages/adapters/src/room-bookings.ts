import {
  assertRange,
  NotFound,
  type Room,
  type RoomBooking,
  RoomBookingConflict,
  type RoomBookings,
  type TimeRange,
  ValidationFailed,
} from '@gongwen/core';
import { type Kysely, sql } from 'kysely';
import { storeConnections } from './kysely-store.ts';
import type { Database } from './schema.ts';

type Row = Record<string, unknown>;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toRoom(r: Row): Room {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    name: r.name as string,
    capacity: r.capacity as number,
    equipment: json<string[]>(r.equipment),
    location: (r.location as string | null) ?? null,
    active: r.active as boolean,
  };
}

function toBooking(r: Row): RoomBooking {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    roomId: r.room_id as string,
    start: date(r.start_at),
    end: date(r.end_at),
    meetingCaseId: r.meeting_case_id as string,
    bookedBy: r.booked_by as string,
    createdAt: date(r.created_at),
    cancelledAt:
      r.cancelled_at === null || r.cancelled_at === undefined ? null : date(r.cancelled_at),
  };
}

const BOOKING_COLUMNS = sql`id, unit_id, room_id, lower(during) AS start_at, upper(during) AS end_at,
  meeting_case_id, booked_by, created_at, cancelled_at`;

const range = (r: TimeRange) =>
  sql`tstzrange(${r.start.toISOString()}::timestamptz, ${r.end.toISOString()}::timestamptz, '[)')`;

/** PostgreSQL's exclusion_violation: the room_bookings_no_overlap constraint refused a row. */
function isOverlapViolation(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  return err?.code === '23P01' || String(err?.message ?? '').includes('room_bookings_no_overlap');
}

/** Options of `createRoomBookings`. */
export interface RoomBookingsOptions {
  /** Id generator for bookings (default: random UUIDs). */
  ids?: () => string;
  /** The clock for `createdAt` (default: the system clock). */
  clock?: () => Date;
}

/**
 * Rooms and bookings in the Gongwen database (migration 0005), on PostgreSQL and PGlite:
 * pass the store's Kysely instance, e.g. `createRoomBookings(store.kysely)`. No double
 * booking is enforced by the database's exclusion constraint, so it holds across processes
 * and under any concurrency; a refused insert becomes a `RoomBookingConflict`.
 */
export function createRoomBookings<DB>(
  kysely: Kysely<DB>,
  options: RoomBookingsOptions = {},
): RoomBookings {
  // Inside the store's own transaction (an event's check), read through that transaction: on
  // PGlite a second connection does not exist, and on PostgreSQL the read sees the same snapshot.
  const base = kysely as unknown as Kysely<Database>;
  const db = () => storeConnections.get(base)?.() ?? base;
  const newId = options.ids ?? (() => globalThis.crypto.randomUUID());
  const now = options.clock ?? (() => new Date());
  const rows = async (q: ReturnType<typeof sql>) => (await q.execute(db())).rows as Row[];

  async function getRoom(unitId: string, roomId: string): Promise<(Room & { seq: number }) | null> {
    const [r] = await rows(sql`SELECT * FROM rooms WHERE unit_id = ${unitId} AND id = ${roomId}`);
    return r ? { ...toRoom(r), seq: r.seq as number } : null;
  }

  return {
    async putRoom(room) {
      if (!Number.isInteger(room.capacity) || room.capacity < 1)
        throw new ValidationFailed('会议室座位数须为正整数');
      await sql`
        INSERT INTO rooms (unit_id, id, name, capacity, equipment, location, active)
        VALUES (${room.unitId}, ${room.id}, ${room.name}, ${room.capacity},
                ${JSON.stringify(room.equipment)}::jsonb, ${room.location}, ${room.active})
        ON CONFLICT (unit_id, id) DO UPDATE SET name = excluded.name,
          capacity = excluded.capacity, equipment = excluded.equipment,
          location = excluded.location, active = excluded.active`.execute(db());
    },

    async listRooms(unitId, filter = {}) {
      const found = await rows(sql`
        SELECT * FROM rooms
        WHERE unit_id = ${unitId}
          AND capacity >= ${filter.minCapacity ?? 0}
          AND equipment @> ${JSON.stringify(filter.equipment ?? [])}::jsonb
          ${filter.activeOnly ? sql`AND active` : sql``}
        ORDER BY name, id`);
      return found.map(toRoom);
    },

    async book(request) {
      assertRange(request.range);
      const room = await getRoom(request.unitId, request.roomId);
      if (!room) throw new NotFound('会议室不存在', { roomId: request.roomId });
      if (!room.active) throw new ValidationFailed(`会议室“${room.name}”已停用`);
      try {
        const [r] = await rows(sql`
          INSERT INTO room_bookings
            (id, unit_id, room_id, room_seq, during, meeting_case_id, booked_by, created_at)
          VALUES (${newId()}, ${request.unitId}, ${request.roomId}, ${room.seq},
                  ${range(request.range)}, ${request.meetingCaseId}, ${request.bookedBy},
                  ${now().toISOString()}::timestamptz)
          RETURNING ${BOOKING_COLUMNS}`);
        return toBooking(r!);
      } catch (e) {
        if (!isOverlapViolation(e)) throw e;
        const [holder] = await rows(sql`
          SELECT ${BOOKING_COLUMNS} FROM room_bookings
          WHERE room_seq = ${room.seq} AND cancelled_at IS NULL
            AND during && ${range(request.range)}
          ORDER BY lower(during) LIMIT 1`);
        throw new RoomBookingConflict(room, request.range, holder ? toBooking(holder) : null);
      }
    },

    async cancel(bookingId, at) {
      const r = await sql`
        UPDATE room_bookings SET cancelled_at = ${at.toISOString()}::timestamptz
        WHERE id = ${bookingId} AND cancelled_at IS NULL`.execute(db());
      return Number(r.numAffectedRows ?? 0n) > 0;
    },

    async getBooking(bookingId) {
      const [r] = await rows(
        sql`SELECT ${BOOKING_COLUMNS} FROM room_bookings WHERE id = ${bookingId}`,
      );
      return r ? toBooking(r) : null;
    },

    async calendar(unitId, within, roomId) {
      assertRange(within);
      const found = await rows(sql`
        SELECT ${BOOKING_COLUMNS} FROM room_bookings
        WHERE unit_id = ${unitId} AND cancelled_at IS NULL AND during && ${range(within)}
          ${roomId === undefined ? sql`` : sql`AND room_id = ${roomId}`}
        ORDER BY lower(during), room_id`);
      return found.map(toBooking);
    },
  };
}
