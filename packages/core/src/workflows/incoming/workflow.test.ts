import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { projectIncomingLedger } from './ledger-projection.ts';
import { incomingHarness, STANDARD_PROPOSAL, sampleRegistration } from './testing-harness.ts';

async function setup() {
  return incomingHarness(createMemoryStore());
}

describe('收文 happy path', () => {
  it('runs from 签收登记 to 归档 through the engine', async () => {
    const h = await setup();
    const { caseId, state } = await h.register();
    expect(state).toBe('proposing');
    const c0 = await h.engine.case(caseId);
    expect(c0.fields.serialNo).toBe('收〔2026〕0001');
    expect(await h.openKeys(caseId)).toEqual(['propose:0:0']);

    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    expect((await h.engine.case(caseId)).state).toBe('open.reviewing');
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept', opinion: '同意拟办意见' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '请财政局认真研究落实' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意张县长意见' });
    const c1 = await h.engine.case(caseId);
    expect(c1.state).toBe('open.processing');
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:agri',
      'handle:education:0:assign',
      'handle:finance:0:assign',
    ]);

    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', {
      type: 'SUBMIT_RESULT',
      departmentId: 'finance',
      result: '已按通知要求完成预算编制',
    });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    expect((await h.engine.case(caseId)).state).toBe('open.processing');
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', {
      type: 'SUBMIT_RESULT',
      departmentId: 'education',
      result: '已报送教育经费需求',
    });
    await h.send(caseId, 'feng', { type: 'PICK_READERS', departmentId: 'agri', readers: [] });
    const done = await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect(done.state).toBe('completed');
    expect(await h.openKeys(caseId)).toEqual(['archive']);
    const archived = await h.send(caseId, 'wang', { type: 'ARCHIVE', archiveCode: 'WS-2026-0001' });
    expect(archived.status).toBe('done');
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    await expect(h.send(caseId, 'wang', { type: 'REMIND', note: '再催' })).rejects.toMatchObject({
      code: 'INVALID_EVENT',
    });
  });
});

type H = Awaited<ReturnType<typeof setup>>;

async function toProcessing(h: H, proposal: Record<string, unknown> = STANDARD_PROPOSAL) {
  const { caseId } = await h.register();
  await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, ...proposal });
  await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
  for (const leader of (proposal.leaders as string[] | undefined) ?? ['zhang', 'chen'])
    await h.send(caseId, leader, { type: 'INSTRUCT', opinion: `${leader}同意` });
  return caseId;
}

const code = (code: string) => expect.objectContaining({ code });

describe('收文 退回 (return, reason required)', () => {
  it('the office director returns the proposal to 拟办', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await expect(h.send(caseId, 'li', { type: 'RETURN' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(h.send(caseId, 'li', { type: 'RETURN', reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '请填写退回理由' })] },
    });
    const r = await h.send(caseId, 'li', { type: 'RETURN', reason: '主办部门不妥' });
    expect(r.state).toBe('proposing');
    expect(await h.openKeys(caseId)).toEqual(['propose:1:0']);
    const c = await h.engine.case(caseId);
    expect(c.assignments[0]!.label).toBe('拟办（被退回）');
    expect((c.snapshot as { context: { returned: unknown } }).context.returned).toMatchObject({
      by: 'li',
      reason: '主办部门不妥',
      fromStep: '审阅',
    });
    // the secretariat proposes again; a new round starts
    await h.send(caseId, 'wang', {
      ...STANDARD_PROPOSAL,
      mainDepartment: 'education',
      assistDepartments: ['finance'],
    });
    expect(await h.openKeys(caseId)).toEqual(['review:2']);
  });

  it('拟办 returns to 签收登记; the registrar corrects it and keeps the 收文编号', async () => {
    const h = await setup();
    const { caseId } = await h.register('wang');
    await expect(h.send(caseId, 'li', { type: 'RETURN', reason: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    const r = await h.send(caseId, 'zhou', { type: 'RETURN', reason: '来文单位登记有误' });
    expect(r.state).toBe('registering');
    const c = await h.engine.case(caseId);
    expect(c.assignments).toEqual([
      expect.objectContaining({
        key: 'amend:0',
        label: '修改登记（被退回）',
        candidates: ['wang'],
      }),
    ]);
    // only the registrar corrects; the type (and so the number) cannot change
    await expect(
      h.send(caseId, 'zhou', { type: 'AMEND_REGISTRATION', ...sampleRegistration() }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(
      h.send(caseId, 'wang', {
        type: 'AMEND_REGISTRATION',
        ...sampleRegistration({ headType: '白头' }),
      }),
    ).rejects.toEqual(code('INVALID_EVENT'));
    await h.send(caseId, 'wang', {
      type: 'AMEND_REGISTRATION',
      ...sampleRegistration({ senderUnit: '省财政厅' }),
    });
    const after = await h.engine.case(caseId);
    expect(after).toMatchObject({
      state: 'proposing',
      fields: { senderUnit: '省财政厅', serialNo: '收〔2026〕0001' },
    });
    expect(await h.openKeys(caseId)).toEqual(['propose:0:1']);
    const row = projectIncomingLedger(after, await h.engine.ledger(caseId));
    expect(row.senderUnit).toBe('省财政厅');
  });

  it('a leader returns to 拟办 with a reason; earlier instructions of the round are void', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    // zhang already acted: only chen may return now
    await expect(h.send(caseId, 'zhang', { type: 'RETURN', reason: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'chen', { type: 'RETURN', reason: '请补充教育局意见' });
    expect((await h.engine.case(caseId)).state).toBe('proposing');
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:2:zhang']);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.find((e) => e.event === 'RETURN')).toMatchObject({
      actorId: 'chen',
      opinion: '请补充教育局意见',
      fromState: 'open.instructing',
      toState: 'proposing',
    });
  });

  it('a handler returns to whoever handed it down, then to the head', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', { type: 'RETURN', departmentId: 'finance', reason: '非本人职责' });
    expect(await h.openKeys(caseId)).toContain('handle:finance:3:handle');
    let c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key === 'handle:finance:3:handle')!.candidates).toEqual([
      'qian',
    ]);
    await h.send(caseId, 'qian', { type: 'RETURN', departmentId: 'finance', reason: '请另行安排' });
    c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key === 'handle:finance:4:assign')!.candidates).toEqual([
      'zhao',
    ]);
  });

  it('the head sends a result back to the handler with a reason', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '初稿' });
    await expect(
      h.send(caseId, 'zhao', { type: 'SEND_BACK', departmentId: 'finance' }),
    ).rejects.toEqual(code('VALIDATION_FAILED'));
    await h.send(caseId, 'zhao', {
      type: 'SEND_BACK',
      departmentId: 'finance',
      reason: '数据不全',
    });
    const c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))).toMatchObject({
      key: 'handle:finance:3:handle',
      candidates: ['sun'],
    });
    // the sent-back result can be resubmitted and confirmed
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '补全' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    expect((await h.engine.case(caseId)).fields.departments).toContainEqual(
      expect.objectContaining({ id: 'finance', status: 'done' }),
    );
  });
});

describe('收文 撤回 (withdraw before the next actor acted)', () => {
  it('the proposer takes back the proposal until the director acts', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    // another secretary did not send it
    await expect(h.send(caseId, 'wang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    expect((await h.engine.can({ caseId, actorId: 'zhou' })).map((e) => e.type)).toEqual([
      'WITHDRAW',
      'REMIND',
    ]);
    const r = await h.send(caseId, 'zhou', { type: 'WITHDRAW' });
    expect(r.state).toBe('proposing');
    expect(await h.store.listTimers(caseId)).toEqual([]);
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await expect(h.send(caseId, 'zhou', { type: 'WITHDRAW' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });

  it('the director takes back a changed review; the original proposal is restored', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      opinion: '改由陈副县长批示',
      proposal: { ...STANDARD_PROPOSAL, leaders: ['chen'], type: undefined },
    });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
    await h.send(caseId, 'li', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['review:1']);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    await expect(h.send(caseId, 'li', { type: 'WITHDRAW' })).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('a leader in sequence takes back an instruction until the next leader acts', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang', 'chen', 'ma'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '第一稿' });
    await h.send(caseId, 'zhang', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:zhang']);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '第二稿' });
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    await expect(h.send(caseId, 'zhang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'chen', { type: 'WITHDRAW' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen']);
  });

  it('the head takes back an assignment, a handler a hand-down or a result, until the next acts', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' });
    expect(await h.openKeys(caseId)).toContain('handle:finance:2:assign');
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    // the head can no longer take back: the handler acted
    await expect(
      h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' });
    let c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))!.candidates).toEqual([
      'qian',
    ]);
    await h.send(caseId, 'qian', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' });
    await h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' });
    c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))!.key).toMatch(/:handle$/);
    await h.send(caseId, 'qian', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'B' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    await expect(
      h.send(caseId, 'qian', { type: 'WITHDRAW', departmentId: 'finance' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('opening (签收) the next task is not acting: the sender may still take it back', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    const task = (await h.engine.tasks(caseId)).find((t) => t.key === 'handle:finance:1:handle')!;
    await h.engine.openTask({ caseId, taskId: task.id, actorId: 'sun' });
    await h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' });
    const closed = (await h.engine.tasks(caseId)).find((t) => t.id === task.id)!;
    expect(closed).toMatchObject({ doneBy: null, openedAt: expect.any(Date) });
  });

  it('a withdraw racing the next actor: exactly one of them wins', async () => {
    for (let i = 0; i < 5; i++) {
      const h = await setup();
      const { caseId } = await h.register();
      await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
      const outcomes = await Promise.allSettled([
        h.send(caseId, 'zhou', { type: 'WITHDRAW' }),
        h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const c = await h.engine.case(caseId);
      expect(c.rev).toBe(3);
      expect(['proposing', 'open.instructing']).toContain(c.state);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    }
  });

  it('a withdraw naming another department takes back nothing', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await expect(
      h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'education' }),
    ).rejects.toEqual(code('INVALID_EVENT'));
  });
});

describe('收文 refusals', () => {
  it('refuses the wrong actor, the wrong state and invalid payloads, writing nothing', async () => {
    const h = await setup();
    await expect(h.register('sun')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.register('zhou', { headType: '蓝头' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '请选择红头或白头' })] },
    });
    await expect(h.register('zhou', { secrecy: '秘密' })).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '涉密文件须填写保密期限' })] },
    });
    const { caseId } = await h.register();
    await expect(h.send(caseId, 'li', STANDARD_PROPOSAL)).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.send(caseId, 'zhou', { type: 'INSTRUCT', opinion: '同意' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: [] }),
    ).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '至少选择一位批示领导' })] },
    });
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, assistDepartments: ['finance'] }),
    ).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '主办与协办部门不能重复' })] },
    });
    await expect(
      h.send(caseId, 'zhou', {
        ...STANDARD_PROPOSAL,
        mainDepartment: undefined,
        circulateDepartments: [],
        assistDepartments: [],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await h.engine.ledger(caseId)).length).toBe(1);
    expect((await h.engine.case(caseId)).rev).toBe(1);
  });

  it('a proposal naming a non-leader is refused; one whose leader lost the role must be changed', async () => {
    // no user cache: the directory change below must be seen at once
    const h = await incomingHarness(createMemoryStore(), undefined, { userCacheMs: 0 });
    const { caseId } = await h.register();
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['ghost'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '批示人须为本单位领导：ghost' });
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['ma'] });
    // ma leaves the leadership after 拟办: the proposal in force no longer passes 审阅
    const ma = (await h.store.directory.getUser('ma'))!;
    await h.store.directory.putUser({ ...ma, roles: [] });
    await expect(
      h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '批示人须为本单位领导：ma' });
    const r = await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      proposal: { ...STANDARD_PROPOSAL, type: undefined, leaders: ['zhang'] },
    });
    expect(r.state).toBe('open.instructing');
  });

  it('a leader out of turn and a head of another department are refused', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await expect(h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '抢先' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    // sun is nobody's head
    await expect(
      h.send(caseId, 'sun', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    // the handler of finance cannot submit for education, nor can lu who has no task
    await expect(
      h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '您不是县教育局“提交办理结果”的办理人',
    });
    await expect(
      h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'x' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'ok' });
    // he (education) cannot confirm finance's result
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'ok' });
    await expect(
      h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'finance' }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED', message: '您不是县财政局“确认办结”的办理人' });
    // only the secretariat archives, and only after 办结
    await expect(h.send(caseId, 'zhao', { type: 'ARCHIVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.send(caseId, 'wang', { type: 'ARCHIVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.send(caseId, 'wang', { type: 'NO_SUCH' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });

  it('a handler cannot hand down to someone already in the chain', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await expect(
      h.send(caseId, 'sun', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'qian' }),
    ).rejects.toEqual(code('INVALID_EVENT'));
  });
});

describe('收文 催办 (remind)', () => {
  it('reminds automatically at the deadline and every working day after, and by hand', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    const timers = await h.store.listTimers(caseId);
    expect(timers).toHaveLength(1);
    // 7 working days from Wednesday 2026-11-25: the end of Friday 2026-12-04 in Beijing
    expect(timers[0]!.dueAt.toISOString()).toBe('2026-12-04T15:59:59.999Z');
    expect((await h.engine.case(caseId)).fields.deadline).toBe('2026-12-04T15:59:59.999Z');

    h.clock.set('2026-12-04T15:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(0);
    h.clock.set('2026-12-04T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    let c = await h.engine.case(caseId);
    expect(c.fields.reminderCount).toBe(1);
    expect(
      c.assignments
        .filter((a) => a.kind === 'remind')
        .map((a) => a.key)
        .sort(),
    ).toEqual([
      'remind:1:circulate:agri',
      'remind:1:handle:education:0:assign',
      'remind:1:handle:finance:1:handle',
    ]);
    const outbox = await h.store.claimOutbox(h.clock.now(), 100, 't', new Date('2030-01-01'));
    const remind = outbox.filter((o) => o.title.startsWith('催办'));
    expect(remind).toHaveLength(1);
    expect(remind[0]!.recipients.sort()).toEqual(['sun', 'zhou']);
    // the deadline in Chinese, Beijing time — not the ISO instant
    expect(remind[0]!.body).toContain('办理时限为2026年12月4日 23:59，请抓紧办理。');
    // the next reminder: end of Monday 2026-12-07 (the weekend does not count)
    expect((await h.store.listTimers(caseId))[0]!.dueAt.toISOString()).toBe(
      '2026-12-07T15:59:59.999Z',
    );
    h.clock.set('2026-12-07T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    // manual 催办 by the secretariat, at any time; others may not
    await expect(h.send(caseId, 'sun', { type: 'REMIND' })).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'wang', { type: 'REMIND', note: '请今日内报送' });
    c = await h.engine.case(caseId);
    expect(c.fields.reminderCount).toBe(3);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.filter((e) => e.event === 'DEADLINE_REMIND').map((e) => e.actorId)).toEqual([
      '$timer',
      '$timer',
    ]);
    expect(ledger.at(-1)).toMatchObject({
      event: 'REMIND',
      actorId: 'wang',
      opinion: '请今日内报送',
    });
    // 办结 removes the timer
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '完成' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'he' });
    await h.send(caseId, 'he', {
      type: 'SUBMIT_RESULT',
      departmentId: 'education',
      result: '完成',
    });
    await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect((await h.engine.case(caseId)).state).toBe('completed');
    expect(await h.store.listTimers(caseId)).toEqual([]);
  });

  it('sets no timer without the 催办 flag; a changed review reschedules it', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, supervise: false });
    expect(await h.store.listTimers(caseId)).toEqual([]);
    await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      proposal: { ...STANDARD_PROPOSAL, type: undefined, supervise: true, deadline: '2026-11-30' },
    });
    const timers = await h.store.listTimers(caseId);
    expect(timers.map((t) => t.dueAt.toISOString())).toEqual(['2026-11-30T15:59:59.999Z']);
  });

  it('reminds at the interval the proposal sets, in working days', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', {
      ...STANDARD_PROPOSAL,
      deadline: '2026-11-27',
      remindEveryWorkingDays: 3,
    });
    h.clock.set('2026-11-27T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    // Friday's deadline + 3 working days = Wednesday 2026-12-02
    expect((await h.store.listTimers(caseId)).map((t) => t.dueAt.toISOString())).toEqual([
      '2026-12-02T15:59:59.999Z',
    ]);
    expect(await h.openKeys(caseId)).toEqual(['remind:1:review:1', 'review:1']);
    // a withdrawn proposal takes its timer with it
    await h.send(caseId, 'zhou', { type: 'WITHDRAW' });
    expect(await h.store.listTimers(caseId)).toEqual([]);
  });

  it('can() offers each person exactly their steps', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    const types = async (actorId: string) =>
      (await h.engine.can({ caseId, actorId })).map((e) => e.type).sort();
    expect(await types('zhao')).toEqual(['ASSIGN']);
    expect(await types('feng')).toEqual(['PICK_READERS']);
    expect(await types('wang')).toEqual(['REMIND']);
    expect(await types('sun')).toEqual([]);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    expect(await types('sun')).toEqual(['HAND_DOWN', 'RETURN', 'SUBMIT_RESULT']);
    expect(await types('zhao')).toEqual(['WITHDRAW']);
  });
});

describe('收文 delegation and parallel 批示', () => {
  it('leaders in parallel; a deputy acts for a leader and the ledger names both', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaderMode: 'parallel' });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:1:chen', 'instruct:1:zhang']);
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    const r = await h.send(caseId, 'xu', { type: 'INSTRUCT', opinion: '代张县长：同意' });
    expect(r).toMatchObject({ onBehalfOf: 'zhang', state: 'open.processing' });
    const entry = (await h.engine.ledger(caseId)).find((e) => e.opinion === '代张县长：同意');
    expect(entry).toMatchObject({ actorId: 'xu', onBehalfOf: 'zhang' });
    const task = (await h.engine.tasks(caseId)).find((t) => t.key === 'instruct:1:zhang');
    expect(task).toMatchObject({ doneBy: 'xu', doneOnBehalfOf: 'zhang', doneEvent: 'INSTRUCT' });
  });

  it('outside the delegation window the deputy may not act', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    h.clock.set('2026-11-30T00:00:00Z'); // the window ends here (exclusive)
    await expect(h.send(caseId, 'xu', { type: 'INSTRUCT', opinion: '代签' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
  });

  it('a leader may add departments with the 批示', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang'] });
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', {
      type: 'INSTRUCT',
      opinion: '请农业农村局协办',
      addAssistDepartments: ['agri'],
      addCirculateDepartments: ['office'],
    });
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:agri',
      'circulate:office',
      'handle:agri:0:assign',
      'handle:education:0:assign',
      'handle:finance:0:assign',
    ]);
  });
});

describe('收文 传阅 (circulate)', () => {
  it('a head picks readers; every read time is kept; reading goes on after 办结', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: 'education',
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: ['fang', 'kong'],
    });
    expect((await h.engine.case(caseId)).assignments.filter((a) => a.kind === 'read')).toEqual([
      expect.objectContaining({ key: 'read:finance:fang', candidates: ['fang'] }),
      expect.objectContaining({ key: 'read:finance:kong', candidates: ['kong'] }),
    ]);
    h.clock.advance(3_600_000);
    await h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance', opinion: '已阅' });
    await expect(h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: '好' });
    await h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
    expect(await h.openKeys(caseId)).toEqual(['archive', 'read:finance:kong']);
    await h.send(caseId, 'kong', { type: 'READ', departmentId: 'finance' });
    expect(await h.openKeys(caseId)).toEqual(['archive']);
  });

  it('a head passes it one level down; the sub-department head picks their readers', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: undefined,
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: [],
      forwardTo: ['budget'],
    });
    expect(await h.openKeys(caseId)).toEqual(['circulate:budget']);
    await h.send(caseId, 'qian', {
      type: 'PICK_READERS',
      departmentId: 'budget',
      readers: ['sun'],
    });
    expect(await h.openKeys(caseId)).toEqual(['read:budget:sun']);
    const r = await h.send(caseId, 'sun', { type: 'READ', departmentId: 'budget' });
    expect(r.state).toBe('completed');
    const ctx = (await h.engine.case(caseId)).snapshot as { context: { circulation: unknown } };
    expect(ctx.context.circulation).toEqual([
      expect.objectContaining({ id: 'finance', from: null, head: 'zhao' }),
      expect.objectContaining({ id: 'budget', from: 'finance', head: 'qian' }),
    ]);
  });

  it('a circulation-only case is 办结 when everyone has read', async () => {
    const h = await setup();
    const caseId = await toProcessing(h, {
      ...STANDARD_PROPOSAL,
      mainDepartment: undefined,
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: ['fang'],
    });
    const r = await h.send(caseId, 'fang', { type: 'READ', departmentId: 'finance' });
    expect(r.state).toBe('completed');
  });
});

describe('收文 concurrency', () => {
  it('20 parallel registrations get 20 distinct consecutive 收文编号; 白头 counts apart', async () => {
    const h = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.register(i % 2 === 0 ? 'zhou' : 'wang')),
    );
    const numbers = await Promise.all(
      results.map(async (r) => (await h.engine.case(r.caseId)).fields.serialNo as string),
    );
    expect(numbers.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `收〔2026〕${String(i + 1).padStart(4, '0')}`),
    );
    const white = await h.register('zhou', { headType: '白头' });
    expect((await h.engine.case(white.caseId)).fields.serialNo).toBe('收白〔2026〕0001');
    expect(await h.store.currentSerial('demo', '收文:红头:2026')).toBe(20);
  });

  it('two handlers finishing at the same instant both land; 办结 happens once', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await Promise.all([
      h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' }),
      h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'B' }),
    ]);
    const both = await Promise.all([
      h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' }),
      h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' }),
    ]);
    expect(both.map((r) => r.state).sort()).toEqual(['completed', 'open.processing']);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.filter((e) => e.toState === 'completed')).toHaveLength(1);
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });
});
