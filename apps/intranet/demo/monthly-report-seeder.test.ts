import { departmentSummary, MONTHLY_REPORT_WORKFLOW } from '@gongwen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '~/server/testing/test-app';
import { monthlyReportSeeder } from './monthly-report-seeder';
import { DEMO_UNIT_ID } from './org';
import { seedDemo } from './seed-demo';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ accounts: false, now: '2026-11-25T03:00:00Z' });
  const result = await seedDemo(app, { seeders: [monthlyReportSeeder()] });
  expect(result.cases).toBe(10);
});
afterAll(() => app?.close());

describe('工作月报 demo seeder', () => {
  it('files the month before last and leaves last month at every step', async () => {
    const cases = await app.store.listCases({
      unitId: DEMO_UNIT_ID,
      workflow: MONTHLY_REPORT_WORKFLOW,
      limit: 100,
      offset: 0,
    });
    const month = (m: string) => cases.items.filter((c) => c.fields.month === m);
    expect(month('2026-09').map((c) => c.state)).toEqual(Array(5).fill('archived'));
    const lines = departmentSummary(
      await app.directory.listDepartments(DEMO_UNIT_ID),
      month('2026-10'),
    );
    const standing = Object.fromEntries(lines.map((l) => [l.departmentId, l.standing]));
    expect(standing).toMatchObject({
      finance: 'archived',
      education: 'registered',
      health: 'submitted',
      transport: 'missing',
      drc: 'missing',
      general: 'missing',
    });
    expect((await app.engine.case('demo-monthly-transport-2026-10')).state).toBe('returned');
  });
});
