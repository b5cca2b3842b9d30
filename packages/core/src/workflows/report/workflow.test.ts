import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { projectReportLedger } from './ledger-projection.ts';
import { reportProgress } from './progress.ts';
import { reportStatistics } from './statistics.ts';
import { reportHarness } from './testing-harness.ts';

const HOUR = 3_600_000;
const code = (c: string) => expect.objectContaining({ code: c });

describe('报告审批 in parallel, all must approve: one return and a resubmission', () => {
  it('runs to 审批通过 with live progress at every step', async () => {
    const h = await reportHarness(createMemoryStore());
    const t0 = h.clock.now().toISOString();
    const { caseId, state } = await h.draft('sun', {
      approvers: ['qian', 'zhao', 'chen'],
      mode: 'parallel',
      parallelRule: 'all',
    });
    expect(state).toBe('drafting');
    expect(await h.openKeys(caseId)).toEqual(['draft']);
    expect(reportProgress(await h.engine.case(caseId)).holders).toEqual([
      { userId: 'sun', since: t0 },
    ]);

    h.clock.advance(HOUR);
    const t1 = h.clock.now().toISOString();
    await h.send(caseId, 'sun', { type: 'SUBMIT', note: '请审批' });
    expect(await h.openKeys(caseId)).toEqual([
      'approve:1:chen',
      'approve:1:qian',
      'approve:1:zhao',
    ]);

    h.clock.advance(HOUR);
    const t2 = h.clock.now().toISOString();
    await h.send(caseId, 'qian', { type: 'APPROVE', opinion: '同意，请赵局长审定' });
    let p = reportProgress(await h.engine.case(caseId));
    expect(p.approvers.map((a) => [a.approverId, a.state, a.since, a.at])).toEqual([
      ['qian', 'approved', null, t2],
      ['zhao', 'pending', t1, null],
      ['chen', 'pending', t1, null],
    ]);
    expect(p.holders).toEqual([
      { userId: 'zhao', since: t1 },
      { userId: 'chen', since: t1 },
    ]);

    // chen returns it: the other tasks close, the author revises
    h.clock.advance(HOUR);
    const t3 = h.clock.now().toISOString();
    await expect(h.send(caseId, 'chen', { type: 'RETURN' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    const r = await h.send(caseId, 'chen', { type: 'RETURN', reason: '请附上三家比价' });
    expect(r.state).toBe('revising');
    expect(await h.openKeys(caseId)).toEqual(['revise:1']);
    p = reportProgress(await h.engine.case(caseId));
    expect(p.stateLabel).toBe('退回修改');
    expect(p.holders).toEqual([{ userId: 'sun', since: t3 }]);
    expect(p.returned).toEqual({ by: 'chen', reason: '请附上三家比价', at: t3 });
    expect(p.approvers.map((a) => a.state)).toEqual(['approved', 'waiting', 'returned']);
    await expect(h.send(caseId, 'zhao', { type: 'APPROVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    const outbox = await h.store.claimOutbox(
      h.clock.now(),
      100,
      'test',
      new Date(Date.now() + HOUR),
    );
    expect(outbox.some((o) => o.title === '报告被退回：关于购置预算股办公设备的请示')).toBe(true);

    // the author revises; the round restarts from chen: qian's approval stands
    h.clock.advance(HOUR);
    const t4 = h.clock.now().toISOString();
    await h.send(caseId, 'sun', {
      type: 'RESUBMIT',
      note: '已附三家比价',
      attachments: [
        { blobId: 'blob-quote', name: '报价单.pdf' },
        { blobId: 'blob-compare', name: '比价表.xlsx' },
      ],
    });
    expect(await h.openKeys(caseId)).toEqual(['approve:2:chen', 'approve:2:zhao']);
    p = reportProgress(await h.engine.case(caseId));
    expect(p.round).toBe(2);
    expect(p.approvers.map((a) => [a.approverId, a.state, a.since])).toEqual([
      ['qian', 'approved', null],
      ['zhao', 'pending', t4],
      ['chen', 'pending', t4],
    ]);

    // zhao is away: li acts for him under a delegation; the ledger keeps both
    h.clock.advance(HOUR);
    await h.send(caseId, 'li', { type: 'APPROVE', opinion: '同意（代赵局长）' });
    h.clock.advance(HOUR);
    const t6 = h.clock.now().toISOString();
    const done = await h.send(caseId, 'chen', { type: 'APPROVE', opinion: '同意购置' });
    expect(done).toMatchObject({ state: 'approved', status: 'done' });
    p = reportProgress(await h.engine.case(caseId));
    expect(p.outcome).toBe('approved');
    expect(p.finishedAt).toBe(t6);
    expect(p.holders).toEqual([]);
    expect(p.approvers.find((a) => a.approverId === 'zhao')).toMatchObject({
      state: 'approved',
      actorId: 'li',
      onBehalfOf: 'zhao',
    });
    expect(p.history.map((d) => [d.round, d.approver, d.decision])).toEqual([
      [1, 'qian', 'approved'],
      [1, 'chen', 'returned'],
      [2, 'zhao', 'approved'],
      [2, 'chen', 'approved'],
    ]);

    const c = await h.engine.case(caseId);
    const row = projectReportLedger(c, await h.engine.ledger(caseId));
    expect(
      row.rounds.map((r) => [r.round, r.note, r.decisions.map((d) => [d.by, d.decision])]),
    ).toEqual([
      [
        1,
        '请审批',
        [
          ['qian', 'approved'],
          ['chen', 'returned'],
        ],
      ],
      [
        2,
        '已附三家比价',
        [
          ['zhao', 'approved'],
          ['chen', 'approved'],
        ],
      ],
    ]);
    expect(row).toMatchObject({ kind: '请示', author: 'sun', returnCount: 1, outcome: 'approved' });
    expect(row.rounds[1]!.decisions[0]).toMatchObject({ actorId: 'li', onBehalfOf: 'zhao' });
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    await expect(h.send(caseId, 'sun', { type: 'WITHDRAW' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });
});

describe('报告审批 in sequence', () => {
  it('goes one approver after another; a return restarts from the approver the author picks', async () => {
    const h = await reportHarness(createMemoryStore());
    const { caseId } = await h.draft('sun', { approvers: ['qian', 'zhao', 'chen'] });
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    expect(await h.openKeys(caseId)).toEqual(['approve:1:qian']);
    await expect(h.send(caseId, 'zhao', { type: 'APPROVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.openKeys(caseId)).toEqual(['approve:1:zhao']);
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    await h.send(caseId, 'chen', { type: 'RETURN', reason: '金额需重新核定' });
    // restart from zhao: qian's approval stands, zhao and chen act again
    await expect(
      h.send(caseId, 'sun', { type: 'RESUBMIT', restartFrom: 'wang' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '重新审批的起点须为审批人之一：wang',
    });
    await h.send(caseId, 'sun', { type: 'RESUBMIT', restartFrom: 'zhao', note: '金额已核减' });
    expect(await h.openKeys(caseId)).toEqual(['approve:2:zhao']);
    let p = reportProgress(await h.engine.case(caseId));
    expect(p.approvers.map((a) => a.state)).toEqual(['approved', 'pending', 'waiting']);
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    await h.send(caseId, 'chen', { type: 'RETURN', reason: '再议' });
    // by default the round restarts from whoever returned it
    await h.send(caseId, 'sun', { type: 'RESUBMIT', note: '已再次修改' });
    expect(await h.openKeys(caseId)).toEqual(['approve:3:chen']);
    // restartAll asks everyone again
    await h.send(caseId, 'chen', { type: 'RETURN', reason: '请重新走流程' });
    await h.send(caseId, 'sun', { type: 'RESUBMIT', restartAll: true, note: '重新报批' });
    expect(await h.openKeys(caseId)).toEqual(['approve:4:qian']);
    await h.send(caseId, 'qian', { type: 'REJECT', reason: '预算已用完，不予购置' });
    const c = await h.engine.case(caseId);
    expect(c).toMatchObject({ state: 'rejected', status: 'done' });
    p = reportProgress(c);
    expect(p.outcome).toBe('rejected');
    expect(p.approvers.map((a) => a.state)).toEqual(['rejected', 'waiting', 'waiting']);
  });

  it('any one of parallel approvers suffices when the report says so', async () => {
    const h = await reportHarness(createMemoryStore());
    const { caseId } = await h.draft('sun', {
      approvers: ['zhang', 'chen'],
      mode: 'parallel',
      parallelRule: 'any',
    });
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    const r = await h.send(caseId, 'chen', { type: 'APPROVE' });
    expect(r.state).toBe('approved');
    expect(reportProgress(await h.engine.case(caseId)).approvers.map((a) => a.state)).toEqual([
      'notNeeded',
      'approved',
    ]);
  });

  it('refuses unknown, inactive or foreign approvers and the author, writing nothing', async () => {
    const h = await reportHarness(createMemoryStore());
    const { caseId } = await h.draft('sun', { approvers: [] });
    const rev = (await h.engine.case(caseId)).rev;
    await expect(h.send(caseId, 'sun', { type: 'SUBMIT' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请选择审批人',
    });
    await expect(
      h.send(caseId, 'sun', {
        type: 'SUBMIT',
        approvers: ['qian', 'retired', 'outsider', 'nobody'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '审批人须为本单位在职人员：retired、outsider、nobody',
    });
    await expect(
      h.send(caseId, 'sun', { type: 'SUBMIT', approvers: ['qian', 'sun'] }),
    ).rejects.toMatchObject({ message: '拟稿人不能审批自己的报告' });
    await expect(
      h.send(caseId, 'sun', { type: 'SUBMIT', approvers: ['qian', 'qian'] }),
    ).rejects.toEqual(code('VALIDATION_FAILED'));
    await expect(h.send(caseId, 'qian', { type: 'SUBMIT', approvers: ['zhao'] })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    expect((await h.engine.case(caseId)).rev).toBe(rev);
    await h.send(caseId, 'sun', {
      type: 'SUBMIT',
      approvers: ['zhao'],
      title: '关于购置计算机的请示',
    });
    expect((await h.engine.case(caseId)).title).toBe('关于购置计算机的请示');
    await h.send(caseId, 'sun', { type: 'WITHDRAW', reason: '不再需要' });
    expect((await h.engine.case(caseId)).state).toBe('withdrawn');
  });
});

describe('报告审批 statistics', () => {
  it('counts by status and kind and averages approval and decision times', async () => {
    const h = await reportHarness(createMemoryStore());
    const from = h.clock.now();
    // A: approved after 3 h (sequence: qian 1 h, zhao 2 h)
    const a = (await h.draft('sun')).caseId;
    await h.send(a, 'sun', { type: 'SUBMIT' });
    h.clock.advance(HOUR);
    await h.send(a, 'qian', { type: 'APPROVE' });
    h.clock.advance(2 * HOUR);
    await h.send(a, 'zhao', { type: 'APPROVE' });
    // B: a 报告 returned after 4 h by qian, still with the author
    const b = (await h.draft('sun', { kind: '报告' })).caseId;
    await h.send(b, 'sun', { type: 'SUBMIT' });
    h.clock.advance(4 * HOUR);
    await h.send(b, 'qian', { type: 'RETURN', reason: '请修改' });
    // C: still a draft
    await h.draft('zhou', { kind: '申请', approvers: ['li'] });
    const s = await reportStatistics({
      store: h.store,
      unitId: 'demo',
      from,
      to: new Date(h.clock.now().getTime() + HOUR),
    });
    expect(s.total).toBe(3);
    expect(s.byStatus).toEqual({ approved: 1, revising: 1, drafting: 1 });
    expect(s.byKind).toEqual({ 请示: 1, 报告: 1, 申请: 1 });
    expect(s.averageApprovalHours).toBe(3);
    expect(s.averageDecisionHours).toBeCloseTo((1 + 2 + 4) / 3);
    expect(s.approvers).toEqual([
      { approverId: 'qian', decisions: 2, averageHours: 2.5 },
      { approverId: 'zhao', decisions: 1, averageHours: 2 },
    ]);
  });
});
