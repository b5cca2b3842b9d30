import {
  createChineseCalendar,
  createPetitionWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  type PetitionContext,
  petitionStatistics,
  projectPetitionLedger,
} from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';
import { describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore } from '../testing/test-databases.ts';

for (const dialect of DIALECTS) {
  describe(`信访 on ${dialect}`, () => {
    it('来访 → 受理 → 交办 → 答复 → 不满意 → 复查 → 复核 → 终结, gapless 信访编号, verified ledger', async () => {
      const store = await openTestStore(dialect);
      try {
        await loadSampleOrg(store.directory);
        await store.directory.putUser({
          id: 'xin',
          unitId: 'demo',
          departmentId: 'office',
          name: '辛科长',
          roles: ['petitionClerk'],
          superiorId: 'li',
          active: true,
        });
        const clock = manualClock('2026-12-01T02:00:00Z');
        const calendar = createChineseCalendar();
        const engine = createWorkflowEngine({
          store,
          directory: createStoreDirectory(store.directory),
          clock,
          calendar,
          workflows: [createPetitionWorkflow({ calendar, serialPrefix: '示信' })],
        });
        const send = (
          caseId: string,
          actorId: string,
          event: { type: string; [k: string]: unknown },
        ) => engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
        const visit = {
          channel: 'visit',
          visitors: [
            { name: '王建民', idNumber: '330102197805061234', phone: '13812345678' },
            { name: '王建国', phone: '13900001111' },
          ],
          headcount: 2,
          visitedAt: '2026-12-01T02:00:00Z',
          receptionPlace: '县信访接待大厅',
          receptionist: 'xin',
          summary: '反映旧城改造拆迁补偿款未足额发放。',
          locality: '城关镇',
          category: '征地拆迁',
        };
        // a refused registration gives its number back: numbers stay gapless
        await expect(
          engine.start({
            workflow: 'petition',
            actorId: 'xin',
            commandId: crypto.randomUUID(),
            input: { ...visit, receptionist: 'outsider' },
          }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
        const { caseId } = await engine.start({
          workflow: 'petition',
          actorId: 'xin',
          commandId: crypto.randomUUID(),
          input: visit,
        });
        expect((await engine.case(caseId)).fields.serialNo).toBe('示信〔2026〕1号');
        await send(caseId, 'xin', { type: 'ACCEPT' });
        await send(caseId, 'xin', { type: 'ASSIGN', departmentId: 'finance' });
        await send(caseId, 'zhao', { type: 'ASSIGN_HANDLER', handlerId: 'sun' });
        const timers = await store.listTimers(caseId);
        // 60 days from 2026-12-01: Saturday 2027-01-30 → Monday 2027-02-01; the reminder three days before
        expect(timers.map((t) => [t.sendId, t.dueAt.toISOString()]).sort()).toEqual([
          ['petition-deadline-near', '2027-01-29T15:59:59.999Z'],
          ['petition-deadline-passed', '2027-02-01T15:59:59.999Z'],
        ]);
        clock.set('2026-12-08T02:00:00Z');
        await send(caseId, 'sun', { type: 'SUBMIT_REPLY', opinion: '补偿款已补发到位。' });
        await send(caseId, 'zhao', {
          type: 'APPROVE_REPLY',
          deliveredOn: '2026-12-08',
          method: '当面送达',
        });
        await send(caseId, 'xin', { type: 'RECORD_SATISFACTION', rating: '不满意' });
        await send(caseId, 'xin', {
          type: 'REQUEST_REVIEW',
          requestedOn: '2026-12-08',
          reviewBody: '示例县人民政府',
          reviewerId: 'li',
        });
        await send(caseId, 'li', {
          type: 'GIVE_REVIEW_OPINION',
          outcome: '维持',
          opinion: '维持原处理意见。',
          deliveredOn: '2026-12-08',
        });
        await send(caseId, 'xin', {
          type: 'REQUEST_RECHECK',
          requestedOn: '2026-12-08',
          reviewBody: '市人民政府',
          reviewerId: 'zhang',
        });
        await send(caseId, 'zhang', {
          type: 'GIVE_RECHECK_OPINION',
          outcome: '维持',
          opinion: '复核维持，终结。',
          deliveredOn: '2026-12-08',
        });
        const c = await engine.case(caseId);
        expect(c).toMatchObject({ state: 'concluded', fields: { outcome: 'terminated' } });
        expect(await store.listTimers(caseId)).toEqual([]);
        expect((await engine.verifyLedger(caseId)).ok).toBe(true);
        const row = projectPetitionLedger(c, await engine.ledger(caseId));
        expect(row).toMatchObject({
          serialNo: '示信〔2026〕1号',
          decision: { kind: '受理' },
          satisfaction: '不满意',
          review: { outcome: '维持' },
          recheck: { outcome: '维持' },
        });
        const stats = petitionStatistics([(c.snapshot as { context: PetitionContext }).context]);
        expect(stats).toMatchObject({ total: 1, answered: 1, onTimeRate: 1, satisfactionRate: 0 });
        const second = await engine.start({
          workflow: 'petition',
          actorId: 'xin',
          commandId: crypto.randomUUID(),
          input: visit,
        });
        expect((await engine.case(second.caseId)).fields.serialNo).toBe('示信〔2026〕2号');
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}
