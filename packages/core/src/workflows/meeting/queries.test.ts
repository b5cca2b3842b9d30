import { describe, expect, it } from 'vitest';
import { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import type { Notification } from '../../ports/notifier.ts';
import { createSmsNotifier, routeNotifications } from './notifiers.ts';
import { bookMeetingRoom } from './room-service.ts';
import { meetingSupervision } from './supervision.ts';
import { meetingHarness } from './testing-harness.ts';
import { canViewMeeting } from './visibility.ts';

const note = (channel: Notification['channel'], to: string[] = ['chen']): Notification => ({
  unitId: 'demo',
  channel,
  to,
  title: '会议提醒：专题会议',
  body: '会议定于12月1日 09:00召开，请准时参加。'.repeat(3),
});

describe('会议 notifiers', () => {
  it('routes by channel; an unrouted channel throws unless dropped on purpose', async () => {
    const got: string[] = [];
    const n = routeNotifications({ inApp: { send: async (m) => void got.push(m.channel) } });
    await n.send(note('inApp'));
    await expect(n.send(note('sms'))).rejects.toThrow('no notifier for channel sms');
    await routeNotifications({}, { drop: ['sms'] }).send(note('sms'));
    expect(got).toEqual(['inApp']);
  });

  it('sends one SMS per recipient with a phone, cut to the length limit', async () => {
    const sent: Array<[string, string]> = [];
    const sms = createSmsNotifier({
      gateway: { sendSms: async (phone, text) => void sent.push([phone, text]) },
      phoneOf: async (u) => (u === 'chen' ? '13800000001' : null),
      maxLength: 20,
    });
    await sms.send(note('sms', ['chen', 'nobody', 'chen']));
    expect(sent).toEqual([['13800000001', '【会议提醒：专题会议】会议定于12月1…']]);
    expect(sent[0]![1]).toHaveLength(20);
    const failing = createSmsNotifier({
      gateway: {
        sendSms: async () => {
          throw new Error('网关拒绝');
        },
      },
      phoneOf: async () => '13800000001',
    });
    await expect(failing.send(note('sms'))).rejects.toThrow('网关拒绝');
  });
});

describe('会议 visibility and supervision', () => {
  it('shows a meeting to the people involved and to leaders, the office and the secretariat', async () => {
    const roomBookings = createMemoryRoomBookings();
    const h = await meetingHarness(createMemoryStore(), { roomBookings });
    const { caseId } = await h.plan('zhou', {
      participants: { users: ['chen'], departments: ['education'] },
      topicDepartments: ['finance'],
    });
    const c = await h.engine.case(caseId);
    const sees = async (viewerId: string) =>
      canViewMeeting({ viewerId, caseRecord: c, directory: h.directory });
    // leaders, office director, secretariat; organiser; invitee; head and member of an invited
    // department; head of a topic department
    for (const who of ['zhang', 'li', 'wang', 'zhou', 'chen', 'he', 'lu', 'zhao'])
      expect(await sees(who), who).toBe(true);
    // not involved, inactive, another unit
    for (const who of ['feng', 'tang', 'retired', 'outsider', 'nobody'])
      expect(await sees(who), who).toBe(false);
  });

  it('lists resolutions across meetings, filtered by status and department', async () => {
    const roomBookings = createMemoryRoomBookings();
    const h = await meetingHarness(createMemoryStore(), { roomBookings });
    const { caseId } = await h.plan('wang', { topicDepartments: [] });
    await h.send(caseId, 'wang', { type: 'SET_AGENDA', ownTopics: [{ title: '年度工作' }] });
    await bookMeetingRoom({
      engine: h.engine,
      roomBookings,
      caseId,
      actorId: 'wang',
      roomId: 'room-1',
    });
    await h.send(caseId, 'wang', { type: 'SUBMIT_PLAN' });
    await h.send(caseId, 'zhang', { type: 'APPROVE' });
    h.clock.set('2026-12-01T11:00:00+08:00');
    await h.send(caseId, 'wang', { type: 'CLOSE_ATTENDANCE' });
    await h.send(caseId, 'wang', {
      type: 'DRAFT_MINUTES',
      body: { blocks: [{ type: 'paragraph', text: '议定事项' }] },
      resolutions: [
        { title: '甲', ownerDepartmentId: 'finance', deadlineWorkingDays: 1 },
        { title: '乙', ownerDepartmentId: 'agri', deadline: '2026-12-31' },
      ],
    });
    await h.send(caseId, 'li', { type: 'APPROVE_MINUTES' });
    const now = new Date('2026-12-03T09:00:00+08:00');
    const all = await meetingSupervision({ store: h.store, unitId: 'demo', now });
    expect(all.map((i) => [i.title, i.status])).toEqual([
      ['甲', 'overdue'],
      ['乙', 'open'],
    ]);
    expect(
      (
        await meetingSupervision({ store: h.store, unitId: 'demo', now, ownerDepartmentId: 'agri' })
      ).map((i) => i.title),
    ).toEqual(['乙']);
    expect(
      await meetingSupervision({ store: h.store, unitId: 'demo', now, status: 'completed' }),
    ).toEqual([]);
    expect(await meetingSupervision({ store: h.store, unitId: 'other', now })).toEqual([]);
  });
});
