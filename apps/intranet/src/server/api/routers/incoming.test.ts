import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handwriting } from '~/lib/schemas/handwriting';
import { db } from '~/server/app-types';
import { readBlobFor, uploadAttachment } from '~/server/services/incoming/attachments';
import {
  delegateZhangToChen,
  incomingRegistration,
  sessionUserOf,
  TEST_PDF,
} from '~/server/testing/router-helpers';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // 陈副县长 acts for 张县长 in 收文 this week (代理).
  await delegateZhangToChen(app);
});
afterAll(async () => {
  await app?.close();
});

const as = (userId: string) => callerFor(app, userId);
const sessionUser = (id: string) => sessionUserOf(app, id);
const tick = () => app.clock.advance(10 * 60 * 1000);

async function counts() {
  const one = async (q: ReturnType<typeof sql<{ n: number }>>) =>
    (await q.execute(db(app))).rows[0]?.n ?? 0;
  return {
    cases: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`),
    ledger: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger`),
    handwriting: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM app_handwriting`),
  };
}

const PDF = TEST_PDF;

const registration = incomingRegistration;

const handwriting: Handwriting = {
  width: 400,
  height: 160,
  strokes: [
    [
      [20, 40, 0.4],
      [60, 50, 0.6],
      [120, 45, 0.7],
    ],
    [
      [40, 100, 0.5],
      [160, 110, 0.5],
    ],
  ],
};

describe('incoming router: refusals write nothing', () => {
  it('refuses a registration with missing fields, in Chinese, and writes nothing', async () => {
    const before = await counts();
    const err = await as('zhou')
      .incoming.register({
        commandId: randomUUID(),
        registration: registration({ title: '   ', copies: 0 }),
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toContain('请填写标题');
    expect((err as Error).message).toContain('份数至少为1');
    expect(await counts()).toEqual(before);
  });

  it('refuses 签收登记 by someone outside the secretariat', async () => {
    const before = await counts();
    await expect(
      as('sun').incoming.register({ commandId: randomUUID(), registration: registration() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: '您无权发起“收文办理”' });
    expect(await counts()).toEqual(before);
  });

  it('refuses attachments that were not uploaded by the registrar', async () => {
    const before = await counts();
    await expect(
      as('zhou').incoming.register({
        commandId: randomUUID(),
        registration: registration({ attachments: [{ blobId: 'not-a-blob', name: 'x.pdf' }] }),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '附件不存在或已被使用，请重新上传' });
    expect(await counts()).toEqual(before);
  });

  it('checks uploads: type, content and size, with Chinese messages', async () => {
    const zhou = await sessionUser('zhou');
    await expect(
      uploadAttachment(app, zhou, { name: 'virus.exe', bytes: new Uint8Array([77, 90]) }),
    ).rejects.toThrow(/不支持的附件类型“\.exe”/);
    await expect(
      uploadAttachment(app, zhou, { name: '伪装.pdf', bytes: new Uint8Array([77, 90, 0, 0]) }),
    ).rejects.toThrow('附件“伪装.pdf”的内容与扩展名“.pdf”不符');
    await expect(
      uploadAttachment(app, zhou, { name: '空.txt', bytes: new Uint8Array(0) }),
    ).rejects.toThrow('附件“空.txt”是空文件');
    await expect(
      uploadAttachment(app, zhou, { name: '大.txt', bytes: new Uint8Array(21 * 1024 * 1024) }),
    ).rejects.toThrow('附件“大.txt”超过20MB，不能上传');
  });
});

describe('incoming router: one 收文 through several people', () => {
  let caseId = '';
  let blobId = '';

  it('签收登记 with an uploaded attachment allocates the 收文编号', async () => {
    const zhou = await sessionUser('zhou');
    const up = await uploadAttachment(app, zhou, { name: '预算表.pdf', bytes: PDF });
    blobId = up.blobId;
    // Before it is used, only the uploader may read it.
    await expect(readBlobFor(app, await sessionUser('zhao'), blobId)).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    const commandId = randomUUID();
    const input = {
      commandId,
      registration: registration({ attachments: [{ blobId, name: '预算表.pdf' }] }),
    };
    const res = await as('zhou').incoming.register(input);
    expect(res.serialNo).toBe('收〔2026〕0001');
    caseId = res.caseId;
    // A retried submit (same command id) returns the same case and allocates no new number.
    expect(await as('zhou').incoming.register(input)).toEqual(res);
    // The blob now belongs to the case: it cannot be attached elsewhere.
    await expect(
      as('zhou').incoming.register({
        commandId: randomUUID(),
        registration: registration({ attachments: [{ blobId, name: '预算表.pdf' }] }),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shows the case to the registrar with the actions of the current step', async () => {
    const view = await as('zhou').incoming.get({ caseId });
    expect(view).toMatchObject({
      title: '关于做好2027年度预算编制工作的通知',
      serialNo: '收〔2026〕0001',
      state: 'proposing',
      stateLabel: '待拟办',
      scope: 'all',
      attachments: [{ blobId, name: '预算表.pdf' }],
    });
    expect(view.actions.map((a) => [a.type, a.schemaName])).toEqual([
      ['PROPOSE', 'ZProposal'],
      ['RETURN', 'ZReturn'],
    ]);
    expect(view.current.map((c) => c.label)).toEqual(['拟办']);
  });

  it('refuses the case to staff of another department (无权访问) and to another unit', async () => {
    await expect(as('sun').incoming.get({ caseId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权访问：您与该收文无关，不能查看',
    });
    await expect(as('sun').incoming.timeline({ caseId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as('outsider').incoming.get({ caseId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(readBlobFor(app, await sessionUser('sun'), blobId)).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    expect((await as('sun').incoming.list({})).total).toBe(0);
  });

  it('refuses a bad proposal with the core schema message and writes nothing', async () => {
    const before = await counts();
    const err = await as('zhou')
      .incoming.send({
        caseId,
        commandId: randomUUID(),
        action: {
          type: 'PROPOSE',
          payload: { opinion: '', leaders: [], leaderMode: 'sequence' } as never,
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toContain('请填写拟办意见');
    expect((err as Error).message).toContain('至少选择一位批示领导');
    expect(await counts()).toEqual(before);
  });

  it('拟办 → 审阅 → 批示 by a deputy (代理) with handwriting', async () => {
    tick();
    await as('zhou').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'PROPOSE',
        payload: {
          opinion: '拟请张县长阅示，县财政局牵头办理，县政府办公室传阅。',
          leaders: ['zhang'],
          leaderMode: 'sequence',
          mainDepartment: 'finance',
          assistDepartments: [],
          circulateDepartments: ['office'],
          supervise: true,
        },
      },
    });
    // A wrong user cannot act: 孙科员 is not the reviewer.
    const before = await counts();
    await expect(
      as('sun').incoming.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'REVIEW', payload: { decision: 'accept' } },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: '您不是当前环节的办理人' });
    // Handwriting only goes with 批示 / 审阅.
    await expect(
      as('zhou').incoming.send({
        caseId,
        commandId: randomUUID(),
        handwriting,
        action: { type: 'REMIND', payload: {} },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '只有批示和审阅意见可以附手写批注' });
    expect(await counts()).toEqual(before);

    tick();
    await as('li').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REVIEW', payload: { decision: 'accept', opinion: '同意拟办意见' } },
    });
    tick();
    const chenView = await as('chen').incoming.get({ caseId });
    const instruct = chenView.actions.find((a) => a.type === 'INSTRUCT');
    expect(instruct).toMatchObject({
      onBehalfOf: 'zhang',
      onBehalfOfName: '张县长',
      handwriting: true,
      schemaName: 'ZInstruct',
    });
    const commandId = randomUUID();
    const sent = await as('chen').incoming.send({
      caseId,
      commandId,
      handwriting,
      action: { type: 'INSTRUCT', payload: { opinion: '请财政局研究落实。' } },
    });
    // Retrying the same command changes nothing and keeps one handwriting row.
    expect(
      await as('chen').incoming.send({
        caseId,
        commandId,
        handwriting,
        action: { type: 'INSTRUCT', payload: { opinion: '请财政局研究落实。' } },
      }),
    ).toEqual(sent);
    expect((await counts()).handwriting).toBe(1);
    const timeline = await as('zhou').incoming.timeline({ caseId });
    const step = timeline.steps.find((s) => s.event === 'INSTRUCT');
    expect(step).toMatchObject({
      actorName: '陈副县长',
      onBehalfOfName: '张县长',
      opinion: '请财政局研究落实。',
      handwriting,
    });
  });

  it('催办 by the secretariat counts, others may not', async () => {
    await expect(
      as('zhao').incoming.remind({ caseId, commandId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as('zhou').incoming.get({ caseId })).canRemind).toBe(true);
    await as('zhou').incoming.remind({ caseId, commandId: randomUUID(), note: '请抓紧办理' });
    expect((await as('zhou').incoming.get({ caseId })).reminderCount).toBe(1);
  });

  it('承办 with a 退回 and a hand-down; 传阅 with read status', async () => {
    tick();
    const zhaoView = await as('zhao').incoming.get({ caseId });
    expect(zhaoView.actions.find((a) => a.type === 'ASSIGN')?.departments).toEqual([
      { id: 'finance', name: '县财政局' },
    ]);
    expect((await as('zhao').incoming.open({ caseId })).opened).toBeGreaterThan(0);
    const send = (
      user: string,
      action: Parameters<ReturnType<typeof as>['incoming']['send']>[0]['action'],
    ) => as(user).incoming.send({ caseId, commandId: randomUUID(), action });
    await send('zhao', { type: 'ASSIGN', payload: { departmentId: 'finance', handlerId: 'qian' } });
    tick();
    await send('qian', {
      type: 'RETURN',
      payload: { reason: '应由预算股以外的科室办理，请重新分派' },
    });
    tick();
    await send('zhao', {
      type: 'ASSIGN',
      payload: { departmentId: 'finance', handlerId: 'qian', note: '仍请预算股办理' },
    });
    tick();
    await send('qian', {
      type: 'HAND_DOWN',
      payload: { departmentId: 'finance', handlerId: 'sun' },
    });
    // 传阅 in 县政府办公室 waits for 李主任 to pick the readers, then he picks 高管理员.
    expect((await as('zhou').incoming.readStatus({ caseId })).waiting).toEqual([
      { departmentId: 'office', departmentName: '县政府办公室', heads: ['李主任'] },
    ]);
    await send('li', {
      type: 'PICK_READERS',
      payload: { departmentId: 'office', readers: ['gao'] },
    });
    const status = await as('zhou').incoming.readStatus({ caseId });
    expect(status.departments).toEqual([
      {
        departmentId: 'office',
        departmentName: '县政府办公室',
        read: [{ userId: 'li', name: '李主任', readAt: expect.any(Date) }],
        unread: [{ userId: 'gao', name: '高管理员' }],
      },
    ]);
    tick();
    const result = await uploadAttachment(app, await sessionUser('sun'), {
      name: '办理报告.pdf',
      bytes: PDF,
    });
    await send('sun', {
      type: 'SUBMIT_RESULT',
      payload: {
        departmentId: 'finance',
        result: '已完成2027年度预算编制。',
        attachments: [{ blobId: result.blobId, name: '办理报告.pdf' }],
      },
    });
    tick();
    await send('zhao', {
      type: 'CONFIRM',
      payload: { departmentId: 'finance', opinion: '同意办结' },
    });
    await send('gao', { type: 'READ', payload: { departmentId: 'office', opinion: '已阅' } });
    const done = await as('zhou').incoming.get({ caseId });
    expect(done.stateLabel).toBe('已办结');
    expect((await as('zhou').incoming.readStatus({ caseId })).unreadCount).toBe(0);
    // The handler may now read the registration's attachment.
    const file = await readBlobFor(app, await sessionUser('sun'), blobId);
    expect(file).toMatchObject({ name: '预算表.pdf', contentType: 'application/pdf' });
  });

  it('shows the flow only downward to ordinary users, everything to the secretariat', async () => {
    const names = async (user: string) =>
      new Set((await as(user).incoming.timeline({ caseId })).steps.map((s) => s.actorName));
    const sun = await as('sun').incoming.timeline({ caseId });
    expect(sun.scope).toBe('downward');
    expect(new Set(sun.steps.map((s) => s.actorName))).toEqual(new Set(['孙科员']));
    expect(sun.steps.map((s) => s.label)).toEqual(['提交办理结果']);
    expect(await names('qian')).toEqual(new Set(['钱股长', '孙科员']));
    expect(await names('zhao')).toEqual(new Set(['赵局长', '钱股长', '孙科员']));
    const all = await as('zhou').incoming.timeline({ caseId });
    expect(all.scope).toBe('all');
    expect(all.steps.map((s) => s.label)).toEqual([
      '签收登记',
      '拟办',
      '审阅',
      '批示',
      '催办',
      '分派承办人',
      '退回',
      '分派承办人',
      '转办',
      '传阅',
      '提交办理结果',
      '确认办结',
      '已阅',
    ]);
    // 传阅 status is limited the same way: 孙科员 sees no readers of another department.
    expect((await as('sun').incoming.readStatus({ caseId })).departments).toEqual([]);
  });

  it('lists the case for those with a part, and filters', async () => {
    const zhouList = await as('zhou').incoming.list({ search: '0001' });
    expect(zhouList.items.map((i) => i.serialNo)).toEqual(['收〔2026〕0001']);
    expect((await as('sun').incoming.list({})).items.map((i) => i.id)).toEqual([caseId]);
    expect((await as('zhou').incoming.list({ urgency: '特急' })).total).toBe(0);
    expect((await as('zhou').incoming.list({ state: 'completed' })).total).toBe(1);
    expect((await as('outsider').incoming.list({})).total).toBe(0);
  });

  it('prints the 处理笺 with every opinion and the handwriting; archives; then read-only', async () => {
    const sheet = await as('zhou').incoming.sheet({ caseId });
    expect(sheet.fields).toContainEqual(['收文编号', '收〔2026〕0001']);
    expect(sheet.opinions.map((o) => [o.step, o.name])).toEqual([
      ['拟办意见', '周文秘'],
      ['审阅意见', '李主任'],
      ['领导批示', '陈副县长（代张县长）'],
      ['催办', '周文秘'],
      ['退回理由', '钱股长'],
      ['分派承办人', '赵局长'],
      ['办理结果', '孙科员'],
      ['办结确认', '赵局长'],
      ['阅文意见', '高管理员'],
    ]);
    expect(sheet.opinions.find((o) => o.step === '领导批示')?.strokes).toEqual(handwriting);
    // 签收人, 成文日期, 承办人 (the chain through 转办) and the 分派 说明; no 档号 before 归档
    const field = (s: typeof sheet, label: string) => s.fields.find(([l]) => l === label)?.[1];
    expect(field(sheet, '签收人')).toMatch(/^周文秘　2026-\d\d-\d\d \d\d:\d\d$/);
    expect(field(sheet, '成文日期')).toBe('');
    expect(field(sheet, '承办人')).toBe('县财政局（主办）：钱股长→孙科员');
    expect(field(sheet, '档号')).toBe('');
    expect(sheet.opinions.find((o) => o.step === '分派承办人')?.text).toBe(
      '县财政局承办人：钱股长\n说明：仍请预算股办理',
    );
    await as('zhou').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'ARCHIVE', payload: { archiveCode: 'WS·2026-Y-0001' } },
    });
    expect(field(await as('zhou').incoming.sheet({ caseId }), '档号')).toBe('WS·2026-Y-0001');
    // 孙科员 (downward view) sees himself as 承办人 on his 处理笺
    expect(field(await as('sun').incoming.sheet({ caseId }), '承办人')).toContain('孙科员');
    const archived = await as('zhou').incoming.get({ caseId });
    expect(archived).toMatchObject({ stateLabel: '已归档', actions: [], canRemind: false });
    await expect(
      as('zhou').incoming.remind({ caseId, commandId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '办件已办结，不能再操作' });
  });
});

describe('incoming router: 撤回', () => {
  it('marks a withdrawn proposal in the timeline and leaves it off the 处理笺', async () => {
    const { caseId } = await as('wang').incoming.register({
      commandId: randomUUID(),
      registration: registration({ title: '关于报送2026年工作总结的通知', urgency: '普通' }),
    });
    tick();
    await as('wang').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'PROPOSE',
        payload: {
          opinion: '拟请陈副县长阅示，县政府办公室传阅。',
          leaders: ['chen'],
          leaderMode: 'sequence',
          assistDepartments: [],
          circulateDepartments: ['office'],
          supervise: false,
        },
      },
    });
    const view = await as('wang').incoming.get({ caseId });
    expect(view.actions.map((a) => a.type)).toEqual(['WITHDRAW']);
    tick();
    await as('wang').incoming.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'WITHDRAW', payload: {} },
    });
    expect((await as('wang').incoming.get({ caseId })).stateLabel).toBe('待拟办');
    const steps = (await as('wang').incoming.timeline({ caseId })).steps;
    expect(steps.map((s) => [s.label, s.withdrawn])).toEqual([
      ['签收登记', false],
      ['拟办', true],
      ['撤回', false],
    ]);
    expect((await as('wang').incoming.sheet({ caseId })).opinions).toEqual([]);
    // 孙科员 has no part in this one: his list still holds only the first case.
    const sunList = await as('sun').incoming.list({});
    expect(sunList.items.map((i) => i.title)).toEqual(['关于做好2027年度预算编制工作的通知']);
    expect(
      (await as('zhou').incoming.list({ sort: 'serialAsc' })).items.map((i) => i.serialNo),
    ).toEqual(['收〔2026〕0001', '收〔2026〕0002']);
  });
});
