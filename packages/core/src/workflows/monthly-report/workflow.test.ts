import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { SAMPLE_ORG } from '../../testing/sample-org.ts';
import { departmentSummary } from './department-summary.ts';
import { projectMonthlyReportLedger } from './ledger-projection.ts';
import { monthlyReportHarness } from './testing-harness.ts';
import { canViewMonthlyReport } from './visibility.ts';

const HOUR = 3_600_000;
const code = (c: string) => expect.objectContaining({ code: c });

describe('工作月报: 拟稿 → 报送 → 退回 → 重新报送 → 登记 → 归档', () => {
  it('runs with the tasks, the header and the 流程台帐 at every step', async () => {
    const h = await monthlyReportHarness(createMemoryStore());
    const { caseId, state } = await h.draft('sun');
    expect(state).toBe('drafting');
    expect(await h.openKeys(caseId)).toEqual(['draft']);
    expect((await h.engine.case(caseId)).title).toBe('2026年11月工作月报');

    h.clock.advance(HOUR);
    await h.send(caseId, 'sun', { type: 'SUBMIT', problems: '个别单位报送滞后。' });
    expect(await h.openKeys(caseId)).toEqual(['register:1']);
    const atRegister = await h.engine.case(caseId);
    expect(atRegister.assignments[0]?.candidates.sort()).toEqual(['wang', 'zhou']);

    // 退回 needs a reason, and only the office may send it
    await expect(h.send(caseId, 'wang', { type: 'RETURN' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(h.send(caseId, 'qian', { type: 'RETURN', reason: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    h.clock.advance(HOUR);
    const r = await h.send(caseId, 'wang', { type: 'RETURN', reason: '请补充预算审核数据' });
    expect(r.state).toBe('returned');
    expect(await h.openKeys(caseId)).toEqual(['revise:1']);
    const outbox = await h.store.claimOutbox(h.clock.now(), 100, 't', new Date(Date.now() + HOUR));
    expect(outbox.map((o) => [o.title, o.body])).toContainEqual([
      '2026年11月工作月报被退回',
      '请补充预算审核数据',
    ]);

    h.clock.advance(HOUR);
    await h.send(caseId, 'sun', {
      type: 'RESUBMIT',
      note: '已补充',
      done: '审核项目42个，核减0.3亿元。',
    });
    expect(await h.openKeys(caseId)).toEqual(['register:2']);
    h.clock.advance(HOUR);
    await h.send(caseId, 'zhou', { type: 'REGISTER', note: '收悉' });
    expect(await h.openKeys(caseId)).toEqual(['archive']);
    h.clock.advance(HOUR);
    const done = await h.send(caseId, 'wang', { type: 'ARCHIVE' });
    expect(done.state).toBe('archived');
    expect(await h.openKeys(caseId)).toEqual([]);

    const c = await h.engine.case(caseId);
    expect(c.fields).toMatchObject({ month: '2026-11', departmentId: 'budget', round: 2 });
    expect(
      (c.snapshot as { context: { content: { done: string; problems: string } } }).context.content,
    ).toMatchObject({ done: '审核项目42个，核减0.3亿元。', problems: '个别单位报送滞后。' });
    const row = projectMonthlyReportLedger(c, await h.engine.ledger(caseId));
    expect(row).toMatchObject({
      month: '2026-11',
      departmentId: 'budget',
      author: 'sun',
      submissions: [{ note: null }, { note: '已补充' }],
      returns: [{ by: 'wang', reason: '请补充预算审核数据' }],
      registered: { by: 'zhou' },
      archived: { by: 'wang' },
    });
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });
});

describe('工作月报: one report per department and month', () => {
  it('refuses a second report of the same department and month, from anyone of it', async () => {
    const h = await monthlyReportHarness(createMemoryStore());
    await h.draft('sun');
    await expect(h.draft('sun')).rejects.toEqual(code('VALIDATION_FAILED'));
    await expect(h.draft('qian')).rejects.toEqual(code('VALIDATION_FAILED'));
    // another month of the department, and the same month of another department, stand
    await expect(h.draft('qian', { month: '2026-12' })).resolves.toMatchObject({
      state: 'drafting',
    });
    await expect(h.draft('zhao', { departmentId: 'finance' })).resolves.toMatchObject({
      state: 'drafting',
    });
  });

  it('a refused second report takes no number: the month stays refused, others stay free', async () => {
    const h = await monthlyReportHarness(createMemoryStore());
    await h.draft('sun');
    for (let i = 0; i < 3; i++)
      await expect(h.draft('sun')).rejects.toEqual(code('VALIDATION_FAILED'));
    const page = await h.store.listCases({
      unitId: 'demo',
      workflow: 'monthly-report',
      limit: 10,
      offset: 0,
    });
    expect(page.items).toHaveLength(1);
  });

  it('only for the drafter’s own department', async () => {
    const h = await monthlyReportHarness(createMemoryStore());
    await expect(h.draft('sun', { departmentId: 'finance' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.draft('sun', { month: '2026-13' })).rejects.toEqual(code('VALIDATION_FAILED'));
  });
});

describe('工作月报: 部门汇总 and who sees a report', () => {
  it('lists every department of the unit with where its report stands', () => {
    const departments = SAMPLE_ORG.departments.filter((d) => d.unitId === 'demo');
    const lines = departmentSummary(departments, [
      { id: 'c1', state: 'registered', fields: { departmentId: 'budget', submittedAt: 'T' } },
      { id: 'c2', state: 'returned', fields: { departmentId: 'finance', submittedAt: 'T' } },
      { id: 'c3', state: 'archived', fields: { departmentId: 'office' } },
      { id: 'c4', state: 'submitted', fields: { departmentId: 'gov' } },
    ]);
    expect(lines.map((l) => [l.departmentName, l.standing, l.caseId])).toEqual([
      ['县政府', 'submitted', 'c4'],
      ['县政府办公室', 'archived', 'c3'],
      ['秘书科', 'missing', null],
      ['县财政局', 'missing', 'c2'],
      ['预算股', 'registered', 'c1'],
    ]);
  });

  it('the department and the office see a report; other departments do not', () => {
    const user = (id: string) => SAMPLE_ORG.users.find((u) => u.id === id)!;
    const report = { unitId: 'demo', departmentId: 'budget', author: 'sun' };
    expect(
      ['sun', 'qian', 'wang', 'li', 'zhang'].map((id) => canViewMonthlyReport(user(id), report)),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['zhao', 'outsider', 'retired'].map((id) => canViewMonthlyReport(user(id), report)),
    ).toEqual([false, false, false]);
  });
});
