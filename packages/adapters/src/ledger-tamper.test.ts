import {
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  type Store,
  type WorkflowEngine,
} from '@gongwen/core';
import { approvalWorkflow, loadSampleOrg } from '@gongwen/core/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './schema.ts';
import { DIALECTS, openTestStore } from './testing/test-databases.ts';

/** Edits made straight in the database, behind the engine's back, must all be detected. */
for (const dialect of DIALECTS) {
  describe(`ledger tamper detection on ${dialect}`, () => {
    let store: Store & { kysely: Kysely<Database> };
    let engine: WorkflowEngine;
    let caseId: string;
    let n = 0;

    beforeAll(async () => {
      store = await openTestStore(dialect);
      await loadSampleOrg(store.directory);
      engine = createWorkflowEngine({
        store,
        directory: createStoreDirectory(store.directory),
        clock: manualClock('2026-11-25T01:00:00Z'),
        workflows: [approvalWorkflow],
      });
    });
    afterAll(() => store.close());

    beforeEach(async () => {
      const c = (type: string) => `${type}-${dialect}-${n++}`;
      ({ caseId } = await engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: c('start'),
        input: { title: '关于拨付防汛经费的请示', approvers: ['zhao', 'chen', 'zhang'] },
      }));
      for (const [actor, opinion] of [
        ['zhao', '同意，请陈副县长审批'],
        ['chen', '同意，请张县长审定'],
      ] as const) {
        await engine.send({
          caseId,
          actorId: actor,
          commandId: c('send'),
          event: { type: 'APPROVE', opinion },
        });
      }
      expect(await engine.verifyLedger(caseId)).toEqual({ ok: true, entries: 3, problems: [] });
    });

    const problems = async () =>
      (await engine.verifyLedger(caseId)).problems.map((p) => [p.seq, p.problem]);

    it('detects an edited opinion column', async () => {
      await sql`UPDATE ledger SET opinion = '不同意' WHERE case_id = ${caseId} AND seq = 2`.execute(
        store.kysely,
      );
      expect(await problems()).toEqual([[2, '记录字段与已签名内容不一致（已被修改）']]);
    });

    it('detects an edited actor, time or fields column', async () => {
      await sql`UPDATE ledger SET actor_id = 'zhang' WHERE case_id = ${caseId} AND seq = 3`.execute(
        store.kysely,
      );
      await sql`UPDATE ledger SET at = at + interval '1 day' WHERE case_id = ${caseId} AND seq = 2`.execute(
        store.kysely,
      );
      await sql`UPDATE ledger SET fields = '{"x":1}' WHERE case_id = ${caseId} AND seq = 1`.execute(
        store.kysely,
      );
      expect((await problems()).map((p) => p[0])).toEqual([1, 2, 3]);
    });

    it('detects a rewritten entry whose hash was recomputed without the chain', async () => {
      await sql`UPDATE ledger SET entry = replace(entry, '同意，请陈副县长审批', '不同意'),
        opinion = '不同意' WHERE case_id = ${caseId} AND seq = 2`.execute(store.kysely);
      const p = await problems();
      expect(p).toContainEqual([2, '记录内容与哈希不符（已被修改）']);
    });

    it('detects a deleted entry in the middle', async () => {
      await sql`DELETE FROM ledger WHERE case_id = ${caseId} AND seq = 2`.execute(store.kysely);
      const p = await problems();
      expect(p).toContainEqual([3, '第 2 条记录缺失或顺序被改动']);
      expect(p).toContainEqual([3, '与前一条记录的链接不符']);
    });

    it('detects the newest entry deleted', async () => {
      await sql`DELETE FROM ledger WHERE case_id = ${caseId} AND seq = 3`.execute(store.kysely);
      expect(await problems()).toEqual([
        [null, '台帐末尾与办件记录的链头不符（有记录被删除或追加）'],
      ]);
    });

    it('detects two entries swapped', async () => {
      await sql`UPDATE ledger SET seq = -1 WHERE case_id = ${caseId} AND seq = 2`.execute(
        store.kysely,
      );
      await sql`UPDATE ledger SET seq = 2 WHERE case_id = ${caseId} AND seq = 3`.execute(
        store.kysely,
      );
      await sql`UPDATE ledger SET seq = 3 WHERE case_id = ${caseId} AND seq = -1`.execute(
        store.kysely,
      );
      const p = await problems();
      // Row 2 now holds the entry signed as seq 3: its columns disagree with the signed
      // text and it does not link to entry 1.
      expect(p).toContainEqual([2, '与前一条记录的链接不符']);
      expect(p).toContainEqual([2, '记录字段与已签名内容不一致（已被修改）']);
      expect(p).toContainEqual([3, '记录字段与已签名内容不一致（已被修改）']);
    });

    it('keeps verifying after the case goes on', async () => {
      await engine.send({
        caseId,
        actorId: 'zhang',
        commandId: `last-${dialect}-${n++}`,
        event: { type: 'APPROVE', opinion: '同意' },
      });
      expect(await engine.verifyLedger(caseId)).toEqual({ ok: true, entries: 4, problems: [] });
    });
  });
}
