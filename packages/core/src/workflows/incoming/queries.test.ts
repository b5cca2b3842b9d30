import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { visibleDownwardFlow as visibleIncomingFlow } from '../shared/department-visibility.ts';
import { incomingFlowStatistics } from './flow-statistics.ts';
import { projectIncomingLedger } from './ledger-projection.ts';
import { incomingStatistics } from './statistics.ts';
import { incomingHarness, STANDARD_PROPOSAL } from './testing-harness.ts';

const HOUR = 3_600_000;

/** A case with a changed review, a withdrawn and a returned step, hand-down, reading and archive. */
async function busyCase() {
  const h = await incomingHarness(createMemoryStore());
  const { caseId } = await h.register('zhou');
  h.clock.advance(HOUR);
  await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
  h.clock.advance(HOUR);
  await h.send(caseId, 'li', {
    type: 'REVIEW',
    decision: 'change',
    opinion: '改为同时批示',
    proposal: { ...STANDARD_PROPOSAL, type: undefined, leaderMode: 'parallel' },
  });
  h.clock.advance(HOUR);
  await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '初步意见' });
  await h.send(caseId, 'zhang', { type: 'WITHDRAW' });
  await h.send(caseId, 'chen', { type: 'RETURN', reason: '请补充材料' });
  h.clock.advance(HOUR);
  await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, opinion: '补充后再拟' });
  await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept', opinion: '同意' });
  h.clock.advance(HOUR);
  await h.send(caseId, 'xu', { type: 'INSTRUCT', opinion: '请财政局牵头' });
  await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
  const tasks = await h.engine.tasks(caseId);
  const assign = tasks.find((t) => t.key === 'handle:finance:0:assign')!;
  h.clock.advance(HOUR);
  await h.engine.openTask({ caseId, taskId: assign.id, actorId: 'zhao' });
  h.clock.advance(HOUR);
  await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
  await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
  await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '初稿' });
  await h.send(caseId, 'sun', { type: 'WITHDRAW', departmentId: 'finance' });
  await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '定稿' });
  await h.send(caseId, 'wang', { type: 'REMIND', note: '请尽快' });
  await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
  await h.send(caseId, 'feng', { type: 'PICK_READERS', departmentId: 'agri', readers: ['tang'] });
  await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
  await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: '配合' });
  h.clock.advance(HOUR);
  await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
  h.clock.advance(HOUR);
  await h.send(caseId, 'wang', { type: 'ARCHIVE' });
  return { h, caseId };
}

describe('流程台帐 projection', () => {
  it('shows the columns of the case in force, with withdrawn and returned steps resolved', async () => {
    const { h, caseId } = await busyCase();
    const c = await h.engine.case(caseId);
    const ledger = await h.engine.ledger(caseId);
    const row = projectIncomingLedger(c, ledger);
    const t0 = Date.parse('2026-11-25T01:00:00Z');
    expect(row).toMatchObject({
      serialNo: '收〔2026〕0001',
      title: '关于做好2027年度预算编制工作的通知',
      senderUnit: '市财政局',
      signedAt: new Date(t0),
      signedBy: 'zhou',
      proposal: { by: 'zhou', opinion: '补充后再拟', at: new Date(t0 + 4 * HOUR) },
      review: { by: 'li', decision: 'accept', opinion: '同意' },
      reminderCount: 1,
      completedAt: new Date(t0 + 8 * HOUR),
      archivedAt: new Date(t0 + 9 * HOUR),
    });
    expect(row.instructions).toEqual([
      expect.objectContaining({
        by: 'zhang',
        actorId: 'xu',
        onBehalfOf: 'zhang',
        opinion: '请财政局牵头',
      }),
      expect.objectContaining({ by: 'chen', actorId: 'chen', onBehalfOf: null, opinion: '同意' }),
    ]);
    expect(row.returns).toEqual([
      expect.objectContaining({ by: 'chen', opinion: '请补充材料', fromState: 'open.instructing' }),
    ]);
    expect(row.handling).toEqual([
      expect.objectContaining({
        departmentId: 'finance',
        role: 'main',
        handler: 'sun',
        handlers: ['qian', 'sun'],
        result: '定稿',
      }),
      expect.objectContaining({
        departmentId: 'education',
        role: 'assist',
        handler: 'lu',
        result: '配合',
      }),
    ]);
    expect(row.readers).toEqual([
      { departmentId: 'agri', userId: 'feng', readAt: expect.any(Date) },
      { departmentId: 'agri', userId: 'tang', readAt: null },
    ]);
    // both versions of the proposal are in the ledger
    const first = ledger.find((e) => e.event === 'PROPOSE')!;
    const change = ledger.find((e) => e.event === 'REVIEW')!;
    expect(first.fields.leaderMode).toBe('sequence');
    expect(change.fields).toMatchObject({
      decision: 'change',
      proposal: { leaderMode: 'parallel' },
    });
  });
});

describe('流程统计', () => {
  it('lists each node with 定义处理人, 实际处理人, 签收时间 and 处理时间', async () => {
    const { h, caseId } = await busyCase();
    const lines = incomingFlowStatistics(await h.engine.tasks(caseId), h.clock.now());
    const instruct = lines.filter((l) => l.key === 'instruct:2:zhang');
    expect(instruct).toEqual([
      expect.objectContaining({
        node: '批示',
        definedHandlers: ['zhang'],
        actualHandler: 'xu',
        onBehalfOf: 'zhang',
        event: 'INSTRUCT',
      }),
    ]);
    const assign = lines.find((l) => l.key === 'handle:finance:0:assign')!;
    expect(assign).toMatchObject({ definedHandlers: ['zhao'], actualHandler: 'zhao' });
    expect(assign.openedAt!.getTime()).toBeLessThan(assign.doneAt!.getTime());
    const handle = lines.find((l) => l.key === 'handle:finance:2:handle')!;
    expect(handle).toMatchObject({ definedHandlers: ['sun'], actualHandler: 'sun' });
    expect(lines.every((l) => l.kind !== 'remind')).toBe(true);
  });
});

describe('status view only downward', () => {
  it('leaders and the secretariat see all; a head sees own department downward; staff their own', async () => {
    const { h, caseId } = await busyCase();
    const caseRecord = await h.engine.case(caseId);
    const ledger = await h.engine.ledger(caseId);
    const tasks = await h.engine.tasks(caseId);
    const view = (viewerId: string) =>
      visibleIncomingFlow({ viewerId, caseRecord, ledger, tasks, directory: h.directory });
    expect((await view('zhang')).ledger).toHaveLength(ledger.length);
    expect((await view('zhou')).scope).toBe('all');
    const zhao = await view('zhao');
    expect(zhao.scope).toBe('downward');
    expect(new Set(zhao.ledger.map((e) => e.actorId))).toEqual(new Set(['zhao', 'qian', 'sun']));
    const qian = await view('qian');
    expect(new Set(qian.ledger.map((e) => e.actorId))).toEqual(new Set(['qian', 'sun']));
    const sun = await view('sun');
    expect(new Set(sun.ledger.map((e) => e.actorId))).toEqual(new Set(['sun']));
    expect(sun.tasks.every((t) => t.candidates.includes('sun') || t.doneBy === 'sun')).toBe(true);
    expect((await view('outsider')).scope).toBe('none');
  });
});

describe('收文统计', () => {
  it('counts received, handled, in progress, overdue, 办文率 and working days per unit and department', async () => {
    const { h, caseId } = await busyCase();
    // a second case, still open, past its deadline by the time of the query
    const open = await h.register('wang');
    await h.send(open.caseId, 'wang', { ...STANDARD_PROPOSAL, leaders: ['chen'] });
    await h.send(open.caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(open.caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    // a case of another period is not counted
    const stats = await incomingStatistics({
      store: h.store,
      calendar: h.calendar,
      unitId: 'demo',
      from: new Date('2026-11-01T00:00:00+08:00'),
      to: new Date('2026-12-01T00:00:00+08:00'),
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(stats.unit).toEqual({
      received: 2,
      handled: 1,
      inProgress: 1,
      overdue: 1,
      handlingRate: 0.5,
      averageWorkingDays: 0,
    });
    expect(stats.departments.find((d) => d.departmentId === 'finance')).toMatchObject({
      received: 2,
      handled: 1,
      overdue: 1,
      handlingRate: 0.5,
    });
    const none = await incomingStatistics({
      store: h.store,
      calendar: h.calendar,
      unitId: 'demo',
      from: new Date('2026-12-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(none.unit).toMatchObject({ received: 0, handlingRate: 0, averageWorkingDays: null });
    expect(caseId).toBeTruthy();
  });
});
