import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;

const registration = (over: Record<string, unknown>) => ({
  title: '关于做好冬季安全生产工作的通知',
  senderUnit: '市应急管理局',
  senderDocNumber: '',
  receivedDate: '2026-11-25',
  docType: '通知',
  headType: '红头',
  direction: '上级来文',
  copies: 1,
  pages: 2,
  ...over,
});

beforeAll(async () => {
  app = await createTestApp();
  // Three 收文 registered by the secretariat; each waits for 拟办 by the secretaries (wang, zhou).
  for (const input of [
    registration({
      title: '关于预算调整的紧急通知',
      urgency: '特急',
      secrecy: '秘密',
      secrecyTerm: '1年',
      senderDocNumber: '市财发〔2026〕5号',
    }),
    registration({ title: '关于开展植树节活动的通知' }),
    registration({ title: '关于防汛物资储备的函', urgency: '加急', docType: '函' }),
  ]) {
    await app.engine.start({
      workflow: 'incoming',
      actorId: 'zhou',
      commandId: randomUUID(),
      input,
    });
    app.clock.advance(60_000);
  }
});
afterAll(async () => {
  await app?.close();
});

describe('tasks.inbox', () => {
  it('lists the secretary’s 待办 newest first, with counts', async () => {
    const wang = callerFor(app, 'wang').tasks;
    const all = await wang.inbox({});
    expect(all.total).toBe(3);
    expect(all.items.map((l) => l.caseTitle)).toEqual([
      '关于防汛物资储备的函',
      '关于开展植树节活动的通知',
      '关于预算调整的紧急通知',
    ]);
    expect(all.items.every((l) => l.principalName === null && !l.overdue)).toBe(true);
    expect(await wang.counts()).toMatchObject({
      total: 3,
      overdue: 0,
      remind: 0,
      byWorkflow: { incoming: 3 },
    });
    const oldest = await wang.inbox({ sort: 'oldest', pageSize: 2, page: 2 });
    expect(oldest).toMatchObject({ total: 3, items: [{ caseTitle: '关于防汛物资储备的函' }] });
  });

  it('filters on 紧急程度, 密级, 文号 and title, period and overdue', async () => {
    const wang = callerFor(app, 'wang').tasks;
    const titles = async (f: Parameters<typeof wang.inbox>[0]) =>
      (await wang.inbox(f)).items.map((l) => l.caseTitle);
    expect(await titles({ urgency: '特急' })).toEqual(['关于预算调整的紧急通知']);
    expect(await titles({ secrecy: '秘密' })).toEqual(['关于预算调整的紧急通知']);
    expect(await titles({ search: '财发〔2026〕5' })).toEqual(['关于预算调整的紧急通知']);
    expect(await titles({ search: '植树' })).toEqual(['关于开展植树节活动的通知']);
    expect(await titles({ search: '100%' })).toEqual([]);
    expect(await titles({ workflow: 'incoming', urgency: '加急' })).toEqual([
      '关于防汛物资储备的函',
    ]);
    expect(await titles({ overdue: true })).toEqual([]);
    expect((await titles({ overdue: false })).length).toBe(3);
    expect(await titles({ period: { from: new Date('2026-11-26T00:00:00Z') } })).toEqual([]);
    expect(
      (
        await titles({
          period: { from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-26T00:00:00Z') },
        })
      ).length,
    ).toBe(3);
  });

  it('refuses bad filters in Chinese', async () => {
    await expect(
      callerFor(app, 'wang').tasks.inbox({
        period: { from: new Date('2026-12-01'), to: new Date('2026-11-01') },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '填写内容有误：结束日期不能早于开始日期',
    });
    await expect(callerFor(app, 'wang').tasks.inbox({ pageSize: 1000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^填写内容有误：/),
    });
  });

  it('shows a deputy the principal’s tasks while the delegation is in force, marked 代', async () => {
    expect((await callerFor(app, 'sun').tasks.inbox({})).total).toBe(0);
    await callerFor(app, 'gao').admin.createDelegation({
      principalId: 'wang',
      deputyId: 'sun',
      startsAt: new Date('2026-11-24T00:00:00Z'),
      endsAt: new Date('2026-11-28T00:00:00Z'),
      workflows: ['incoming'],
    });
    const sun = await callerFor(app, 'sun').tasks.inbox({});
    expect(sun.total).toBe(3);
    expect(sun.items.every((l) => l.principalId === 'wang' && l.principalName === '王秘书')).toBe(
      true,
    );
    app.clock.set('2026-11-28T00:00:00Z');
    expect((await callerFor(app, 'sun').tasks.inbox({})).total).toBe(0);
  });

  it('lists 已办 for the registering secretary', async () => {
    const done = await callerFor(app, 'zhou').tasks.done({});
    expect(done.total).toBe(3);
    expect(
      (await callerFor(app, 'zhou').tasks.done({ urgency: '特急' })).items.map((l) => l.title),
    ).toEqual(['关于预算调整的紧急通知']);
    expect((await callerFor(app, 'wang').tasks.done({})).total).toBe(0);
  });
});

describe('tasks.inbox with a 催办', () => {
  it('shows a reminded case once, marked 催办, and counts it once', async () => {
    const zhou = callerFor(app, 'zhou');
    const { caseId } = await app.engine.start({
      workflow: 'incoming',
      actorId: 'zhou',
      commandId: randomUUID(),
      input: registration({ title: '关于冬春火灾防控工作的通知' }),
    });
    await zhou.incoming.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'PROPOSE',
        payload: {
          opinion: '拟请张县长阅示，县财政局办理。',
          mainDepartment: 'finance',
          leaders: ['zhang'],
          leaderMode: 'sequence',
          assistDepartments: [],
          circulateDepartments: [],
          supervise: true,
        },
      },
    });
    await callerFor(app, 'li').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REVIEW', payload: { decision: 'accept' } },
    });
    const zhang = callerFor(app, 'zhang').tasks;
    const before = await zhang.inbox({});
    const mine = (l: { task: { caseId: string } }) => l.task.caseId === caseId;
    expect(before.items.filter(mine)).toMatchObject([
      { task: { kind: 'act', label: '批示' }, reminded: false },
    ]);
    const countsBefore = await zhang.counts();

    await zhou.incoming.remind({ caseId, commandId: randomUUID(), note: '请尽快批示' });
    // The engine holds two open tasks for 张县长 now: 批示 and its 催办 twin.
    const open = await sql<{ kind: string; label: string }>`SELECT kind, label FROM tasks
      WHERE case_id = ${caseId} AND done_at IS NULL AND 'zhang' = ANY(candidates) ORDER BY kind`.execute(
      db(app),
    );
    expect(open.rows).toEqual([
      { kind: 'act', label: '批示' },
      { kind: 'remind', label: '催办：批示' },
    ]);
    // The 待办 list shows the case once, on the 批示 line, with the 催办 mark.
    const after = await zhang.inbox({});
    expect(after.total).toBe(before.total);
    expect(after.items.filter(mine)).toMatchObject([
      { task: { kind: 'act', label: '批示' }, reminded: true },
    ]);
    expect(await zhang.counts()).toMatchObject({
      total: countsBefore.total,
      remind: countsBefore.remind + 1,
    });
    // 事项类型 催办 lists it (once), 办理 too; 传阅 does not.
    expect((await zhang.inbox({ kind: 'remind' })).items.filter(mine)).toMatchObject([
      { task: { kind: 'act' }, reminded: true },
    ]);
    expect((await zhang.inbox({ kind: 'act' })).items.filter(mine)).toHaveLength(1);
    expect((await zhang.inbox({ kind: 'read' })).items.filter(mine)).toHaveLength(0);
  });
});
