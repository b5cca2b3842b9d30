import {
  createMonthlyReportWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  departmentSummary,
  isGongwenError,
  MONTHLY_REPORT_WORKFLOW,
  manualClock,
  projectMonthlyReportLedger,
} from '@gongwen/core';
import { loadSampleOrg, SAMPLE_ORG } from '@gongwen/core/testing';
import { describe, expect, it } from 'vitest';
import { createCaseLists } from '../case-lists.ts';
import { DIALECTS, openTestStore } from '../testing/test-databases.ts';

const HOUR = 3_600_000;

const report = (overrides: Record<string, unknown> = {}) => ({
  month: '2026-11',
  departmentId: 'budget',
  done: '完成2027年部门预算初审。',
  problems: '个别单位编报不细。',
  plan: '12月完成复核。',
  ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`工作月报 on ${dialect}`, () => {
    it('拟稿 → 报送 → 退回 → 重新报送 → 登记 → 归档, with the 部门汇总 of the month', async () => {
      const store = await openTestStore(dialect);
      try {
        await loadSampleOrg(store.directory);
        const clock = manualClock('2026-11-28T01:00:00Z');
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock,
          workflows: [createMonthlyReportWorkflow()],
        });
        const send = (
          caseId: string,
          actorId: string,
          event: { type: string; [k: string]: unknown },
        ) => engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
        const start = (actorId: string, input: Record<string, unknown>) =>
          engine.start({
            workflow: MONTHLY_REPORT_WORKFLOW,
            actorId,
            commandId: crypto.randomUUID(),
            input,
          });

        const { caseId } = await start('sun', report());
        await start('zhao', report({ departmentId: 'finance' }));
        await send(caseId, 'sun', { type: 'SUBMIT' });
        clock.advance(HOUR);
        await send(caseId, 'wang', { type: 'RETURN', reason: '请补充数据' });
        clock.advance(HOUR);
        await send(caseId, 'sun', { type: 'RESUBMIT', note: '已补充' });
        await send(caseId, 'zhou', { type: 'REGISTER' });
        await send(caseId, 'wang', { type: 'ARCHIVE' });
        const c = await engine.case(caseId);
        expect(c.state).toBe('archived');
        expect(projectMonthlyReportLedger(c, await engine.ledger(caseId))).toMatchObject({
          submissions: [{ note: null }, { note: '已补充' }],
          returns: [{ by: 'wang', reason: '请补充数据' }],
          registered: { by: 'zhou' },
          archived: { by: 'wang' },
        });
        expect((await engine.verifyLedger(caseId)).ok).toBe(true);

        // the month's reports through the CaseLists port, filtered by the header's month
        const page = await createCaseLists(store.kysely).cases({
          unitId: 'demo',
          workflow: MONTHLY_REPORT_WORKFLOW,
          fields: { month: '2026-11' },
          columns: 'header',
          limit: 100,
        });
        expect(page.total).toBe(2);
        const lines = departmentSummary(
          SAMPLE_ORG.departments.filter((d) => d.unitId === 'demo'),
          page.items,
        );
        expect(lines.map((l) => [l.departmentId, l.standing])).toEqual([
          ['gov', 'missing'],
          ['office', 'missing'],
          ['secretariat', 'missing'],
          ['finance', 'missing'],
          ['budget', 'archived'],
        ]);
      } finally {
        await store.close();
      }
    });

    it('one report per department and month: of five drafts at once exactly one stands', async () => {
      const store = await openTestStore(dialect, { max: 6 });
      try {
        await loadSampleOrg(store.directory);
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock: manualClock('2026-11-28T01:00:00Z'),
          workflows: [createMonthlyReportWorkflow()],
        });
        const start = (actorId: string, input: Record<string, unknown>) =>
          engine.start({
            workflow: MONTHLY_REPORT_WORKFLOW,
            actorId,
            commandId: crypto.randomUUID(),
            input,
          });
        const outcomes = await Promise.allSettled(
          ['sun', 'qian', 'sun', 'qian', 'sun'].map((who) => start(who, report())),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected')
            expect(isGongwenError(o.reason) && o.reason.code).toBe('VALIDATION_FAILED');
        }
        // later too; another month of the department stands
        await expect(start('sun', report())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
        await expect(start('sun', report({ month: '2026-12' }))).resolves.toMatchObject({
          state: 'drafting',
        });
        const all = await store.listCases({
          unitId: 'demo',
          workflow: MONTHLY_REPORT_WORKFLOW,
          limit: 10,
          offset: 0,
        });
        expect(all.items.map((c) => c.fields.month).sort()).toEqual(['2026-11', '2026-12']);
      } finally {
        await store.close();
      }
    });
  });
}
