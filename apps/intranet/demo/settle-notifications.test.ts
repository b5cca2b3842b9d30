import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';
import { settleDemoNotifications } from './settle-notifications';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ accounts: false });
});
afterAll(async () => {
  await app?.close();
});

describe('settleDemoNotifications', () => {
  it('delivers the outbox and leaves unread only notices about what is still in 待办', async () => {
    const { caseId } = await callerFor(app, 'zhou').incoming.register({
      commandId: randomUUID(),
      registration: {
        title: '关于做好2027年度预算编制工作的通知',
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
    const openFor = (await app.engine.case(caseId)).assignments.flatMap((a) => a.candidates);
    expect(openFor.length).toBeGreaterThan(0);
    // an old notice about a case nobody has to act on any more
    await db(app)
      .insertInto('app_notifications')
      .values({
        id: randomUUID(),
        unit_id: 'u1',
        user_id: 'sun',
        case_id: 'finished-long-ago',
        channel: 'inApp',
        title: '办件已办结',
        body: '……',
        created_at: new Date('2026-10-01T00:00:00Z'),
        read_at: null,
      })
      .execute();

    const unread = await settleDemoNotifications(app);

    const rows = await db(app)
      .selectFrom('app_notifications')
      .select(['user_id', 'case_id', 'read_at'])
      .execute();
    const stillUnread = rows.filter((r) => r.read_at === null);
    expect(unread).toBe(stillUnread.length);
    expect(stillUnread.length).toBeGreaterThan(0); // the registration told the next handler
    expect(stillUnread.every((r) => r.case_id === caseId && openFor.includes(r.user_id))).toBe(
      true,
    );
    expect(rows.find((r) => r.case_id === 'finished-long-ago')?.read_at).toBeInstanceOf(Date);
    // the outbox is empty: a second run delivers nothing new
    expect(await settleDemoNotifications(app)).toBe(unread);
    expect((await db(app).selectFrom('app_notifications').select('id').execute()).length).toBe(
      rows.length,
    );
  });
});
