import { describe, expect, it } from 'vitest';
import { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { defaultReplyBy } from './context-queries.ts';
import { runFullMeetingScenario } from './scenario.ts';
import { meetingHarness } from './testing-harness.ts';

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

describe('会议 can(): the actions a page offers before any payload is known', () => {
  const offered = async (
    engine: Awaited<ReturnType<typeof meetingHarness>>['engine'],
    caseId: string,
    actorId: string,
  ) => (await engine.can({ caseId, actorId })).map((a) => a.type).sort();

  it('offers the organiser 议程, 预订 and 取消, and a topic department its 议题 until it has answered', async () => {
    const h = await meetingHarness(createMemoryStore());
    const { caseId } = await h.plan('wang');
    expect(await offered(h.engine, caseId, 'wang')).toEqual(
      expect.arrayContaining(['BOOK_ROOM', 'CANCEL', 'SET_AGENDA']),
    );
    expect(await offered(h.engine, caseId, 'wang')).not.toContain('SUBMIT_PLAN'); // no agenda, no room
    expect(await offered(h.engine, caseId, 'zhao')).toContain('SUBMIT_TOPICS');

    for (const departmentId of ['finance', 'education', 'agri']) {
      const head = { finance: 'zhao', education: 'he', agri: 'feng' }[departmentId] as string;
      await h.send(caseId, head, { type: 'SUBMIT_TOPICS', departmentId, topics: [] });
    }
    expect(await offered(h.engine, caseId, 'zhao')).not.toContain('SUBMIT_TOPICS');
    await h.send(caseId, 'wang', { type: 'SET_AGENDA', ownTopics: [{ title: '年度工作安排' }] });
    // a payload naming a topic no department submitted is still refused
    await expect(
      h.send(caseId, 'wang', { type: 'SET_AGENDA', order: ['t9'] }),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT' });
  });
});

describe('会议 回复截止 by default', () => {
  it('is 24 hours before the start, or halfway there when the meeting is planned at short notice', () => {
    expect(defaultReplyBy('2026-12-01T09:00:00+08:00', '2026-11-25T09:00:00+08:00')).toBe(
      '2026-11-30T01:00:00.000Z',
    );
    // planned at 09:00 for 14:00 the same day: replies until 11:30
    expect(defaultReplyBy('2026-11-25T14:00:00+08:00', '2026-11-25T09:00:00+08:00')).toBe(
      '2026-11-25T03:30:00.000Z',
    );
    // a meeting recorded after it started: the start
    expect(defaultReplyBy('2026-11-25T08:00:00+08:00', '2026-11-25T09:00:00+08:00')).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });
});
