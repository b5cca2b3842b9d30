import { randomUUID } from 'node:crypto';
import { canViewMeeting } from '@gongwen/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { caseCount } from '~/server/testing/router-helpers';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;

const plan = (overrides: Record<string, unknown> = {}) => ({
  title: '县政府第12次常务会议',
  type: '常务会' as const,
  description: '',
  start: '2026-12-02T14:00:00+08:00',
  end: '2026-12-02T16:00:00+08:00',
  participants: { users: ['zhao', 'sun', 'chen'], departments: [] },
  topicDepartments: [],
  approverId: 'zhang',
  remindBeforeMinutes: 60,
  ...overrides,
});

const meetingCount = () => caseCount(app, 'meeting');

async function activeBookings(): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM room_bookings WHERE cancelled_at IS NULL`.execute(db(app));
  return r.rows[0]?.n ?? 0;
}

async function ledgerLength(caseId: string): Promise<number> {
  return (await app.engine.ledger(caseId)).length;
}

beforeAll(async () => {
  app = await createTestApp();
  await callerFor(app, 'gao').meeting.saveRoom({
    id: 'room-1',
    name: '第一会议室',
    capacity: 30,
    equipment: ['投影仪'],
    location: '主楼三楼',
    active: true,
  });
});
afterAll(() => app?.close());

describe('meeting router', () => {
  it('lets only room managers edit rooms, in Chinese', async () => {
    await expect(
      callerFor(app, 'sun').meeting.saveRoom({
        id: 'room-x',
        name: '小会议室',
        capacity: 8,
        equipment: [],
        location: '',
        active: true,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('无权管理会议室'),
    });
    const { rooms } = await callerFor(app, 'sun').meeting.rooms();
    expect(rooms.map((r) => r.id)).toEqual(['room-1']);
  });

  it('refuses a bad plan with a Chinese message and writes nothing', async () => {
    const before = await meetingCount();
    await expect(
      callerFor(app, 'qian').meeting.create({
        commandId: randomUUID(),
        plan: plan({ end: '2026-12-02T13:00:00+08:00', title: '' }),
        roomId: 'room-1',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/请填写会议名称|结束时间须晚于开始时间/),
    });
    // the approver must be a leader: checked against the directory before anything is written
    await expect(
      callerFor(app, 'qian').meeting.create({
        commandId: randomUUID(),
        plan: plan({ approverId: 'sun' }),
        roomId: 'room-1',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('审批人须为本单位领导'),
    });
    expect(await meetingCount()).toBe(before);
    expect(await activeBookings()).toBe(0);
  });

  it('books the room, refuses a double booking in Chinese, and checks who acts', async () => {
    const qian = callerFor(app, 'qian');
    const created = await qian.meeting.create({
      commandId: randomUUID(),
      plan: plan(),
      roomId: 'room-1',
    });
    expect(created.booked).toBe(true);
    expect(await activeBookings()).toBe(1);

    // another meeting for an overlapping time in the same room
    const before = await meetingCount();
    await expect(
      callerFor(app, 'sun').meeting.create({
        commandId: randomUUID(),
        plan: plan({
          title: '预算编制专题会',
          type: '专题会',
          start: '2026-12-02T15:00:00+08:00',
          end: '2026-12-02T17:00:00+08:00',
          approverId: 'chen',
        }),
        roomId: 'room-1',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/会议室“第一会议室”在2026年12月2日 14:00—16:00已被预订/),
    });
    expect(await meetingCount()).toBe(before);
    expect(await activeBookings()).toBe(1);

    // booking an existing meeting into the taken slot through bookRoom is refused as well
    const other = await callerFor(app, 'sun').meeting.create({
      commandId: randomUUID(),
      plan: plan({ title: '预算编制专题会', type: '专题会', approverId: 'chen' }),
    });
    const otherLedger = await ledgerLength(other.caseId);
    await expect(
      callerFor(app, 'sun').meeting.bookRoom({
        caseId: other.caseId,
        commandId: randomUUID(),
        roomId: 'room-1',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被预订') });
    expect(await ledgerLength(other.caseId)).toBe(otherLedger);
    expect(await activeBookings()).toBe(1);

    const { caseId } = created;
    await qian.meeting.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'SET_AGENDA',
        payload: {
          order: [],
          ownTopics: [{ title: '研究2027年预算草案', summary: '', materials: [] }],
        },
      },
    });
    await qian.meeting.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'SUBMIT_PLAN', payload: {} },
    });

    // a leader who is not the approver cannot approve; nothing is written
    const n = await ledgerLength(caseId);
    await expect(
      callerFor(app, 'chen').meeting.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'APPROVE', payload: { opinion: '同意' } },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await ledgerLength(caseId)).toBe(n);

    await callerFor(app, 'zhang').meeting.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'APPROVE', payload: { opinion: '同意' } },
    });
    const page = await qian.meeting.get({ caseId });
    expect(page.state).toBe('notified');
    expect(page.nonRepliers.map((i) => i.id).sort()).toEqual(['chen', 'sun', 'zhao']);

    // a colleague who is not invited cannot reply (the admin does not even see the meeting)
    const m = await ledgerLength(caseId);
    await expect(
      callerFor(app, 'zhou').meeting.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'REPLY', payload: { answer: 'attend' } },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(app, 'gao').meeting.get({ caseId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权访问：您与该会议无关，不能查看',
    });
    // a leave without a reason is refused by the core schema, in Chinese
    await expect(
      callerFor(app, 'sun').meeting.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'REPLY', payload: { answer: 'leave' } },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请假须填写理由'),
    });
    expect(await ledgerLength(caseId)).toBe(m);

    await callerFor(app, 'sun').meeting.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REPLY', payload: { answer: 'delegate', deputyId: 'zhou' } },
    });
    await callerFor(app, 'zhao').meeting.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REPLY', payload: { answer: 'leave', reason: '赴市里开会' } },
    });
    const after = await callerFor(app, 'zhou').meeting.get({ caseId });
    expect(after.nonRepliers.map((i) => i.id)).toEqual(['chen']);
    expect(after.replies['user:sun']).toMatchObject({ answer: 'delegate', deputyId: 'zhou' });
    expect(after.attendance.lines.find((l) => l.deputyFor === 'sun')?.userId).toBe('zhou');

    // the room calendar shows the booking with its meeting
    const cal = await callerFor(app, 'sun').meeting.roomCalendar({
      from: new Date('2026-12-01T16:00:00Z'),
      to: new Date('2026-12-02T16:00:00Z'),
    });
    expect(cal).toEqual([
      expect.objectContaining({
        roomId: 'room-1',
        meetingCaseId: caseId,
        meetingTitle: '县政府第12次常务会议',
      }),
    ]);
    // the list follows canViewMeeting
    expect((await callerFor(app, 'gao').meeting.list({})).items.map((l) => l.id)).not.toContain(
      caseId,
    );
    expect((await callerFor(app, 'zhou').meeting.list({})).items.map((l) => l.id)).toContain(
      caseId,
    );
  });

  it('cancelling a meeting gives its room back', async () => {
    const sun = callerFor(app, 'sun');
    const { caseId } = await sun.meeting.create({
      commandId: randomUUID(),
      plan: plan({
        title: '临时协调会',
        type: '其他',
        start: '2026-12-03T09:00:00+08:00',
        end: '2026-12-03T10:00:00+08:00',
      }),
      roomId: 'room-1',
    });
    const booked = await activeBookings();
    await sun.meeting.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'CANCEL', payload: { reason: '时间调整' } },
    });
    expect(await activeBookings()).toBe(booked - 1);
  });

  it('keeps statistics to leaders, the office director and the secretariat', async () => {
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    await expect(callerFor(app, 'sun').meeting.statistics(period)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const s = await callerFor(app, 'zhang').meeting.statistics(period);
    expect(s.perMonth).toEqual([{ month: '2026-12', meetings: 3, held: 0 }]);
  });
  it('lists exactly the meetings canViewMeeting allows, page by page by start time', async () => {
    const all = (
      await app.store.listCases({ unitId: 'demo', workflow: 'meeting', limit: 500, offset: 0 })
    ).items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    // Signed-in users are active ones (an inactive account cannot call the router).
    const users = (await app.store.directory.listUsers({ unitId: 'demo' })).filter((u) => u.active);
    for (const u of users) {
      const expected: string[] = [];
      for (const c of all)
        if (await canViewMeeting({ viewerId: u.id, caseRecord: c, directory: app.directory }))
          expected.push(c.id);
      const seen: Array<{ id: string; start: string }> = [];
      let cursor: string | null = null;
      let total = -1;
      for (let i = 0; i < 20; i++) {
        const page: Awaited<ReturnType<ReturnType<typeof callerFor>['meeting']['list']>> =
          await callerFor(app, u.id).meeting.list({ limit: 1, cursor });
        total = page.total;
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (cursor === null) break;
      }
      expect(seen.map((l) => l.id).sort(), u.id).toEqual(expected.sort());
      expect(total, u.id).toBe(expected.length);
      const starts = seen.map((l) => Date.parse(l.start));
      expect(starts, u.id).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('filters the month calendar on the start time and marks the meetings waiting for the user', async () => {
    const zhang = callerFor(app, 'zhang');
    const dec2 = await zhang.meeting.list({
      from: new Date('2026-12-01T16:00:00Z'),
      to: new Date('2026-12-02T16:00:00Z'),
    });
    expect(dec2.items.length).toBeGreaterThan(0);
    for (const l of dec2.items) expect(l.start.startsWith('2026-12-02')).toBe(true);
    const latest = await zhang.meeting.list({ order: 'startDesc' });
    const starts = latest.items.map((l) => Date.parse(l.start));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const inbox = await app.engine.inbox({ actorId: 'zhang', workflow: 'meeting', limit: 200 });
    const open = new Set(inbox.items.map((i) => i.task.caseId));
    for (const l of latest.items) expect(l.mine, l.id).toBe(open.has(l.id));
    await expect(zhang.meeting.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
