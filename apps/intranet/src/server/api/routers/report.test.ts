import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportContextOf, takesPartInReport } from '~/server/services/report/access';
import { caseCount } from '~/server/testing/router-helpers';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;

const draft = (overrides: Record<string, unknown> = {}) => ({
  kind: '请示' as const,
  title: '关于购置预算股办公设备的请示',
  body: {
    blocks: [
      { type: 'paragraph' as const, text: '因工作需要，拟购置台式计算机2台。妥否，请批示。' },
    ],
  },
  attachments: [],
  approvers: ['qian', 'zhao'],
  mode: 'parallel' as const,
  parallelRule: 'all' as const,
  ...overrides,
});

const reportCount = () => caseCount(app, 'report');

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

describe('report router', () => {
  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const sun = callerFor(app, 'sun');
    await expect(
      sun.report.create({ commandId: randomUUID(), draft: draft({ title: '  ' }), submit: true }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写标题'),
    });
    await expect(
      sun.report.create({
        commandId: randomUUID(),
        draft: draft({ approvers: ['sun', 'qian'] }),
        submit: true,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('拟稿人不能审批自己的报告'),
    });
    await expect(
      sun.report.create({ commandId: randomUUID(), draft: draft({ approvers: [] }), submit: true }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请选择审批人'),
    });
    expect(await reportCount()).toBe(0);
  });

  it('runs a parallel all-must-approve report with a return and a resubmission', async () => {
    const sun = callerFor(app, 'sun');
    const { caseId, state } = await sun.report.create({
      commandId: randomUUID(),
      draft: draft(),
      submit: true,
    });
    expect(state).toBe('approving');
    let p = (await sun.report.get({ caseId })).progress;
    expect(p.holders.map((h) => h.userId).sort()).toEqual(['qian', 'zhao']);

    // someone who is no approver cannot act, nor even see it
    await expect(
      callerFor(app, 'chen').report.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'APPROVE', payload: {} },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: '无权访问：您与该报告无关，不能查看' });
    // the author cannot approve their own report
    const before = (await app.engine.ledger(caseId)).length;
    await expect(
      sun.report.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'APPROVE', payload: {} },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // a return needs a reason
    await expect(
      callerFor(app, 'zhao').report.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'RETURN', payload: { reason: '' } },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写退回理由'),
    });
    expect((await app.engine.ledger(caseId)).length).toBe(before);

    await callerFor(app, 'qian').report.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'APPROVE', payload: { opinion: '同意' } },
    });
    p = (await sun.report.get({ caseId })).progress;
    expect(p.approvers.map((a) => [a.approverId, a.state])).toEqual([
      ['qian', 'approved'],
      ['zhao', 'pending'],
    ]);
    await callerFor(app, 'zhao').report.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'RETURN', payload: { reason: '请附上三家比价' } },
    });
    p = (await sun.report.get({ caseId })).progress;
    expect(p.state).toBe('revising');
    expect(p.returned).toMatchObject({ by: 'zhao', reason: '请附上三家比价' });

    // an approver cannot act while it is with the author
    await expect(
      callerFor(app, 'zhao').report.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'APPROVE', payload: {} },
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|BAD_REQUEST/) });

    await sun.report.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'RESUBMIT', payload: { note: '已附比价', restartAll: false } },
    });
    p = (await sun.report.get({ caseId })).progress;
    expect(p.round).toBe(2);
    expect(p.holders.map((h) => h.userId)).toEqual(['zhao']);
    await callerFor(app, 'zhao').report.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'APPROVE', payload: { opinion: '同意购置' } },
    });
    const page = await sun.report.get({ caseId });
    expect(page.progress.state).toBe('approved');
    expect(page.actions).toEqual([]);
  });

  it('in sequence only the approver whose turn it is may act', async () => {
    const sun = callerFor(app, 'sun');
    const { caseId } = await sun.report.create({
      commandId: randomUUID(),
      draft: draft({ mode: 'sequence', title: '关于2026年度预算执行情况的报告', kind: '报告' }),
      submit: true,
    });
    const before = (await app.engine.ledger(caseId)).length;
    await expect(
      callerFor(app, 'zhao').report.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'APPROVE', payload: {} },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await app.engine.ledger(caseId)).length).toBe(before);
    expect(
      (await callerFor(app, 'zhao').report.list({ scope: 'toApprove' })).items.map((r) => r.id),
    ).not.toContain(caseId);
    expect(
      (await callerFor(app, 'qian').report.list({ scope: 'toApprove' })).items.map((r) => r.id),
    ).toContain(caseId);
  });

  it('keeps statistics to leaders, the office director and the secretariat', async () => {
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    await expect(callerFor(app, 'sun').report.statistics(period)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const s = await callerFor(app, 'li').report.statistics(period);
    expect(s.total).toBe(2);
    expect(s.byStatus).toMatchObject({ approved: 1, approving: 1 });
  });
  it('lists exactly the reports a user takes part in or must act on, page by page, newest first', async () => {
    const all = (
      await app.store.listCases({ unitId: 'demo', workflow: 'report', limit: 500, offset: 0 })
    ).items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const users = (await app.store.directory.listUsers({ unitId: 'demo' })).filter((u) => u.active);
    for (const u of users) {
      const inbox = await app.engine.inbox({ actorId: u.id, workflow: 'report', limit: 200 });
      const open = new Set(inbox.items.map((i) => i.task.caseId));
      const expected = {
        all: [] as string[],
        mine: [] as string[],
        toApprove: [] as string[],
      };
      for (const c of all) {
        const ctx = reportContextOf(c);
        if (takesPartInReport(u.id, ctx) || open.has(c.id)) expected.all.push(c.id);
        if (ctx.author === u.id) expected.mine.push(c.id);
        if (ctx.author !== u.id && open.has(c.id)) expected.toApprove.push(c.id);
      }
      for (const scope of ['all', 'mine', 'toApprove'] as const) {
        const seen: Array<{ id: string; createdAt: string; mine: boolean }> = [];
        let cursor: string | null = null;
        for (let i = 0; i < 20; i++) {
          const page: Awaited<ReturnType<ReturnType<typeof callerFor>['report']['list']>> =
            await callerFor(app, u.id).report.list({ scope, limit: 1, cursor });
          expect(page.total, `${u.id} ${scope}`).toBe(expected[scope].length);
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (cursor === null) break;
        }
        expect(seen.map((l) => l.id).sort(), `${u.id} ${scope}`).toEqual(expected[scope].sort());
        for (const l of seen) expect(l.mine, l.id).toBe(open.has(l.id));
        const at = seen.map((l) => Date.parse(l.createdAt));
        expect(at).toEqual([...at].sort((a, b) => b - a));
      }
    }
  });
});
