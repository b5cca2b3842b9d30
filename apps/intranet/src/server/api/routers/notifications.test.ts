import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ZIncomingAction } from '~/lib/schemas/incoming';
import { inAppNotifier } from '~/server/services/notifications/in-app-notifier';
import { delegateZhangToChen } from '~/server/testing/router-helpers';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ accounts: false });
  // 张县长 is away; 陈副县长 acts for him in 收文 this week (代理).
  await delegateZhangToChen(app);
});
afterAll(async () => {
  await app?.close();
});

const as = (userId: string) => callerFor(app, userId);
const tick = () => app.clock.advance(10 * 60 * 1000);
/** Runs the outbox worker's job once: every pending notice into the bell. */
async function deliver() {
  while ((await app.engine.deliverNotifications(inAppNotifier(app))) > 0) {
    // until the outbox is empty
  }
}
const bell = async (userId: string, caseId: string, title?: string) => {
  const { unread, items } = await as(userId).notifications.list({ limit: 50 });
  return {
    unread,
    items: items
      .filter((n) => n.caseId === caseId && (title === undefined || n.title === title))
      .map((n) => ({ title: n.title, read: n.read, obsolete: n.obsolete })),
  };
};

async function register(title: string) {
  const { caseId } = await as('wang').incoming.register({
    commandId: randomUUID(),
    registration: {
      title,
      senderUnit: '市财政局',
      senderDocNumber: '市财预〔2026〕88号',
      receivedDate: '2026-11-25',
      docType: '通知',
      keywords: [],
      secrecy: '非密',
      urgency: '普通',
      headType: '红头',
      direction: '上级来文',
      copies: 1,
      pages: 2,
      attachments: [],
    },
  });
  return caseId;
}
type IncomingActionType = z.input<typeof ZIncomingAction>['type'];
const send = (
  userId: string,
  caseId: string,
  type: IncomingActionType,
  payload: Record<string, unknown>,
) =>
  as(userId).incoming.send({
    caseId,
    commandId: randomUUID(),
    // The payload's shape is the procedure's to check; the test sends what a form would.
    action: { type, payload } as z.input<typeof ZIncomingAction>,
  });
const PROPOSAL = {
  opinion: '拟请张县长阅示。',
  leaders: ['zhang'],
  leaderMode: 'sequence',
  mainDepartment: 'finance',
  assistDepartments: [],
  circulateDepartments: [],
  supervise: false,
};

describe('notifications router', () => {
  it('shows the deputy the 批示 notice of the principal away on a delegation', async () => {
    const caseId = await register('关于代理批示通知的测试');
    tick();
    await send('wang', caseId, 'PROPOSE', PROPOSAL);
    tick();
    await send('li', caseId, 'REVIEW', { decision: 'accept', opinion: '同意' });
    await deliver();
    expect((await bell('chen', caseId)).items).toEqual([
      { title: '待办：批示（代张县长）', read: false, obsolete: null },
    ]);
    expect((await bell('zhang', caseId, '待办：批示（陈副县长代理）')).items).toEqual([
      { title: '待办：批示（陈副县长代理）', read: false, obsolete: null },
    ]);
    // the deputy does it for him: both notices are done with, neither is obsolete
    tick();
    await send('chen', caseId, 'INSTRUCT', { opinion: '同意，请抓紧落实。' });
    await deliver();
    expect((await bell('chen', caseId, '待办：批示（代张县长）')).items[0]?.obsolete).toBeNull();
    expect(
      (await bell('zhang', caseId, '待办：批示（陈副县长代理）')).items[0]?.obsolete,
    ).toBeNull();
  });

  it('marks a 待办 notice obsolete once the task closed without the user (撤回, 改派)', async () => {
    const caseId = await register('关于撤回后待办消息的测试');
    tick();
    await send('wang', caseId, 'PROPOSE', PROPOSAL);
    await deliver();
    const before = await bell('li', caseId, '待办：审阅');
    expect(before.items).toEqual([{ title: '待办：审阅', read: false, obsolete: null }]);
    // 撤回 by the proposer: 李主任's 审阅 is gone, and so is its unread notice
    tick();
    await send('wang', caseId, 'WITHDRAW', {});
    await deliver();
    const after = await bell('li', caseId, '待办：审阅');
    expect(after.items).toEqual([
      { title: '待办：审阅', read: true, obsolete: '已撤回或流程已变更' },
    ]);
    expect(after.unread).toBe(before.unread - 1);

    // proposed again, then the 审阅 is handed to 王秘书 by the administrator
    tick();
    await send('wang', caseId, 'PROPOSE', PROPOSAL);
    await deliver();
    const task = (await app.engine.case(caseId)).assignments.find((a) => a.label === '审阅')!;
    tick();
    await app.engine.reassign({
      caseId,
      actorId: 'gao',
      commandId: randomUUID(),
      taskKey: task.key,
      to: ['zhou'],
      reason: '李主任外出',
    });
    await deliver();
    expect((await bell('li', caseId, '待办：审阅')).items).toEqual([
      { title: '待办：审阅', read: true, obsolete: '已改派他人办理' },
      { title: '待办：审阅', read: true, obsolete: '已撤回或流程已变更' },
    ]);
    expect((await bell('zhou', caseId, '待办：审阅')).items).toEqual([
      { title: '待办：审阅', read: false, obsolete: null },
    ]);
    // done by the user: the notice is not obsolete
    tick();
    await send('zhou', caseId, 'REVIEW', { decision: 'accept', opinion: '同意' });
    await deliver();
    expect((await bell('zhou', caseId, '待办：审阅')).items[0]?.obsolete).toBeNull();
  });

  it('keeps one notice per person when the outbox retries it or sends its SMS twin', async () => {
    const notifier = inAppNotifier(app);
    const caseId = await register('关于召开专题会议的通知');
    const notice = {
      unitId: 'demo',
      to: ['sun', 'qian'],
      title: '会议通知：专题会议',
      body: '《专题会议》定于12月1日 09:00召开，会议室：第一会议室。',
      caseId,
      createdAt: new Date('2026-11-25T03:00:00Z'),
    };
    await notifier.send({ ...notice, id: 'ob-1', channel: 'inApp' });
    await notifier.send({ ...notice, id: 'ob-2', channel: 'sms' });
    await notifier.send({ ...notice, id: 'ob-1', channel: 'inApp' }); // delivered again
    for (const user of ['sun', 'qian']) {
      expect((await bell(user, caseId)).items).toEqual([
        { title: '会议通知：专题会议', read: false, obsolete: null },
      ]);
    }
    // a later notice with the same text is another notice
    await notifier.send({
      ...notice,
      id: 'ob-3',
      channel: 'inApp',
      createdAt: new Date('2026-11-26T03:00:00Z'),
    });
    expect((await bell('sun', caseId)).items).toHaveLength(2);
  });
});
