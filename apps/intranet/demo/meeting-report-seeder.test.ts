import {
  meetingAttendanceSheet,
  meetingSupervision,
  reportProgress,
  type WorkflowEngine,
} from '@gongwen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '~/server/testing/test-app';
import { meetingReportSeeder } from './meeting-report-seeder';
import { DEMO_UNIT_ID } from './org';
import { seedDemo } from './seed-demo';

let app: TestApp;
let engine: WorkflowEngine;

beforeAll(async () => {
  // Wednesday 11:00 in 示例县
  app = await createTestApp({ accounts: false, now: '2026-11-25T03:00:00Z' });
  engine = app.engine;
  const result = await seedDemo(app, { seeders: [meetingReportSeeder()] });
  expect(result.cases).toBe(10);
});
afterAll(() => app?.close());

describe('meeting and report demo seeder', () => {
  it('plays meetings in every stage through the engine, with rooms booked by the port', async () => {
    const state = async (id: string) => (await engine.case(id)).state;
    expect(await state('demo-meeting-1')).toBe('followUp');
    expect(await state('demo-meeting-2')).toBe('notified');
    expect(await state('demo-meeting-3')).toBe('approving');
    expect(await state('demo-meeting-4')).toBe('preparing');
    expect(await state('demo-meeting-5')).toBe('cancelled');
    const rooms = await app.roomBookings.listRooms(DEMO_UNIT_ID);
    expect(rooms.map((r) => r.name)).toContain('常务会议室');
    // the cancelled meeting gave its room back; the others hold theirs
    const held = await app.roomBookings.calendar(DEMO_UNIT_ID, {
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2027-06-01T00:00:00Z'),
    });
    expect(held.map((b) => b.meetingCaseId).sort()).toEqual([
      'demo-meeting-1',
      'demo-meeting-2',
      'demo-meeting-3',
    ]);
    const sheet = meetingAttendanceSheet(await engine.case('demo-meeting-1'));
    expect(sheet.present).toBeGreaterThan(0);
    expect(sheet.lines.some((l) => l.reply === 'delegate' && l.userId === 'yangfan')).toBe(true);
    const items = await meetingSupervision({
      store: app.store,
      unitId: DEMO_UNIT_ID,
      now: app.clock.now(),
    });
    expect(items.map((i) => i.status).sort()).toEqual(['completed', 'open', 'overdue']);
  });

  it('plays reports in every state', async () => {
    const p = async (id: string) => reportProgress(await engine.case(id));
    expect((await p('demo-report-1')).state).toBe('approved');
    const two = await p('demo-report-2');
    expect(two.state).toBe('approving');
    expect(two.round).toBe(2);
    expect(two.holders.map((h) => h.userId)).toEqual(['liuyang']);
    expect((await p('demo-report-3')).state).toBe('revising');
    expect((await p('demo-report-4')).state).toBe('rejected');
    expect((await p('demo-report-5')).holders).toHaveLength(2);
  });
});
