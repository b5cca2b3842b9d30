import { incomingStatistics } from '@gongwen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  driveIncomingScenario,
  driveOutgoingCase,
} from '~/server/services/ledger/testing-scenario';
import { batchedStatisticsStore } from '~/server/services/statistics/batched-store';
import { monthsOf } from '~/server/services/statistics/months';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ accounts: false });
  await driveIncomingScenario(app);
  await driveOutgoingCase(app); // drafted and signed on 2026-12-02
});
afterAll(async () => {
  await app?.close();
});

const period = {
  from: new Date('2026-10-01T00:00:00+08:00'),
  to: new Date('2026-12-01T00:00:00+08:00'),
};

describe('statistics.incoming', () => {
  it('counts received, handled, overdue, 办文率 and working days per department and month', async () => {
    const s = await callerFor(app, 'zhang').statistics.incoming(period);
    // A 办结 after 3 working days (Wed 11-25 → Mon 11-30), B past its deadline, C waiting
    expect(s.unit).toEqual({
      received: 3,
      handled: 1,
      inProgress: 2,
      overdue: 1,
      handlingRate: 1 / 3,
      averageWorkingDays: 3,
    });
    expect(s.departments).toEqual([
      {
        departmentId: 'office',
        name: '县政府办公室',
        received: 1,
        handled: 0,
        inProgress: 1,
        overdue: 1,
        handlingRate: 0,
        averageWorkingDays: null,
      },
      {
        departmentId: 'finance',
        name: '县财政局',
        received: 1,
        handled: 1,
        inProgress: 0,
        overdue: 0,
        handlingRate: 1,
        averageWorkingDays: 3,
      },
    ]);
    expect(s.months.map((m) => [m.month, m.unit.received, m.unit.handled, m.unit.overdue])).toEqual(
      [
        ['2026-10', 0, 0, 0],
        ['2026-11', 3, 1, 1],
      ],
    );
    expect(s.months[1]?.departments.map((d) => d.name)).toEqual(['县政府办公室', '县财政局']);
  });

  it('counts nothing outside the period', async () => {
    const s = await callerFor(app, 'zhou').statistics.incoming({
      from: new Date('2026-11-26T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
    });
    expect(s.unit.received).toBe(0);
    expect(s.unit.averageWorkingDays).toBeNull();
    expect(s.months.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
  });

  it('refuses staff and bad periods in Chinese', async () => {
    expect(await callerFor(app, 'sun').statistics.access()).toEqual({ allowed: false });
    expect(await callerFor(app, 'li').statistics.access()).toEqual({ allowed: true });
    await expect(callerFor(app, 'sun').statistics.incoming(period)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '统计分析仅对领导、办公室主任和文秘开放',
    });
    await expect(
      callerFor(app, 'zhang').statistics.incoming({ from: period.to, to: period.from }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('结束日期须晚于开始日期'),
    });
    await expect(
      callerFor(app, 'zhang').statistics.outgoing({
        from: new Date('2020-01-01T00:00:00+08:00'),
        to: new Date('2026-01-01T00:00:00+08:00'),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('统计区间最长 24 个月'),
    });
  });
});

describe('statistics.outgoing', () => {
  it('counts drafted and signed 发文 per 文种 and 拟稿单位', async () => {
    const s = await callerFor(app, 'zhang').statistics.outgoing({
      from: new Date('2026-12-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
    });
    const counts = {
      drafted: 1,
      signed: 1,
      issued: 0,
      rejected: 0,
      cancelled: 0,
      inProgress: 1,
      averageWorkingDays: null,
    };
    expect(s.unit).toEqual(counts);
    expect(s.docTypes).toEqual([{ docType: '通知', ...counts }]);
    expect(s.departments).toEqual([{ departmentId: 'budget', name: '预算股', ...counts }]);
    expect(s.months).toEqual([{ month: '2026-12', unit: counts }]);
  });

  it('reports the period per month with the unit numbers', async () => {
    const s = await callerFor(app, 'zhang').statistics.outgoing(period);
    expect(s.months.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    expect(s.unit.drafted).toBe(s.months.reduce((a, m) => a + m.unit.drafted, 0));
  });
});

describe('batchedStatisticsStore', () => {
  it('gives incomingStatistics the same numbers as the plain store', async () => {
    const args = { calendar: app.calendar, unitId: 'demo', now: app.clock.now(), ...period };
    const plain = await incomingStatistics({ ...args, store: app.store });
    const batched = await incomingStatistics({ ...args, store: batchedStatisticsStore(app) });
    expect(plain.unit.received).toBe(3);
    expect(batched).toEqual(plain);
  });
});

describe('monthsOf', () => {
  it('splits a period into Beijing calendar months, clipped to the period', () => {
    const m = monthsOf(
      new Date('2026-11-15T00:00:00+08:00'),
      new Date('2027-01-10T00:00:00+08:00'),
    );
    expect(m.map((x) => x.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(m[0]?.from).toEqual(new Date('2026-11-15T00:00:00+08:00'));
    expect(m[1]?.from).toEqual(new Date('2026-12-01T00:00:00+08:00'));
    expect(m[2]?.to).toEqual(new Date('2027-01-10T00:00:00+08:00'));
  });
});
