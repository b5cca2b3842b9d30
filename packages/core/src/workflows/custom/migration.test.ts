import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { publishFlowVersion } from './migration.ts';
import { MIGRATION_V1, runMigrationScenario } from './migration-scenario.ts';

describe('custom-flow versions and migration (memory store)', () => {
  it('publishing freezes a numbered version; running cases stay on theirs', async () => {
    const at = new Date('2026-11-25T01:00:00Z');
    const p1 = publishFlowVersion([], MIGRATION_V1, { actorId: 'gao', at });
    const p2 = publishFlowVersion([p1], MIGRATION_V1, { actorId: 'gao', at });
    expect([p1.version, p2.version]).toEqual([1, 2]);
    expect(Object.isFrozen(p1.definition.nodes[0])).toBe(true);
    expect(() => {
      (p1.definition.nodes as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() =>
      publishFlowVersion([], { ...MIGRATION_V1, nodes: [] }, { actorId: 'gao', at }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('dry run lists every case; apply moves the mapped ones with a ledger entry each', async () => {
    const s = await runMigrationScenario(createMemoryStore());
    const byCase = new Map(s.plan.items.map((i) => [i.caseId, i]));
    expect(s.plan.items).toHaveLength(5);
    expect(byCase.get(s.ids.atStart)).toMatchObject({ action: 'move', toNode: 'start' });
    expect(byCase.get(s.ids.atDept)).toMatchObject({
      action: 'move',
      toNode: 'head',
      reason: '从“部门审核”移至“部门负责人审批”，改按版本2办理',
    });
    expect(byCase.get(s.ids.atOffice)).toMatchObject({
      action: 'unmapped',
      reason: '节点“办公室审核”在版本2中已删除且未指定对应节点，办件留在版本1',
    });
    expect(byCase.get(s.ids.atLeader)).toMatchObject({ action: 'move', toNode: 'leader' });
    expect(byCase.get(s.ids.finished)).toMatchObject({ action: 'skip' });
    expect((await s.engine.case(s.fresh.caseId)).workflowVersion).toBe(2);

    expect(s.result.migrated.sort()).toEqual([s.ids.atStart, s.ids.atDept, s.ids.atLeader].sort());
    expect(s.result.skipped).toEqual([
      { caseId: s.ids.atOffice, reason: expect.stringContaining('已删除') },
    ]);
    expect(s.again.migrated).toEqual([]);

    const dept = await s.engine.case(s.ids.atDept);
    expect(dept).toMatchObject({ workflowVersion: 2, state: 'n_head', rev: 3 });
    expect(dept.assignments.map((a) => [a.label, a.candidates])).toEqual([
      ['部门负责人审批', ['qian']],
    ]);
    const last = (await s.engine.ledger(s.ids.atDept)).at(-1)!;
    expect(last).toMatchObject({
      event: '$migrate',
      actorId: 'gao',
      fromState: 'n_dept',
      toState: 'n_head',
      opinion: '流程调整：取消办公室审核，增加人事复核',
      fields: { fromVersion: 1, toVersion: 2, fromNode: 'dept', toNode: 'head' },
    });
    for (const id of Object.values(s.ids)) expect((await s.engine.verifyLedger(id)).ok).toBe(true);
    const closed = (await s.engine.tasks(s.ids.atDept)).find((t) => t.doneEvent === '$migrate');
    expect(closed).toMatchObject({ label: '部门审核', doneBy: null });

    // the migrated case runs on v2: through the new 人事复核 (with its deadline timer) to the end
    await s.send(s.ids.atDept, 'qian', 'APPROVE');
    expect((await s.engine.case(s.ids.atDept)).state).toBe('n_hr');
    expect((await s.store.listTimers(s.ids.atDept)).map((t) => t.sendId)).toEqual([
      'flow-deadline',
    ]);
    await s.send(s.ids.atDept, 'zhou', 'APPROVE');
    const done = await s.send(s.ids.atDept, 'chen', 'APPROVE');
    expect(done).toMatchObject({ status: 'done', state: 'f_end' });
    // the unmapped case carries on under v1
    expect((await s.engine.case(s.ids.atOffice)).workflowVersion).toBe(1);
    await s.send(s.ids.atOffice, 'li', 'APPROVE');
    expect((await s.engine.case(s.ids.atOffice)).state).toBe('n_leader');
    // the one moved at 填写 submits into v2's graph
    await s.send(s.ids.atStart, 'sun', 'SUBMIT');
    expect((await s.engine.case(s.ids.atStart)).state).toBe('n_head');
  });
});
