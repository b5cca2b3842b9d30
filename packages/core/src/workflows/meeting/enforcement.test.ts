import { describe, expect, it } from 'vitest';
import { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { bookMeetingRoom, releaseMeetingRooms } from './room-service.ts';
import { meetingHarness } from './testing-harness.ts';

async function ready() {
  const roomBookings = createMemoryRoomBookings();
  const h = await meetingHarness(createMemoryStore(), { roomBookings });
  const { caseId } = await h.plan('wang');
  return { h, caseId, roomBookings };
}

/** Sends and expects a refusal that writes nothing. */
async function refused(
  h: Awaited<ReturnType<typeof ready>>['h'],
  caseId: string,
  actorId: string,
  event: { type: string; [k: string]: unknown },
  expected: { code: string; message?: string },
) {
  const rev = (await h.engine.case(caseId)).rev;
  await expect(h.send(caseId, actorId, event)).rejects.toMatchObject(expected);
  expect((await h.engine.case(caseId)).rev).toBe(rev);
}

describe('会议 organisation rules, enforced by engine.send', () => {
  it('the plan is validated at start: times in order, someone invited', async () => {
    const h = await meetingHarness(createMemoryStore());
    await expect(h.plan('wang', { end: '2026-12-01T08:00:00+08:00' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(h.plan('wang', { replyBy: '2026-12-02T09:00:00+08:00' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '回复截止时间须早于会议开始时间' })] },
    });
    await expect(
      h.plan('wang', { participants: { users: [], departments: [] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.plan('wang', { type: '座谈会' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('only a department’s head submits its topics; presenters belong to the unit', async () => {
    const { h, caseId } = await ready();
    // he (县教育局) holds a topic task of his own, but not finance's
    await refused(
      h,
      caseId,
      'he',
      { type: 'SUBMIT_TOPICS', departmentId: 'finance', topics: [] },
      {
        code: 'NOT_PERMITTED',
        message: '只有县财政局负责人可以办理此步骤',
      },
    );
    await refused(
      h,
      caseId,
      'zhao',
      {
        type: 'SUBMIT_TOPICS',
        departmentId: 'finance',
        topics: [{ title: '议题', presenterId: 'outsider' }],
      },
      { code: 'VALIDATION_FAILED', message: '汇报人须为本单位在职人员：outsider' },
    );
  });

  it('BOOK_ROOM must name a real, active booking of this case that covers the meeting', async () => {
    const { h, caseId, roomBookings } = await ready();
    const other = await h.plan('wang', {
      title: '另一个会议',
      start: '2026-12-02T09:00:00+08:00',
      end: '2026-12-02T10:00:00+08:00',
    });
    const foreign = await roomBookings.book({
      unitId: 'demo',
      roomId: 'room-2',
      range: { start: new Date('2026-12-01T01:00:00Z'), end: new Date('2026-12-01T03:00:00Z') },
      meetingCaseId: other.caseId,
      bookedBy: 'wang',
    });
    const ev = (b: { id: string; roomId: string; start: Date; end: Date }) => ({
      type: 'BOOK_ROOM',
      bookingId: b.id,
      roomId: b.roomId,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
    });
    await refused(h, caseId, 'wang', ev(foreign), {
      code: 'VALIDATION_FAILED',
      message: '该会议室预订不属于本会议',
    });
    await refused(
      h,
      caseId,
      'wang',
      { ...ev(foreign), bookingId: 'forged' },
      {
        code: 'VALIDATION_FAILED',
        message: '会议室预订不存在',
      },
    );
    const short = await roomBookings.book({
      unitId: 'demo',
      roomId: 'room-1',
      range: { start: new Date('2026-12-01T01:00:00Z'), end: new Date('2026-12-01T02:00:00Z') },
      meetingCaseId: caseId,
      bookedBy: 'wang',
    });
    await refused(h, caseId, 'wang', ev(short), {
      code: 'VALIDATION_FAILED',
      message: '会议室预订时间须覆盖会议时间',
    });
    await roomBookings.cancel(short.id, new Date());
    await refused(h, caseId, 'wang', ev(short), { code: 'VALIDATION_FAILED' });
  });

  it("BOOK_ROOM may carry the room's name for the notices, but only the room's own", async () => {
    const { h, caseId, roomBookings } = await ready();
    const b = await roomBookings.book({
      unitId: 'demo',
      roomId: 'room-1',
      range: { start: new Date('2026-12-01T01:00:00Z'), end: new Date('2026-12-01T03:00:00Z') },
      meetingCaseId: caseId,
      bookedBy: 'wang',
    });
    const ev = {
      type: 'BOOK_ROOM',
      bookingId: b.id,
      roomId: b.roomId,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
    };
    await refused(
      h,
      caseId,
      'wang',
      { ...ev, roomName: '县长办公室' },
      { code: 'VALIDATION_FAILED', message: '会议室名称与会议室不一致' },
    );
    await h.send(caseId, 'wang', { ...ev, roomName: '第一会议室' });
    expect((await h.engine.case(caseId)).fields).toMatchObject({
      roomId: 'room-1',
      roomName: '第一会议室',
    });
  });

  it('re-booking releases the old room; a refused BOOK_ROOM gives the new booking back; REJECT releases it', async () => {
    const { h, caseId, roomBookings } = await ready();
    const day = {
      start: new Date('2026-12-01T00:00:00+08:00'),
      end: new Date('2026-12-02T00:00:00+08:00'),
    };
    const first = await bookMeetingRoom({
      engine: h.engine,
      roomBookings,
      caseId,
      actorId: 'wang',
      roomId: 'room-1',
    });
    const second = await bookMeetingRoom({
      engine: h.engine,
      roomBookings,
      caseId,
      actorId: 'wang',
      roomId: 'room-2',
    });
    expect((await roomBookings.getBooking(first.booking.id))?.cancelledAt).not.toBeNull();
    expect((await roomBookings.calendar('demo', day)).map((b) => b.roomId)).toEqual(['room-2']);
    // chen may not book for wang's meeting: the booking made for the attempt is cancelled again
    await expect(
      bookMeetingRoom({
        engine: h.engine,
        roomBookings,
        caseId,
        actorId: 'chen',
        roomId: 'room-1',
      }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    expect((await roomBookings.calendar('demo', day)).map((b) => b.roomId)).toEqual(['room-2']);
    await h.send(caseId, 'wang', { type: 'SET_AGENDA', ownTopics: [{ title: '预算编制' }] });
    await h.send(caseId, 'wang', { type: 'SUBMIT_PLAN' });
    await h.send(caseId, 'zhang', { type: 'REJECT', reason: '暂不召开' });
    expect(await releaseMeetingRooms({ engine: h.engine, roomBookings, caseId })).toEqual([
      second.booking.id,
    ]);
    expect(await roomBookings.calendar('demo', day)).toEqual([]);
  });

  it('送审 checks the approver, the invited people and departments', async () => {
    const roomBookings = createMemoryRoomBookings();
    const h = await meetingHarness(createMemoryStore(), { roomBookings });
    const { caseId } = await h.plan('wang', {
      approverId: 'zhao',
      participants: { users: ['chen', 'retired'], departments: ['nowhere'] },
      topicDepartments: [],
    });
    await h.send(caseId, 'wang', { type: 'SET_AGENDA', ownTopics: [{ title: '议题' }] });
    await bookMeetingRoom({
      engine: h.engine,
      roomBookings,
      caseId,
      actorId: 'wang',
      roomId: 'room-1',
    });
    await refused(
      h,
      caseId,
      'wang',
      { type: 'SUBMIT_PLAN' },
      {
        code: 'VALIDATION_FAILED',
        message:
          '审批人须为本单位领导：zhao；参会人员须为本单位在职人员：retired；参会部门“nowhere”不存在',
      },
    );
  });

  it('a department reply comes from its head; deputies and attendees belong to the unit and department', async () => {
    const roomBookings = createMemoryRoomBookings();
    const h = await meetingHarness(createMemoryStore(), { roomBookings });
    const { caseId } = await h.plan('wang', { topicDepartments: [] });
    await h.send(caseId, 'wang', { type: 'SET_AGENDA', ownTopics: [{ title: '议题' }] });
    await bookMeetingRoom({
      engine: h.engine,
      roomBookings,
      caseId,
      actorId: 'wang',
      roomId: 'room-1',
    });
    await h.send(caseId, 'wang', { type: 'SUBMIT_PLAN' });
    await h.send(caseId, 'zhang', { type: 'APPROVE' });
    // lu is invited in person, but only he answers for 县教育局
    await refused(
      h,
      caseId,
      'lu',
      { type: 'REPLY', answer: 'attend', departmentId: 'education' },
      {
        code: 'NOT_PERMITTED',
        message: '只有县教育局负责人可以办理此步骤',
      },
    );
    await refused(
      h,
      caseId,
      'he',
      { type: 'REPLY', answer: 'attend', departmentId: 'education', attendeeIds: ['he', 'sun'] },
      { code: 'VALIDATION_FAILED', message: '参会人员须为县教育局或其下属科室人员：sun' },
    );
    await refused(
      h,
      caseId,
      'chen',
      { type: 'REPLY', answer: 'delegate', deputyId: 'outsider' },
      {
        code: 'VALIDATION_FAILED',
        message: '受委托人须为本单位在职人员：outsider',
      },
    );
    await refused(
      h,
      caseId,
      'chen',
      { type: 'REPLY', answer: 'delegate' },
      {
        code: 'VALIDATION_FAILED',
      },
    );
    await refused(h, caseId, 'sun', { type: 'REPLY', answer: 'attend' }, { code: 'NOT_PERMITTED' });
    // a reply may be changed until the meeting starts
    await h.send(caseId, 'chen', { type: 'REPLY', answer: 'attend' });
    await h.send(caseId, 'chen', { type: 'REPLY', answer: 'leave', reason: '临时出差' });
    h.clock.set('2026-12-01T09:00:00+08:00');
    await refused(
      h,
      caseId,
      'chen',
      { type: 'REPLY', answer: 'attend' },
      { code: 'INVALID_EVENT' },
    );
  });
});
