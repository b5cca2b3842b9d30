import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL } from './testing-harness.ts';

type H = Awaited<ReturnType<typeof incomingHarness>>;
type Event = { type: string; [k: string]: unknown };

/** Runs a case to 承办/传阅 with the given proposal changes (both leaders 批示). */
async function toProcessing(h: H, proposal: Record<string, unknown> = {}) {
  const { caseId } = await h.register();
  await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, ...proposal });
  await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
  await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
  await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
  return caseId;
}

/** What a refused command must leave untouched. */
async function footprint(h: H, caseId: string) {
  const c = await h.engine.case(caseId);
  return {
    rev: c.rev,
    ledger: (await h.engine.ledger(caseId)).length,
    tasks: (await h.engine.tasks(caseId)).map((t) => [t.key, t.doneAt]),
    snapshot: JSON.stringify(c.snapshot),
  };
}

/** Sends, expects a refusal with `code` and exactly `message`, and checks nothing was written. */
async function refused(
  h: H,
  caseId: string,
  actorId: string,
  event: Event,
  code: string,
  message: string,
  extra: { onBehalfOf?: string } = {},
) {
  const before = await footprint(h, caseId);
  await expect(h.send(caseId, actorId, event, extra)).rejects.toMatchObject({ code, message });
  expect(await footprint(h, caseId)).toEqual(before);
}

describe('收文 department steps are bound to the admitting task (through engine.send)', () => {
  it('the head of one department cannot assign, pick readers, confirm or send back for another', async () => {
    const h = await incomingHarness(createMemoryStore());
    // he heads education, which is 协办 and also 传阅; feng picks for agri
    const caseId = await toProcessing(h, { circulateDepartments: ['agri', 'education'] });
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:agri',
      'circulate:education',
      'handle:education:0:assign',
      'handle:finance:0:assign',
    ]);
    await refused(
      h,
      caseId,
      'he',
      { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' },
      'NOT_PERMITTED',
      '您不是县财政局“分派承办人”的办理人',
    );
    await refused(
      h,
      caseId,
      'he',
      { type: 'PICK_READERS', departmentId: 'agri', readers: ['tang'] },
      'NOT_PERMITTED',
      '您不是县农业农村局“传阅”的办理人',
    );
    await refused(
      h,
      caseId,
      'feng',
      { type: 'PICK_READERS', departmentId: 'education', readers: ['lu'] },
      'NOT_PERMITTED',
      '您不是县教育局“传阅”的办理人',
    );

    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' });
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'B' });
    // both heads have a confirm task now; neither may use it for the other department
    await refused(
      h,
      caseId,
      'he',
      { type: 'CONFIRM', departmentId: 'finance' },
      'NOT_PERMITTED',
      '您不是县财政局“确认办结”的办理人',
    );
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'SEND_BACK', departmentId: 'education', reason: '不行' },
      'NOT_PERMITTED',
      '您不是县教育局“退回重办”的办理人',
    );
    // a handler neither: lu's task is education's
    await h.send(caseId, 'zhao', { type: 'SEND_BACK', departmentId: 'finance', reason: '补充' });
    await h.send(caseId, 'he', { type: 'SEND_BACK', departmentId: 'education', reason: '补充' });
    await refused(
      h,
      caseId,
      'lu',
      { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'x' },
      'NOT_PERMITTED',
      '您不是县财政局“提交办理结果”的办理人',
    );
    // a handler without a department in the payload returns their own department's work
    await h.send(caseId, 'lu', { type: 'RETURN', reason: '请另派' });
    const c = await h.engine.case(caseId);
    expect(c.fields.departments).toEqual([
      expect.objectContaining({ id: 'finance', status: 'handling', handler: 'sun' }),
      expect.objectContaining({ id: 'education', status: 'assigning', handler: null }),
    ]);
  });

  it('a deputy acting for a head is admitted through the principal’s task', async () => {
    const h = await incomingHarness(createMemoryStore());
    // zhao (head of finance) deputises for he (head of education)
    await h.store.directory.putDelegation({
      id: 'dlg-he-zhao',
      unitId: 'demo',
      principalId: 'he',
      deputyId: 'zhao',
      startsAt: new Date('2026-11-23T00:00:00Z'),
      endsAt: new Date('2026-11-30T00:00:00Z'),
      workflows: ['incoming'],
    });
    const caseId = await toProcessing(h);
    // acting in his own right, zhao's task is finance's
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' },
      'NOT_PERMITTED',
      '您不是县教育局“分派承办人”的办理人',
    );
    // for he, zhao cannot act on finance (he's tasks are education's)
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' },
      'NOT_PERMITTED',
      '您不是县财政局“分派承办人”的办理人',
      { onBehalfOf: 'he' },
    );
    // for he, through he's task
    const r = await h.send(
      caseId,
      'zhao',
      { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' },
      { onBehalfOf: 'he' },
    );
    expect(r.onBehalfOf).toBe('he');
    const task = (await h.engine.tasks(caseId)).find((t) => t.key === 'handle:education:0:assign');
    expect(task).toMatchObject({ doneBy: 'zhao', doneOnBehalfOf: 'he', doneEvent: 'ASSIGN' });
    const ctx = (await h.engine.case(caseId)).snapshot as {
      context: { handling: Array<{ id: string; head: string | null }> };
    };
    expect(ctx.context.handling.find((d) => d.id === 'education')!.head).toBe('he');
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: '好' });
    await h.send(
      caseId,
      'zhao',
      { type: 'CONFIRM', departmentId: 'education' },
      { onBehalfOf: 'he' },
    );
    const entry = (await h.engine.ledger(caseId)).at(-1)!;
    expect(entry).toMatchObject({ event: 'CONFIRM', actorId: 'zhao', onBehalfOf: 'he' });
  });
});

describe('收文 organisation rules are enforced by engine.send', () => {
  it('refuses leaders without the leader role and 传阅 that skips a level', async () => {
    const h = await incomingHarness(createMemoryStore());
    const { caseId } = await h.register();
    await refused(
      h,
      caseId,
      'zhou',
      { ...STANDARD_PROPOSAL, leaders: ['zhang', 'zhao'] },
      'VALIDATION_FAILED',
      '批示人须为本单位领导：zhao',
    );
    await refused(
      h,
      caseId,
      'zhou',
      { ...STANDARD_PROPOSAL, circulateDepartments: ['budget'] },
      'VALIDATION_FAILED',
      '传阅不能越级：预算股不是直属部门',
    );
    await refused(
      h,
      caseId,
      'zhou',
      { ...STANDARD_PROPOSAL, mainDepartment: 'nope' },
      'VALIDATION_FAILED',
      '承办部门“nope”不存在',
    );
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await refused(
      h,
      caseId,
      'li',
      {
        type: 'REVIEW',
        decision: 'change',
        proposal: { ...STANDARD_PROPOSAL, type: undefined, leaders: ['li'] },
      },
      'VALIDATION_FAILED',
      '批示人须为本单位领导：li',
    );
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await refused(
      h,
      caseId,
      'zhang',
      { type: 'INSTRUCT', opinion: '请预算股阅', addCirculateDepartments: ['budget'] },
      'VALIDATION_FAILED',
      '传阅不能越级：预算股不是直属部门',
    );
    await refused(
      h,
      caseId,
      'zhang',
      { type: 'INSTRUCT', opinion: '请协办', addAssistDepartments: ['nope'] },
      'VALIDATION_FAILED',
      '承办部门“nope”不存在',
    );
  });

  it('refuses handlers and readers from outside the department, and forwarding past a level', async () => {
    const h = await incomingHarness(createMemoryStore());
    const caseId = await toProcessing(h, { circulateDepartments: ['agri', 'finance'] });
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN', departmentId: 'finance', handlerId: 'lu' },
      'VALIDATION_FAILED',
      '承办人须为县财政局或其下属科室人员',
    );
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await refused(
      h,
      caseId,
      'qian',
      { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'tang' },
      'VALIDATION_FAILED',
      '承办人须为县财政局或其下属科室人员',
    );
    await refused(
      h,
      caseId,
      'feng',
      { type: 'PICK_READERS', departmentId: 'agri', readers: ['tang', 'sun'] },
      'VALIDATION_FAILED',
      '阅读人须为县农业农村局人员：sun',
    );
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'PICK_READERS', departmentId: 'finance', readers: [], forwardTo: ['education'] },
      'VALIDATION_FAILED',
      '只能转给县财政局的直属下级部门：县教育局',
    );
    // the valid versions pass
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'feng', { type: 'PICK_READERS', departmentId: 'agri', readers: ['tang'] });
    await h.send(caseId, 'zhao', {
      type: 'PICK_READERS',
      departmentId: 'finance',
      readers: ['fang'],
      forwardTo: ['budget'],
    });
    expect(await h.openKeys(caseId)).toEqual([
      'circulate:budget',
      'handle:education:0:assign',
      'handle:finance:2:handle',
      'read:agri:tang',
      'read:finance:fang',
    ]);
  });

  it('refuses a task holder who is no longer the department’s head; a 催办 reaches the new one', async () => {
    const h = await incomingHarness(createMemoryStore());
    const caseId = await toProcessing(h);
    // zhao got the assign task at dispatch; then the directory makes qian head of finance
    const finance = (await h.store.directory.getDepartment('finance'))!;
    await h.store.directory.putDepartment({ ...finance, headUserId: 'qian' });
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' },
      'NOT_PERMITTED',
      '只有县财政局负责人可以办理此步骤',
    );
    // the open task still names zhao; a 催办 opens a reminder task for the new head
    await expect(
      h.send(caseId, 'qian', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await h.send(caseId, 'wang', { type: 'REMIND', note: '负责人已调整' });
    await h.send(caseId, 'qian', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    const ctx = (await h.engine.case(caseId)).snapshot as {
      context: { handling: Array<{ id: string; head: string | null }> };
    };
    expect(ctx.context.handling.find((d) => d.id === 'finance')!.head).toBe('qian');
  });
});
