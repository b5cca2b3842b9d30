import { describeRoomBookingsConformance } from '@gongwen/core/testing';
import { describe, expect, it } from 'vitest';
import { createRoomBookings } from './room-bookings.ts';
import { DIALECTS, openTestStore } from './testing/test-databases.ts';

for (const dialect of DIALECTS) {
  describeRoomBookingsConformance(dialect, async () => {
    const store = await openTestStore(dialect, { max: 25 });
    return { bookings: createRoomBookings(store.kysely), close: () => store.close() };
  });

  describe(`room bookings on ${dialect}: the database itself refuses a double booking`, () => {
    it('an INSERT that bypasses the adapter is refused by the exclusion constraint', async () => {
      const store = await openTestStore(dialect);
      try {
        const rb = createRoomBookings(store.kysely);
        await rb.putRoom({
          id: 'r',
          unitId: 'demo',
          name: '小会议室',
          capacity: 8,
          equipment: [],
          location: null,
          active: true,
        });
        const b = await rb.book({
          unitId: 'demo',
          roomId: 'r',
          range: {
            start: new Date('2026-12-01T01:00:00Z'),
            end: new Date('2026-12-01T03:00:00Z'),
          },
          meetingCaseId: 'c1',
          bookedBy: 'wang',
        });
        const { sql } = await import('kysely');
        const raw = sql`
          INSERT INTO room_bookings (id, unit_id, room_id, room_seq, during, meeting_case_id, booked_by, created_at)
          SELECT 'raw', unit_id, id, seq, tstzrange('2026-12-01T02:00:00Z', '2026-12-01T04:00:00Z'), 'c2', 'x', now()
          FROM rooms WHERE id = 'r'`;
        await expect(raw.execute(store.kysely)).rejects.toMatchObject({ code: '23P01' });
        // once released, the same row goes in
        await rb.cancel(b.id, new Date('2026-11-30T00:00:00Z'));
        await expect(raw.execute(store.kysely)).resolves.toBeTruthy();
      } finally {
        await store.close();
      }
    });
  });
}
