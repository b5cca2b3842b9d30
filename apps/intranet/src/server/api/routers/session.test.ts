import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('session.me', () => {
  it('answers the signed-in user with unit and department names', async () => {
    const me = await callerFor(app, 'sun').session.me();
    expect(me).toMatchObject({
      id: 'sun',
      name: '孙科员',
      unitId: 'demo',
      unitName: '示例县人民政府',
      departmentName: '预算股',
      isAdmin: false,
    });
  });

  it('refuses a signed-out caller with 请先登录', async () => {
    await expect(callerFor(app, null).session.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: '请先登录',
    });
  });

  it('refuses a deactivated user whose session is still valid', async () => {
    await expect(callerFor(app, 'retired').session.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
