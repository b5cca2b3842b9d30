import {
  createReportWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  projectReportLedger,
  reportProgress,
  reportStatistics,
} from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';
import { describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore } from '../testing/test-databases.ts';

const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`报告审批 on ${dialect}`, () => {
    it('a parallel "all must approve" report with one return and a resubmission', async () => {
      const store = await openTestStore(dialect);
      try {
        await loadSampleOrg(store.directory);
        const clock = manualClock('2026-11-25T01:00:00Z');
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock,
          workflows: [createReportWorkflow()],
        });
        const send = (
          caseId: string,
          actorId: string,
          event: { type: string; [k: string]: unknown },
        ) => engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
        const from = clock.now();
        const { caseId } = await engine.start({
          workflow: 'report',
          actorId: 'sun',
          commandId: crypto.randomUUID(),
          input: {
            kind: '申请',
            title: '关于申请使用第一会议室召开预算培训会的申请',
            body: {
              blocks: [
                {
                  type: 'paragraph',
                  text: '拟于12月3日召开全县预算编制培训会，申请使用第一会议室。',
                },
              ],
            },
            approvers: ['qian', 'zhao', 'li'],
            mode: 'parallel',
            parallelRule: 'all',
          },
        });
        await send(caseId, 'sun', { type: 'SUBMIT' });
        clock.advance(HOUR);
        await send(caseId, 'qian', { type: 'APPROVE', opinion: '同意' });
        clock.advance(HOUR);
        await send(caseId, 'li', { type: 'RETURN', reason: '请写明参会人数' });
        expect((await engine.case(caseId)).state).toBe('revising');
        await expect(send(caseId, 'zhao', { type: 'APPROVE' })).rejects.toMatchObject({
          code: 'NOT_PERMITTED',
        });
        clock.advance(HOUR);
        const resubmittedAt = clock.now().toISOString();
        await send(caseId, 'sun', {
          type: 'RESUBMIT',
          note: '已写明参会人数60人',
          body: {
            blocks: [
              { type: 'paragraph', text: '拟于12月3日召开全县预算编制培训会，约60人参加。' },
            ],
          },
        });
        let p = reportProgress(await engine.case(caseId));
        expect(p.approvers.map((a) => [a.approverId, a.state, a.since])).toEqual([
          ['qian', 'approved', null],
          ['zhao', 'pending', resubmittedAt],
          ['li', 'pending', resubmittedAt],
        ]);
        clock.advance(HOUR);
        await send(caseId, 'zhao', { type: 'APPROVE' });
        clock.advance(HOUR);
        const last = await send(caseId, 'li', { type: 'APPROVE', opinion: '同意' });
        expect(last).toMatchObject({ state: 'approved', status: 'done' });
        p = reportProgress(await engine.case(caseId));
        expect(p.history.map((d) => [d.round, d.approver, d.decision])).toEqual([
          [1, 'qian', 'approved'],
          [1, 'li', 'returned'],
          [2, 'zhao', 'approved'],
          [2, 'li', 'approved'],
        ]);
        const row = projectReportLedger(await engine.case(caseId), await engine.ledger(caseId));
        expect(row).toMatchObject({ kind: '申请', returnCount: 1, outcome: 'approved' });
        expect(row.rounds).toHaveLength(2);
        expect((await engine.verifyLedger(caseId)).ok).toBe(true);
        const stats = await reportStatistics({
          store,
          unitId: 'demo',
          from,
          to: new Date(clock.now().getTime() + HOUR),
        });
        expect(stats).toMatchObject({
          total: 1,
          byStatus: { approved: 1 },
          averageApprovalHours: 5,
        });
      } finally {
        await store.close();
      }
    });
  });
}
