import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;

const draft = (overrides: Record<string, unknown> = {}) => ({
  month: '2026-11',
  departmentId: 'budget',
  done: '完成2027年部门预算初审，审核项目42个。',
  problems: '部分单位预算编报不够细化。',
  plan: '12月完成预算批复前的复核。',
  attachments: [],
  ...overrides,
});

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

describe('monthlyReport router', () => {
  it('refuses bad input, another department and a second report of the month, in Chinese', async () => {
    const sun = callerFor(app, 'sun');
    await expect(
      sun.monthlyReport.create({
        commandId: randomUUID(),
        draft: draft({ done: ' ' }),
        submit: true,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写本月工作完成情况'),
    });
    await expect(
      sun.monthlyReport.create({
        commandId: randomUUID(),
        draft: draft({ month: '2026-13' }),
        submit: true,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('月份格式') });
    await expect(
      sun.monthlyReport.create({
        commandId: randomUUID(),
        draft: draft({ departmentId: 'finance' }),
        submit: true,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: '只能为本部门拟写工作月报' });

    const first = await sun.monthlyReport.create({
      commandId: randomUUID(),
      draft: draft(),
      submit: false,
    });
    expect(first.state).toBe('drafting');
    await expect(
      callerFor(app, 'qian').monthlyReport.create({
        commandId: randomUUID(),
        draft: draft(),
        submit: true,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '本部门2026年11月的工作月报已存在，请在原月报上修改',
    });
  });

  it('报送 → 退回 → 重新报送 → 登记 → 归档, with the list, the page and the 部门汇总', async () => {
    const zhao = callerFor(app, 'zhao');
    const wang = callerFor(app, 'wang');
    const { caseId, state } = await zhao.monthlyReport.create({
      commandId: randomUUID(),
      draft: draft({ departmentId: 'finance', month: '2026-10' }),
      submit: true,
    });
    expect(state).toBe('submitted');

    // another department sees neither the page nor the line; the secretariat sees both
    const sun = callerFor(app, 'sun');
    await expect(sun.monthlyReport.get({ caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await sun.monthlyReport.list({ month: '2026-10' })).total).toBe(0);
    const listed = await wang.monthlyReport.list({ month: '2026-10', state: 'submitted' });
    expect(listed.items.map((l) => [l.departmentName, l.stateLabel])).toEqual([
      ['县财政局', '待登记'],
    ]);
    expect(
      (await wang.monthlyReport.list({ departmentId: 'budget', month: '2026-10' })).total,
    ).toBe(0);

    // only the office registers or returns
    await expect(
      zhao.monthlyReport.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'REGISTER', payload: {} },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      wang.monthlyReport.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'RETURN', payload: { reason: '' } },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写退回理由'),
    });
    await wang.monthlyReport.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'RETURN', payload: { reason: '请补充存在问题' } },
    });
    const returned = await zhao.monthlyReport.get({ caseId });
    expect(returned.returned).toMatchObject({ reason: '请补充存在问题', byName: '王秘书' });
    expect(returned.actions.map((a) => a.type)).toEqual(['RESUBMIT']);

    await zhao.monthlyReport.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'RESUBMIT', payload: { problems: '个别单位报送滞后。', note: '已补充' } },
    });
    await wang.monthlyReport.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REGISTER', payload: {} },
    });
    let summary = await wang.monthlyReport.summary({ month: '2026-10' });
    expect(summary.find((l) => l.departmentId === 'finance')).toMatchObject({
      standing: 'registered',
      standingLabel: '已登记',
      caseId,
    });
    expect(summary.find((l) => l.departmentId === 'budget')?.standingLabel).toBe('未报');
    await wang.monthlyReport.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'ARCHIVE', payload: {} },
    });
    summary = await callerFor(app, 'zhang').monthlyReport.summary({ month: '2026-10' });
    expect(summary.find((l) => l.departmentId === 'finance')?.standingLabel).toBe('已归档');

    const page = await zhao.monthlyReport.get({ caseId });
    expect(page.title).toBe('县财政局2026年10月工作月报');
    expect(page.content.problems).toBe('个别单位报送滞后。');
    expect(page.timeline.map((s) => s.label)).toEqual([
      '拟稿',
      '报送',
      '退回',
      '重新报送',
      '登记',
      '归档',
    ]);

    // the 部门汇总 is for leaders and the office only
    await expect(zhao.monthlyReport.summary({ month: '2026-10' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
