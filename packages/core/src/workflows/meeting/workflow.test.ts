import { describe, expect, it } from 'vitest';
import { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { runFullMeetingScenario } from './scenario.ts';

describe('会议 full meeting on the memory store', () => {
  it('plans, books, approves, notifies 8 invitees, reminds, signs in, minutes, archives and supervises', async () => {
    const { caseId, bookingId } = await runFullMeetingScenario(
      createMemoryStore(),
      createMemoryRoomBookings(),
    );
    expect(caseId).toBeTruthy();
    expect(bookingId).toBeTruthy();
  });
});
