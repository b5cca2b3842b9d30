import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorCode, isGongwenError } from '../errors.ts';
import { isRoomBookingConflict, type Room, type RoomBookings } from '../ports/room-bookings.ts';

/** Rooms of the sample unit `demo` (and one of `other`) that the conformance suite uses. */
export const SAMPLE_ROOMS: Room[] = [
  {
    id: 'room-1',
    unitId: 'demo',
    name: '第一会议室',
    capacity: 30,
    equipment: ['投影仪', '话筒', '视频会议'],
    location: '主楼三楼',
    active: true,
  },
  {
    id: 'room-2',
    unitId: 'demo',
    name: '第二会议室',
    capacity: 12,
    equipment: ['投影仪'],
    location: '主楼二楼',
    active: true,
  },
  {
    id: 'room-old',
    unitId: 'demo',
    name: '旧会议室',
    capacity: 20,
    equipment: [],
    location: null,
    active: false,
  },
  {
    id: 'room-1',
    unitId: 'other',
    name: '邻县第一会议室',
    capacity: 40,
    equipment: ['话筒'],
    location: null,
    active: true,
  },
];

/** Options of `describeRoomBookingsConformance`. */
export interface RoomBookingsConformanceOptions {
  /** How many `book` calls race for one room and slot (default 20). */
  racers?: number;
}

async function codeOf(p: Promise<unknown>): Promise<ErrorCode | string> {
  return p.then(
    () => 'resolved',
    (e: unknown) => (isGongwenError(e) ? e.code : `not a GongwenError: ${String(e)}`),
  );
}

const at = (hhmm: string, day = '2026-12-01') => new Date(`${day}T${hhmm}:00+08:00`);

/**
 * The contract every `RoomBookings` implementation meets: rooms are listed and filtered per
 * unit, and two active bookings of one room never overlap — also when many `book` calls race.
 * `make` returns a fresh, empty implementation (and optionally how to close it).
 */
export function describeRoomBookingsConformance(
  name: string,
  make: () => Promise<{ bookings: RoomBookings; close?: () => Promise<void> }>,
  options: RoomBookingsConformanceOptions = {},
): void {
  const racers = options.racers ?? 20;
  describe(`RoomBookings conformance: ${name}`, () => {
    let rb: RoomBookings;
    let close: (() => Promise<void>) | undefined;
    let day = 0;
    /** A fresh day per test, so tests sharing one implementation never collide. */
    const nextDay = () => {
      day++;
      return `2027-01-${String(day).padStart(2, '0')}`;
    };

    beforeAll(async () => {
      const made = await make();
      rb = made.bookings;
      close = made.close;
      for (const r of SAMPLE_ROOMS) await rb.putRoom(r);
    });
    afterAll(async () => {
      await close?.();
    });

    const book = (roomId: string, start: Date, end: Date, meetingCaseId = 'case-1') =>
      rb.book({ unitId: 'demo', roomId, range: { start, end }, meetingCaseId, bookedBy: 'wang' });

    it('lists a unit’s rooms with their equipment, filtered by seats and equipment', async () => {
      const all = await rb.listRooms('demo');
      expect(all.map((r) => r.id).sort()).toEqual(['room-1', 'room-2', 'room-old']);
      expect(all.find((r) => r.id === 'room-1')).toEqual(SAMPLE_ROOMS[0]);
      expect((await rb.listRooms('demo', { activeOnly: true })).map((r) => r.id).sort()).toEqual([
        'room-1',
        'room-2',
      ]);
      expect((await rb.listRooms('demo', { minCapacity: 25 })).map((r) => r.id)).toEqual([
        'room-1',
      ]);
      expect(
        (await rb.listRooms('demo', { equipment: ['投影仪', '视频会议'] })).map((r) => r.id),
      ).toEqual(['room-1']);
      expect((await rb.listRooms('other')).map((r) => r.name)).toEqual(['邻县第一会议室']);
      await rb.putRoom({ ...SAMPLE_ROOMS[1]!, capacity: 16 });
      expect((await rb.listRooms('demo', { minCapacity: 15 })).map((r) => r.id).sort()).toEqual([
        'room-1',
        'room-2',
        'room-old',
      ]);
    });

    it('books a room and reads the booking back', async () => {
      const d = nextDay();
      const b = await book('room-1', at('09:00', d), at('11:00', d), 'case-a');
      expect(b).toMatchObject({
        unitId: 'demo',
        roomId: 'room-1',
        meetingCaseId: 'case-a',
        bookedBy: 'wang',
        cancelledAt: null,
      });
      expect(b.start.toISOString()).toBe(at('09:00', d).toISOString());
      expect(b.end.toISOString()).toBe(at('11:00', d).toISOString());
      expect(await rb.getBooking(b.id)).toEqual(b);
      expect(await rb.getBooking('no-such-booking')).toBeNull();
    });

    it('refuses an overlapping booking with a typed conflict in Chinese', async () => {
      const d = nextDay();
      const first = await book('room-1', at('09:00', d), at('11:00', d));
      for (const [s, e] of [
        ['10:00', '12:00'],
        ['08:00', '09:30'],
        ['09:30', '10:00'],
        ['08:00', '12:00'],
        ['09:00', '11:00'],
      ] as const) {
        const err = await book('room-1', at(s, d), at(e, d)).then(
          () => null,
          (x: unknown) => x,
        );
        expect(isRoomBookingConflict(err), `${s}-${e}`).toBe(true);
        expect(isGongwenError(err) && err.code).toBe('VERSION_CONFLICT');
        expect((err as Error).message).toContain('会议室“第一会议室”');
        expect((err as Error).message).toContain('已被预订');
        expect((err as { details: Record<string, unknown> }).details).toMatchObject({
          reason: 'ROOM_TAKEN',
          roomId: 'room-1',
          conflictingBookingId: first.id,
        });
      }
      // back-to-back is fine: ranges are half-open
      await expect(book('room-1', at('11:00', d), at('12:00', d))).resolves.toBeTruthy();
      await expect(book('room-1', at('08:00', d), at('09:00', d))).resolves.toBeTruthy();
      // another room, or the same room id of another unit, is independent
      await expect(book('room-2', at('09:00', d), at('11:00', d))).resolves.toBeTruthy();
      await expect(
        rb.book({
          unitId: 'other',
          roomId: 'room-1',
          range: { start: at('09:00', d), end: at('11:00', d) },
          meetingCaseId: 'case-x',
          bookedBy: 'outsider',
        }),
      ).resolves.toMatchObject({ unitId: 'other' });
    });

    it('refuses bad ranges, unknown rooms, other units’ rooms and inactive rooms', async () => {
      const d = nextDay();
      expect(await codeOf(book('room-1', at('11:00', d), at('09:00', d)))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(book('room-1', at('11:00', d), at('11:00', d)))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(book('room-1', new Date(Number.NaN), at('11:00', d)))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(book('room-9', at('09:00', d), at('10:00', d)))).toBe('NOT_FOUND');
      expect(
        await codeOf(
          rb.book({
            unitId: 'other',
            roomId: 'room-2',
            range: { start: at('09:00', d), end: at('10:00', d) },
            meetingCaseId: 'c',
            bookedBy: 'outsider',
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(await codeOf(book('room-old', at('09:00', d), at('10:00', d)))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await rb.calendar('demo', { start: at('00:00', d), end: at('23:59', d) })).toEqual([]);
    });

    it('cancelling frees the room and keeps the booking for history', async () => {
      const d = nextDay();
      const b = await book('room-2', at('14:00', d), at('16:00', d));
      expect(await codeOf(book('room-2', at('15:00', d), at('17:00', d)))).toBe('VERSION_CONFLICT');
      const when = at('12:00', d);
      expect(await rb.cancel(b.id, when)).toBe(true);
      expect(await rb.cancel(b.id, when)).toBe(false);
      expect(await rb.cancel('no-such-booking', when)).toBe(false);
      expect((await rb.getBooking(b.id))?.cancelledAt?.toISOString()).toBe(when.toISOString());
      const again = await book('room-2', at('15:00', d), at('17:00', d), 'case-b');
      expect(again.meetingCaseId).toBe('case-b');
    });

    it('the calendar lists active bookings overlapping a range, by start, per unit or room', async () => {
      const d = nextDay();
      const a = await book('room-1', at('14:00', d), at('15:00', d), 'c1');
      const b = await book('room-2', at('09:00', d), at('10:00', d), 'c2');
      const c = await book('room-1', at('09:30', d), at('10:30', d), 'c3');
      const gone = await book('room-2', at('16:00', d), at('17:00', d), 'c4');
      await rb.cancel(gone.id, at('08:00', d));
      const whole = { start: at('00:00', d), end: at('23:59', d) };
      expect((await rb.calendar('demo', whole)).map((x) => x.id)).toEqual([b.id, c.id, a.id]);
      expect((await rb.calendar('demo', whole, 'room-1')).map((x) => x.id)).toEqual([c.id, a.id]);
      // overlap, not containment; the end is exclusive
      expect(
        (await rb.calendar('demo', { start: at('10:00', d), end: at('14:00', d) })).map(
          (x) => x.id,
        ),
      ).toEqual([c.id]);
      expect(await rb.calendar('other', whole)).toEqual([]);
    });

    it(`${racers} concurrent bookings of one room and slot: exactly one wins`, async () => {
      const d = nextDay();
      const results = await Promise.allSettled(
        Array.from({ length: racers }, (_, i) =>
          // the ranges differ a little but all overlap 10:00–10:30
          book(
            'room-1',
            at(i % 2 ? '09:30' : '10:00', d),
            at(i % 3 ? '10:30' : '11:00', d),
            `race-${i}`,
          ),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(racers - 1);
      for (const r of lost) expect(isRoomBookingConflict(r.reason)).toBe(true);
      const held = await rb.calendar('demo', { start: at('00:00', d), end: at('23:59', d) });
      expect(held).toHaveLength(1);
      expect(held[0]!.id).toBe((won[0] as PromiseFulfilledResult<{ id: string }>).value.id);
    });

    it(`${racers} concurrent bookings of disjoint slots all succeed`, async () => {
      const d = nextDay();
      const results = await Promise.all(
        Array.from({ length: racers }, (_, i) => {
          const start = new Date(at('08:00', d).getTime() + i * 15 * 60_000);
          return book('room-2', start, new Date(start.getTime() + 15 * 60_000), `slot-${i}`);
        }),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(racers);
    });
  });
}
