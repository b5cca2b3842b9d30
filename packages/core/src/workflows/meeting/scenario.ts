import { expect } from 'vitest';
import type { Notification } from '../../ports/notifier.ts';
import type { RoomBookings } from '../../ports/room-bookings.ts';
import type { Store } from '../../ports/store.ts';
import { meetingAttendanceSheet } from './attendance.ts';
import { projectMeetingLedger } from './ledger-projection.ts';
import { createSmsNotifier, routeNotifications } from './notifiers.ts';
import { bookMeetingRoom } from './room-service.ts';
import { meetingStatistics } from './statistics.ts';
import { meetingSupervision } from './supervision.ts';
import { meetingHarness } from './testing-harness.ts';

const at = (local: string) => new Date(`${local}+08:00`);

/**
 * A full 专题会 with 8 invitees (7 people and 县教育局) on any store and `RoomBookings`:
 * topics from three departments, agenda, room booking, a 退回 and approval, mixed replies (参加,
 * 请假, 委托, a department sending two people), two non-repliers reminded by the timer, the
 * 会前提醒 by in-app message, SMS and mail, sign-in, minutes returned once and approved, two
 * resolutions (one reminded when overdue), 归档 and 办结. Asserts along the way (vitest).
 */
export async function runFullMeetingScenario(store: Store, roomBookings: RoomBookings) {
  const h = await meetingHarness(store, { roomBookings });
  const { engine, clock, send } = h;
  const delivered: Notification[] = [];
  const sms: Array<{ phone: string; text: string }> = [];
  const notifier = routeNotifications({
    inApp: { send: async (m) => void delivered.push(m) },
    mail: { send: async (m) => void delivered.push(m) },
    sms: createSmsNotifier({
      gateway: { sendSms: async (phone, text) => void sms.push({ phone, text }) },
      phoneOf: async (userId) => `1380000${userId.padEnd(4, '0').slice(0, 4)}`,
    }),
  });
  const deliver = async () => {
    delivered.length = 0;
    sms.length = 0;
    await engine.deliverNotifications(notifier);
  };

  // 会议计划
  const { caseId, state } = await h.plan('wang');
  expect(state).toBe('preparing');
  expect(await h.openKeys(caseId)).toEqual([
    'prepare:0',
    'topic:agri',
    'topic:education',
    'topic:finance',
  ]);

  // 议题征集: two departments submit, one has none
  await send(caseId, 'zhao', {
    type: 'SUBMIT_TOPICS',
    departmentId: 'finance',
    topics: [
      {
        title: '2027年度部门预算编制方案',
        summary: '提请审议预算编制原则和时间安排',
        materials: [{ blobId: 'blob-budget', name: '预算编制方案.docx' }],
        presenterId: 'zhao',
      },
    ],
  });
  await send(caseId, 'he', {
    type: 'SUBMIT_TOPICS',
    departmentId: 'education',
    topics: [{ title: '教育经费保障', materials: [{ blobId: 'blob-edu', name: '经费测算.xlsx' }] }],
  });
  await send(caseId, 'feng', { type: 'SUBMIT_TOPICS', departmentId: 'agri', topics: [] });
  await expect(
    send(caseId, 'feng', { type: 'SUBMIT_TOPICS', departmentId: 'agri', topics: [] }),
  ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
  await send(caseId, 'wang', { type: 'SET_AGENDA', order: ['t2', 't1'] });

  // 会议室预订 (the port refuses a double booking of room-1 by another meeting)
  const { booking } = await bookMeetingRoom({
    engine,
    roomBookings,
    caseId,
    actorId: 'wang',
    roomId: 'room-1',
  });
  const other = await h.plan('zhou', { title: '同一时间的另一个会议' });
  await expect(
    bookMeetingRoom({
      engine,
      roomBookings,
      caseId: other.caseId,
      actorId: 'zhou',
      roomId: 'room-1',
    }),
  ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { reason: 'ROOM_TAKEN' } });
  await send(other.caseId, 'zhou', { type: 'CANCEL', reason: '与专题会冲突' });

  // 审批: returned once, then approved; the notice goes out
  await send(caseId, 'wang', { type: 'SUBMIT_PLAN' });
  await send(caseId, 'zhang', { type: 'RETURN', reason: '请补充县农业农村局意见' });
  expect(await h.openKeys(caseId)).toEqual(['prepare:1']);
  clock.advance(3_600_000);
  await send(caseId, 'wang', { type: 'SUBMIT_PLAN', note: '已征求意见' });
  await send(caseId, 'zhang', { type: 'APPROVE', opinion: '同意召开' });
  expect((await engine.case(caseId)).state).toBe('notified');
  await deliver();
  const notice = delivered.filter((m) => m.title.startsWith('会议通知'));
  expect(notice).toHaveLength(1);
  // the room by its name, the times in Beijing time
  expect(notice[0]!.body).toBe(
    '《2027年度预算编制工作专题会议》定于12月1日 09:00召开，会议室：第一会议室。请于11月30日 09:00前回复参加、请假或委托他人参加。',
  );
  expect(notice[0]!.to.sort()).toEqual(['chen', 'fang', 'kong', 'lu', 'ma', 'tang', 'zhao']);
  expect(sms.filter((s) => s.text.startsWith('【会议通知'))).toHaveLength(7);
  // every invitee has a 回执 task; the head of 县教育局 answers for the department
  const replyTasks = (await engine.case(caseId)).assignments.filter((a) =>
    a.key.startsWith('reply:'),
  );
  expect(replyTasks.map((a) => [a.key, a.candidates])).toHaveLength(8);
  expect(replyTasks.find((a) => a.key === 'reply:department:education')!.candidates).toEqual([
    'he',
  ]);

  // 回执
  clock.set(at('2026-11-26T10:00:00'));
  await send(caseId, 'chen', { type: 'REPLY', answer: 'attend' });
  await send(caseId, 'ma', { type: 'REPLY', answer: 'leave', reason: '赴省里参加会议' });
  await send(caseId, 'zhao', { type: 'REPLY', answer: 'delegate', deputyId: 'qian' });
  await send(caseId, 'fang', { type: 'REPLY', answer: 'attend' });
  await send(caseId, 'lu', { type: 'REPLY', answer: 'attend' });
  await send(caseId, 'he', {
    type: 'REPLY',
    answer: 'attend',
    departmentId: 'education',
    attendeeIds: ['he', 'lu'],
  });
  await expect(send(caseId, 'kong', { type: 'REPLY', answer: 'leave' })).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
  });
  await deliver();
  expect(delivered.find((m) => m.title.startsWith('委托参会'))?.to).toEqual(['qian']);

  // the reply deadline (24 h before) passes: kong and tang are reminded by the timer
  clock.set(at('2026-11-30T09:00:01'));
  expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
  const c1 = await engine.case(caseId);
  expect(
    c1.assignments
      .filter((a) => a.kind === 'remind')
      .map((a) => a.key)
      .sort(),
  ).toEqual(['remind:1:reply:user:kong', 'remind:1:reply:user:tang']);
  await deliver();
  expect(delivered.find((m) => m.title.startsWith('催办'))?.to.sort()).toEqual(['kong', 'tang']);
  expect(
    sms
      .filter((s) => s.text.startsWith('【催办'))
      .map((s) => s.phone)
      .sort(),
  ).toEqual(['1380000kong', '1380000tang']);

  // 会前提醒 an hour before: message, SMS and mail to everyone expected
  clock.set(at('2026-12-01T08:00:00'));
  expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
  await deliver();
  const reminders = delivered.filter((m) => m.title.startsWith('会议提醒'));
  expect(reminders.map((m) => m.channel).sort()).toEqual(['inApp', 'mail']);
  expect(reminders[0]!.to.sort()).toEqual([
    'chen',
    'fang',
    'he',
    'kong',
    'lu',
    'qian',
    'tang',
    'wang',
  ]);
  expect(sms.filter((s) => s.text.startsWith('【会议提醒'))).toHaveLength(8);

  // 签到: participants themselves, the organiser for lu; ma (on leave) cannot
  clock.set(at('2026-12-01T08:50:00'));
  for (const who of ['chen', 'qian', 'fang', 'he']) await send(caseId, who, { type: 'SIGN_IN' });
  await send(caseId, 'wang', { type: 'SIGN_IN', userId: 'lu' });
  await expect(send(caseId, 'ma', { type: 'SIGN_IN' })).rejects.toMatchObject({
    code: 'NOT_PERMITTED',
  });
  await expect(send(caseId, 'chen', { type: 'SIGN_IN' })).rejects.toMatchObject({
    code: 'INVALID_EVENT',
  });
  const sheet = meetingAttendanceSheet(await engine.case(caseId));
  expect(sheet.lines.map((l) => [l.invitee.key, l.userId, l.reply, l.status])).toEqual([
    ['user:chen', 'chen', 'attend', 'present'],
    ['user:ma', 'ma', 'leave', 'excused'],
    ['user:zhao', 'qian', 'delegate', 'present'],
    ['user:fang', 'fang', 'attend', 'present'],
    ['user:kong', 'kong', 'none', 'absent'],
    ['user:tang', 'tang', 'none', 'absent'],
    ['user:lu', 'lu', 'attend', 'present'],
    ['department:education', 'he', 'attend', 'present'],
    ['department:education', 'lu', 'attend', 'present'],
  ]);
  expect(sheet.lines.find((l) => l.userId === 'qian')?.deputyFor).toBe('zhao');
  expect(sheet.lines.find((l) => l.invitee.key === 'user:lu')?.recordedBy).toBe('wang');
  // lu is invited in person and sent by 县教育局: one person, counted once
  expect(sheet).toMatchObject({ present: 5, excused: 1, absent: 2, expected: 7 });

  // 会议记录, 校对 (returned once), resolutions under supervision
  clock.set(at('2026-12-01T11:00:00'));
  await send(caseId, 'wang', { type: 'CLOSE_ATTENDANCE' });
  const minutes = {
    body: {
      blocks: [
        { type: 'heading', level: 1, text: '一、会议议定事项' },
        { type: 'paragraph', text: '会议原则同意2027年度部门预算编制方案。' },
      ],
    },
    resolutions: [
      { title: '修改完善预算编制方案', ownerDepartmentId: 'finance', deadlineWorkingDays: 5 },
      { title: '报送农业项目资金需求', ownerDepartmentId: 'agri', deadline: '2026-12-04' },
    ],
  };
  await send(caseId, 'wang', { type: 'DRAFT_MINUTES', ...minutes });
  clock.set(at('2026-12-01T15:00:00'));
  await send(caseId, 'li', { type: 'RETURN_MINUTES', reason: '请补充出席和请假人员' });
  await send(caseId, 'wang', { type: 'DRAFT_MINUTES', ...minutes });
  await send(caseId, 'li', { type: 'APPROVE_MINUTES', opinion: '纪要校对无误' });
  let c = await engine.case(caseId);
  expect(c.state).toBe('followUp');
  expect(
    (c.fields.resolutions as Array<{ id: string; deadlineAt: string }>).map((r) => [
      r.id,
      r.deadlineAt,
    ]),
  ).toEqual([
    ['r1', '2026-12-08T15:59:59.999Z'], // 5 working days after Tue 12-01: Tue 12-08, 23:59:59.999 CST
    ['r2', '2026-12-04T15:59:59.999Z'],
  ]);
  await send(caseId, 'zhou', { type: 'ARCHIVE', archiveCode: 'HY-2026-012' });
  await send(caseId, 'zhao', {
    type: 'REPORT_PROGRESS',
    resolutionId: 'r1',
    note: '正在征求各部门意见',
  });
  await expect(
    send(caseId, 'zhao', { type: 'COMPLETE_RESOLUTION', resolutionId: 'r2', result: 'x' }),
  ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
  clock.set(at('2026-12-03T10:00:00'));
  await send(caseId, 'zhao', {
    type: 'COMPLETE_RESOLUTION',
    resolutionId: 'r1',
    result: '方案已修改并印发',
  });

  // r2 runs past its deadline: the timer reminds; 督办 lists it as overdue
  clock.set(at('2026-12-05T09:00:00'));
  expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
  await deliver();
  expect(delivered.find((m) => m.title === '督办：报送农业项目资金需求')?.to).toEqual(['wang']);
  c = await engine.case(caseId);
  expect(c.assignments.map((a) => a.key).sort()).toEqual([
    'remind:1:resolution:r2',
    'resolution:r2',
  ]);
  expect(
    (await meetingSupervision({ store, unitId: 'demo', now: clock.now() })).map((i) => [
      i.resolutionId,
      i.status,
      i.reminderCount,
    ]),
  ).toEqual([
    ['r2', 'overdue', 1],
    ['r1', 'completed', 0],
  ]);
  clock.set(at('2026-12-07T16:00:00'));
  const closed = await send(caseId, 'feng', {
    type: 'COMPLETE_RESOLUTION',
    resolutionId: 'r2',
    result: '已报送资金需求表',
  });
  expect(closed).toMatchObject({ state: 'closed', status: 'done' });
  expect(await store.listTimers(caseId)).toEqual([]);

  const row = projectMeetingLedger(await engine.case(caseId), await engine.ledger(caseId));
  expect(row).toMatchObject({
    roomId: 'room-1',
    agenda: ['t2', 't1'],
    replyReminderCount: 1,
    signedIn: 5,
    outcome: 'closed',
  });
  expect(row.decisions.map((d) => [d.by, d.decision])).toEqual([
    ['zhang', 'returned'],
    ['zhang', 'approved'],
  ]);
  expect(row.minutesReturns).toHaveLength(1);
  expect(row.replies.find((r) => r.deputyId === 'qian')?.by).toBe('zhao');
  expect((await engine.verifyLedger(caseId)).ok).toBe(true);

  const stats = await meetingStatistics({
    store,
    unitId: 'demo',
    from: at('2026-12-01T00:00:00'),
    to: at('2027-01-01T00:00:00'),
    now: clock.now(),
  });
  expect(stats).toMatchObject({
    perMonth: [{ month: '2026-12', meetings: 2, held: 1 }],
    byType: { 专题会: 2 },
    byState: { closed: 1, cancelled: 1 },
    attendanceRate: 5 / 7,
    resolutions: { total: 2, open: 0, overdue: 0, completed: 2, completedLate: 1 },
  });
  return { caseId, bookingId: booking.id, engine };
}
