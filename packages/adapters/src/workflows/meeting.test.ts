import {
  bookMeetingRoom,
  createChineseCalendar,
  createMeetingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  isRoomBookingConflict,
  manualClock,
} from '@gongwen/core';
import { loadSampleOrg, runFullMeetingScenario, SAMPLE_ROOMS } from '@gongwen/core/testing';
import { describe, expect, it } from 'vitest';
import { createRoomBookings } from '../room-bookings.ts';
import { DIALECTS, openTestStore } from '../testing/test-databases.ts';

for (const dialect of DIALECTS) {
  describe(`会议 on ${dialect}`, () => {
    it('runs a full meeting with 8 invitees: replies, a deputy, two non-repliers reminded, minutes, supervision', async () => {
      const store = await openTestStore(dialect);
      try {
        const { caseId, bookingId, engine } = await runFullMeetingScenario(
          store,
          createRoomBookings(store.kysely),
        );
        expect((await engine.case(caseId)).status).toBe('done');
        const booking = await createRoomBookings(store.kysely).getBooking(bookingId);
        expect(booking).toMatchObject({
          roomId: 'room-1',
          meetingCaseId: caseId,
          cancelledAt: null,
        });
      } finally {
        await store.close();
      }
    });

    it('20 meetings race for one room and slot: exactly one case holds a booking', async () => {
      const store = await openTestStore(dialect, { max: 25 });
      try {
        await loadSampleOrg(store.directory);
        const roomBookings = createRoomBookings(store.kysely);
        for (const r of SAMPLE_ROOMS) await roomBookings.putRoom(r);
        const calendar = createChineseCalendar();
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock: manualClock('2026-11-25T01:00:00Z'),
          calendar,
          workflows: [createMeetingWorkflow({ calendar, roomBookings })],
        });
        const cases = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            engine.start({
              workflow: 'meeting',
              actorId: 'wang',
              commandId: crypto.randomUUID(),
              input: {
                title: `第${i + 1}个会议`,
                type: '办公会',
                start: '2026-12-02T14:00:00+08:00',
                end: '2026-12-02T16:00:00+08:00',
                participants: { users: ['chen'], departments: [] },
                approverId: 'zhang',
              },
            }),
          ),
        );
        const results = await Promise.allSettled(
          cases.map(({ caseId }) =>
            bookMeetingRoom({ engine, roomBookings, caseId, actorId: 'wang', roomId: 'room-1' }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') {
            expect(isRoomBookingConflict(r.reason)).toBe(true);
            expect((r.reason as Error).message).toMatch(
              /^会议室“第一会议室”在2026年12月2日 14:00—16:00已被预订/,
            );
          }
        }
        const holders = [];
        for (const { caseId } of cases) {
          const c = await engine.case(caseId);
          if (c.fields.bookingId !== null) holders.push(c);
        }
        expect(holders).toHaveLength(1);
        const held = await roomBookings.calendar('demo', {
          start: new Date('2026-12-02T00:00:00+08:00'),
          end: new Date('2026-12-03T00:00:00+08:00'),
        });
        expect(held.map((b) => [b.id, b.meetingCaseId])).toEqual([
          [holders[0]!.fields.bookingId, holders[0]!.id],
        ]);
      } finally {
        await store.close();
      }
    });
  });
}
