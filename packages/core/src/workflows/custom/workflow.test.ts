import { describe, expect, it } from 'vitest';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import type { AssigneeSpec, FlowDefinitionInput } from './format.ts';
import { customHarness } from './testing-harness.ts';
import { customFlowStatistics, visibleCustomFlow } from './visibility.ts';

const code = (c: string) => expect.objectContaining({ code: c });
const FORM = {
  schema: {
    type: 'object' as const,
    properties: {
      title: { type: 'string' as const, maxLength: 50 },
      amount: { type: 'number' as const, minimum: 0 },
      secret: { type: 'string' as const },
      reviewer: { type: 'string' as const, format: 'user' as const },
      signers: {
        type: 'array' as const,
        items: { type: 'string' as const, format: 'user' as const },
      },
    },
    required: ['title'],
  },
  ui: {},
};

/** start → a → b → c → end, with the given b (and optional settings of a). */
function chain(b: Record<string, unknown>, a: Record<string, unknown> = {}): FlowDefinitionInput {
  return {
    key: 'chain',
    title: '测试流程',
    titleField: 'title',
    form: FORM,
    nodes: [
      { id: 'start', type: 'start', name: '发起', fields: { secret: 'hidden' } },
      {
        id: 'a',
        type: 'approve',
        name: '初审',
        assignee: { kind: 'superior', levels: 1 },
        actions: ['approve', 'return', 'reject', 'transfer', 'addSign'],
        ...a,
      },
      { id: 'b', name: '复审', ...b } as never,
      { id: 'c', type: 'handle', name: '办理', assignee: { kind: 'previous' } },
      { id: 'end', type: 'end', name: '办结', outcome: 'approved' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'a' },
      { id: 'e2', from: 'a', to: 'b' },
      { id: 'e3', from: 'b', to: 'c' },
      { id: 'e4', from: 'c', to: 'end' },
    ],
  };
}
const approveB = (assignee: AssigneeSpec) => ({
  type: 'approve',
  assignee,
  actions: ['approve', 'return', 'reject'],
});
const countersign = (mode: string, pass: Record<string, unknown>) => ({
  type: 'countersign',
  mode,
  pass,
  assignee: { kind: 'users', userIds: ['zhang', 'chen', 'ma', 'li'] },
});

async function started(def: FlowDefinitionInput, starter = 'sun') {
  const h = await customHarness(createMemoryStore(), [{ definition: def }]);
  const { caseId } = await h.start('chain', starter, { title: '购置打印机', amount: 800 });
  await h.send(caseId, starter, { type: 'SUBMIT' });
  return { h, caseId };
}

describe('assignee rules', () => {
  it.each<[string, AssigneeSpec, string, string[]]>([
    ['a named user', { kind: 'user', userId: 'li' }, 'sun', ['li']],
    ['a role', { kind: 'role', role: 'secretary' }, 'sun', ['wang', 'zhou']],
    [
      'a role in one department',
      { kind: 'role', role: 'leader', departmentId: 'gov' },
      'sun',
      ['chen', 'ma', 'zhang'],
    ],
    ["the starter's department head", { kind: 'departmentHead' }, 'sun', ['qian']],
    ['a named department head', { kind: 'departmentHead', departmentId: 'agri' }, 'sun', ['feng']],
    ['two levels up', { kind: 'superior', levels: 2 }, 'sun', ['zhao']],
    ['three levels up', { kind: 'superior', levels: 3 }, 'sun', ['chen']],
    ['the 分管领导', { kind: 'supervisingLeader' }, 'lu', ['chen']],
    ['the starter', { kind: 'starter' }, 'sun', ['sun']],
    ['the previous handler', { kind: 'previous' }, 'sun', ['qian']],
  ])('%s', async (_what, assignee, starter, expected) => {
    const { h, caseId } = await started(chain(approveB(assignee)), starter);
    const first = (await h.holders(caseId))[0]!;
    await h.send(caseId, first, { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(expected);
  });

  it('a form field naming a user', async () => {
    const h = await customHarness(createMemoryStore(), [
      { definition: chain(approveB({ kind: 'field', field: 'reviewer' })) },
    ]);
    const { caseId } = await h.start('chain', 'sun', { title: 't', reviewer: 'he' });
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['he']);
  });

  it('a rule that names nobody refuses the step that would reach it', async () => {
    // zhang has no superior: 初审 (直接上级) names nobody
    const h = await customHarness(createMemoryStore(), [
      { definition: chain(approveB({ kind: 'starter' })) },
    ]);
    const { caseId } = await h.start('chain', 'zhang', { title: 't' });
    await expect(h.send(caseId, 'zhang', { type: 'SUBMIT' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '环节“初审”没有可指派的办理人',
    });
    expect((await h.engine.case(caseId)).state).toBe('n_start');
  });
});

describe('会签 pass rules', () => {
  const vote = async (
    mode: string,
    pass: Record<string, unknown>,
    votes: Array<[string, 'APPROVE' | 'REJECT']>,
  ) => {
    const { h, caseId } = await started(chain(countersign(mode, pass)));
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    for (const [who, type] of votes)
      await h.send(caseId, who, { type, opinion: type === 'REJECT' ? '不同意' : '同意' });
    return { h, caseId, c: await h.engine.case(caseId) };
  };

  it('all: every member must agree; one against rejects', async () => {
    let r = await vote('parallel', { rule: 'all' }, [
      ['zhang', 'APPROVE'],
      ['chen', 'APPROVE'],
      ['ma', 'APPROVE'],
    ]);
    expect(r.c.state).toBe('n_b');
    expect(await r.h.holders(r.caseId)).toEqual(['li']);
    await r.h.send(r.caseId, 'li', { type: 'APPROVE' });
    expect((await r.h.engine.case(r.caseId)).state).toBe('n_c');
    r = await vote('parallel', { rule: 'all' }, [
      ['zhang', 'APPROVE'],
      ['chen', 'REJECT'],
    ]);
    expect(r.c).toMatchObject({ state: '$rejected', status: 'done' });
  });

  it('any: the first agreement passes', async () => {
    const r = await vote('parallel', { rule: 'any' }, [
      ['ma', 'REJECT'],
      ['chen', 'APPROVE'],
    ]);
    expect(r.c.state).toBe('n_c');
    expect(await r.h.holders(r.caseId)).toEqual(['chen']);
  });

  it('percent: at least 50% of 4 is 2', async () => {
    const r = await vote('parallel', { rule: 'percent', value: 50 }, [
      ['zhang', 'APPROVE'],
      ['ma', 'REJECT'],
      ['li', 'APPROVE'],
    ]);
    expect(r.c.state).toBe('n_c');
    const f = await vote('parallel', { rule: 'percent', value: 75 }, [
      ['zhang', 'REJECT'],
      ['ma', 'REJECT'],
    ]);
    expect(f.c.state).toBe('$rejected');
  });

  it('count: at least 3 agreements; sequential goes one member after another', async () => {
    const { h, caseId } = await started(
      chain(countersign('sequential', { rule: 'count', value: 3 })),
    );
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['zhang']);
    await expect(h.send(caseId, 'chen', { type: 'APPROVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'zhang', { type: 'APPROVE' });
    expect((await h.engine.case(caseId)).assignments.map((a) => a.label)).toEqual([
      '复审（第2/4位）',
    ]);
    await h.send(caseId, 'chen', { type: 'REJECT', opinion: '不同意' });
    await h.send(caseId, 'ma', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['li']);
    await h.send(caseId, 'li', { type: 'APPROVE' });
    expect((await h.engine.case(caseId)).state).toBe('n_c');
  });
});

describe('actions: 退回, 驳回, 转办, 加签, 撤回, 催办', () => {
  it('退回 goes to the previous node by default, or to an earlier node the handler picks', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    await expect(h.send(caseId, 'zhao', { type: 'RETURN' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await h.send(caseId, 'zhao', { type: 'RETURN', opinion: '请补充报价' });
    expect((await h.engine.case(caseId)).state).toBe('n_a');
    expect(await h.holders(caseId)).toEqual(['qian']);
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    await expect(
      h.send(caseId, 'zhao', { type: 'RETURN', opinion: 'x', to: 'c' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '只能退回到已经过的环节：发起、初审',
    });
    await h.send(caseId, 'zhao', { type: 'RETURN', opinion: '重新填写', to: 'start' });
    expect((await h.engine.case(caseId)).assignments.map((a) => [a.label, a.candidates])).toEqual([
      ['发起（被退回）', ['sun']],
    ]);
    await h.send(caseId, 'sun', { type: 'SUBMIT', form: { amount: 700 } });
    expect(await h.holders(caseId)).toEqual(['qian']);
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });

  it('驳回 ends the case and tells the starter', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    await expect(h.send(caseId, 'qian', { type: 'REJECT' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    const r = await h.send(caseId, 'qian', { type: 'REJECT', opinion: '预算不足' });
    expect(r).toMatchObject({ state: '$rejected', status: 'done' });
    const outbox = await h.store.claimOutbox(
      h.clock.now(),
      100,
      't',
      new Date(Date.now() + 60_000),
    );
    expect(outbox.some((o) => o.recipients.includes('sun') && o.title === '测试流程未获同意')).toBe(
      true,
    );
  });

  it('转办 hands the step to another person; 加签 before asks them first and brings it back', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    await expect(h.send(caseId, 'qian', { type: 'TRANSFER', to: 'retired' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await h.send(caseId, 'qian', { type: 'TRANSFER', to: 'fang', opinion: '请方科员办理' });
    expect((await h.engine.case(caseId)).assignments.map((a) => [a.label, a.candidates])).toEqual([
      ['初审（转办）', ['fang']],
    ]);
    await expect(h.send(caseId, 'qian', { type: 'APPROVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'fang', {
      type: 'ADD_SIGN',
      users: ['kong'],
      position: 'before',
      opinion: '请孔科员先核',
    });
    expect(
      (await h.engine.case(caseId)).assignments.map((a) => [a.label, a.candidates, a.events]),
    ).toEqual([['初审（加签）', ['kong'], ['APPROVE', 'RETURN', 'REJECT']]]);
    await h.send(caseId, 'kong', { type: 'APPROVE', opinion: '已核' });
    expect(await h.holders(caseId)).toEqual(['fang']);
    await h.send(caseId, 'fang', { type: 'APPROVE' });
    expect((await h.engine.case(caseId)).state).toBe('n_b');
    // 上一环节处理人 of 办理 is whoever finished 复审
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['zhao']);
  });

  it('加签 at a role-held node brings the step back to the person who asked, not to the whole role', async () => {
    const { h, caseId } = await started(
      chain(approveB({ kind: 'user', userId: 'zhao' }), {
        assignee: { kind: 'role', role: 'secretary' },
      }),
    );
    expect(await h.holders(caseId)).toEqual(['wang', 'zhou']);
    await h.send(caseId, 'zhou', { type: 'ADD_SIGN', users: ['li'], position: 'before' });
    await h.send(caseId, 'li', { type: 'APPROVE', opinion: '可以' });
    expect(await h.holders(caseId)).toEqual(['zhou']);
    await expect(h.send(caseId, 'wang', { type: 'APPROVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
  });

  it('撤回 by the sender while the next handler has neither opened nor acted', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    expect((await h.engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([
      'WITHDRAW',
      'REMIND',
    ]);
    await h.send(caseId, 'sun', { type: 'WITHDRAW', opinion: '还要补充' });
    expect((await h.engine.case(caseId)).state).toBe('n_start');
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    // qian opens the task: 撤回 is refused
    const task = (await h.engine.tasks(caseId)).find((t) => t.doneAt === null)!;
    await h.engine.openTask({ caseId, taskId: task.id, actorId: 'qian' });
    await expect(h.send(caseId, 'sun', { type: 'WITHDRAW' })).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '“初审”的办理人已打开待办，不能撤回',
    });
    // after qian acts, qian may take it back from zhao until zhao acts
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    await expect(h.send(caseId, 'sun', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'qian', { type: 'WITHDRAW' });
    expect((await h.engine.case(caseId)).state).toBe('n_a');
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    await expect(h.send(caseId, 'qian', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
  });

  it('催办 by the starter opens a highlighted reminder and notifies the handler', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    await expect(h.send(caseId, 'qian', { type: 'REMIND' })).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'sun', { type: 'REMIND', note: '请尽快审批' });
    expect(await h.openKeys(caseId)).toEqual(['n:a:2:0', 'remind:1:n:a:2:0']);
    const inbox = await h.engine.inbox({ actorId: 'qian', kind: 'remind' });
    expect(inbox.items.map((i) => i.task.label)).toEqual(['催办：初审']);
    const outbox = await h.store.claimOutbox(
      h.clock.now(),
      100,
      't',
      new Date(Date.now() + 60_000),
    );
    expect(outbox.find((o) => o.title === '催办：测试流程')).toMatchObject({
      recipients: ['qian'],
      body: '请尽快审批',
    });
  });
});

describe('deadlines in working days with durable reminders', () => {
  it('reminds through a timer after the deadline, then every working day', async () => {
    const { h, caseId } = await started(
      chain(approveB({ kind: 'user', userId: 'zhao' }), {
        deadline: { workingDays: 2, remindEvery: 1 },
      }),
    );
    // submitted Wednesday 2026-11-25 09:00 Beijing; due end of Friday 27th
    expect((await h.engine.case(caseId)).assignments[0]!.dueAt?.toISOString()).toBe(
      '2026-11-27T15:59:59.999Z',
    );
    expect(
      (await h.store.listTimers(caseId)).map((t) => [t.sendId, t.dueAt.toISOString()]),
    ).toEqual([['flow-deadline', '2026-11-27T15:59:59.999Z']]);
    h.clock.set(new Date('2026-11-28T01:00:00Z'));
    expect(await h.engine.runDueTimers()).toMatchObject({ fired: 1 });
    expect(await h.openKeys(caseId)).toEqual(['n:a:2:0', 'remind:1:n:a:2:0']);
    expect((await h.engine.ledger(caseId)).at(-1)).toMatchObject({
      actorId: TIMER_ACTOR,
      event: 'DEADLINE',
    });
    // the next reminder: one working day later (Monday 30th, end of day)
    expect((await h.store.listTimers(caseId))[0]!.dueAt.toISOString()).toBe(
      '2026-11-30T15:59:59.999Z',
    );
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.store.listTimers(caseId)).toEqual([]);
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });
});

describe('field permissions, enforced when a payload is accepted', () => {
  it('refuses writing read-only or hidden fields, invalid values and missing required ones', async () => {
    const h = await customHarness(createMemoryStore(), [
      {
        definition: chain(approveB({ kind: 'user', userId: 'zhao' }), {
          fields: { amount: 'editable', secret: 'editable' },
        }),
      },
    ]);
    await expect(h.start('chain', 'sun', { title: 't', secret: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['form', 'secret'], message: '“发起”环节不能填写“secret”' }] },
    });
    await expect(h.start('chain', 'sun', { title: 't', amount: -1 })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(h.start('chain', 'sun', { title: 't', nope: 1 })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    const { caseId } = await h.start('chain', 'sun', {});
    await expect(h.send(caseId, 'sun', { type: 'SUBMIT' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请填写“title”',
    });
    await expect(
      h.send(caseId, 'sun', { type: 'SUBMIT', form: { title: 'x'.repeat(51) } }),
    ).rejects.toMatchObject({
      message: '“title”不能超过50个字',
    });
    await h.send(caseId, 'sun', { type: 'SUBMIT', form: { title: '购置' } });
    await expect(
      h.send(caseId, 'qian', { type: 'APPROVE', form: { title: '改标题' } }),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '“初审”环节不能修改字段：title',
    });
    await h.send(caseId, 'qian', { type: 'APPROVE', form: { amount: 900, secret: '内部意见' } });
    // 复审 may not write the 初审's fields
    await expect(
      h.send(caseId, 'zhao', { type: 'APPROVE', form: { secret: 'y' } }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    const c = await h.engine.case(caseId);
    expect(c.fields.form).toEqual({ title: '购置', amount: 900 });
    expect(c.title).toBe('测试流程：购置');
  });
});

describe('status view and 流程统计', () => {
  it('shows the flow downward only, all of it to the starter, and per-node statistics', async () => {
    const { h, caseId } = await started(chain(approveB({ kind: 'user', userId: 'zhao' })));
    h.clock.advance(3_600_000);
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    const args = {
      caseRecord: await h.engine.case(caseId),
      ledger: await h.engine.ledger(caseId),
      tasks: await h.engine.tasks(caseId),
      directory: createStoreDirectory(h.store.directory),
    };
    expect((await visibleCustomFlow({ ...args, viewerId: 'sun' })).scope).toBe('all');
    const qian = await visibleCustomFlow({ ...args, viewerId: 'qian' });
    expect(qian.scope).toBe('downward');
    expect(qian.ledger.map((l) => l.actorId)).toEqual(['sun', 'sun', 'qian']);
    const he = await visibleCustomFlow({ ...args, viewerId: 'he' });
    expect(he.ledger).toEqual([]);
    const stats = customFlowStatistics(args.tasks, h.clock.now());
    expect(stats.map((s) => [s.node, s.definedHandlers, s.actualHandler])).toEqual([
      ['发起', ['sun'], 'sun'],
      ['初审', ['qian'], 'qian'],
      ['复审', ['zhao'], null],
    ]);
  });
});
