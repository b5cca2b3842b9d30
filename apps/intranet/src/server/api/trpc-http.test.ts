import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextForUserId } from '~/server/api/context';
import { toChineseMessage } from '~/server/api/errors';
import { appRouter } from '~/server/api/root';
import { assertTrpcRequestAllowed } from '~/server/api/trpc';
import { db } from '~/server/app-types';
import { createTestApp, type TestApp } from '~/server/testing/test-app';

const APP = 'http://intranet.test:3000';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** What /api/trpc/[trpc]/route.ts does, signed in as `userId`. */
function call(
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  userId = 'zhang',
) {
  const req = new Request(`${APP}/api/trpc/${path}`, {
    ...init,
    headers: { host: 'intranet.test:3000', ...init.headers },
  });
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      assertTrpcRequestAllowed(req, APP);
      return contextForUserId(app, userId, req.headers);
    },
  });
}

async function errorOf(
  res: Response,
): Promise<{ message: string; code: string; httpStatus: number }> {
  const body = (await res.json()) as {
    error: { json: { message: string; data: { code: string; httpStatus: number } } };
  };
  const e = body.error.json;
  return { message: e.message, code: e.data.code, httpStatus: e.data.httpStatus };
}

async function unread(userId: string): Promise<number> {
  const rows = await db(app)
    .selectFrom('app_notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  return rows.length;
}

describe('tRPC over HTTP: cross-site requests', () => {
  beforeAll(async () => {
    await db(app)
      .insertInto('app_notifications')
      .values(
        [1, 2, 3].map((i) => ({
          id: `n${i}`,
          unit_id: 'demo',
          user_id: 'zhang',
          case_id: null,
          channel: 'inApp',
          title: `通知${i}`,
          body: '',
          created_at: app.clock.now(),
          read_at: null,
        })),
      )
      .execute();
  });

  it('refuses a multipart/form-data mutation (an HTML form from anywhere) with 415', async () => {
    const form = new FormData();
    form.set('x', '1');
    const res = await call('notifications.markRead', {
      method: 'POST',
      body: form,
      headers: { origin: APP },
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).message).toBe('请求格式不被支持：仅接受 application/json');
    expect(await unread('zhang')).toBe(3);
  });

  it('refuses text/plain and octet-stream mutations too', async () => {
    for (const type of ['text/plain', 'application/octet-stream']) {
      const res = await call('notifications.markRead', {
        method: 'POST',
        body: '{"json":{}}',
        headers: { origin: APP, 'content-type': type },
      });
      expect(res.status).toBe(415);
    }
    expect(await unread('zhang')).toBe(3);
  });

  it('refuses a JSON mutation from another origin (another site, or another port) with 403', async () => {
    for (const origin of ['http://evil.example', 'http://intranet.test:3001']) {
      const res = await call('notifications.markRead', {
        method: 'POST',
        body: JSON.stringify({ json: {} }),
        headers: { origin, 'content-type': 'application/json' },
      });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toBe('请求来源不被允许：已拒绝跨站提交');
    }
    expect(await unread('zhang')).toBe(3);
  });

  it('accepts a same-origin JSON mutation', async () => {
    const res = await call('notifications.markRead', {
      method: 'POST',
      body: JSON.stringify({ json: { ids: ['n1'] } }),
      headers: { origin: APP, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await unread('zhang')).toBe(2);
  });
});

describe('tRPC over HTTP: inputs and messages in Chinese', () => {
  const json = (body: unknown) => ({
    method: 'POST',
    body: JSON.stringify(body),
    headers: { origin: APP, 'content-type': 'application/json' },
  });

  it('refuses keys an input does not name, with 不允许的字段', async () => {
    const res = await call('notifications.markRead', json({ json: { ids: ['n2'], userId: 'li' } }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('填写内容有误：不允许的字段：userId');
    expect(await unread('zhang')).toBe(2);
  });

  it('refuses unknown keys nested in an SDK payload too', async () => {
    const res = await call(
      'incoming.send',
      json({
        json: {
          caseId: 'c1',
          commandId: crypto.randomUUID(),
          action: { type: 'REMIND', payload: { note: '请尽快办理', sneaky: true } },
        },
      }),
    );
    const e = await errorOf(res);
    expect(e.httpStatus).toBe(400);
    expect(e.message).toContain('不允许的字段：sneaky');
  });

  it('answers superjson’s prototype refusal in Chinese', async () => {
    const res = await call(
      'notifications.markRead',
      json({ json: { ids: [] }, meta: { values: { '__proto__.polluted': ['undefined'] } } }),
    );
    const e = await errorOf(res);
    expect(e.httpStatus).toBeGreaterThanOrEqual(400);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('answers tRPC’s own refusals in Chinese (unknown procedure, wrong method)', async () => {
    const missing = await call('nothing.here', { method: 'GET' });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).message).toBe('请求的接口不存在');
    const wrong = await call('notifications.markRead', { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect((await errorOf(wrong)).message).toBe('请求方法不被支持');
  });

  it('maps English messages by pattern or code and keeps Chinese ones', () => {
    expect(toChineseMessage('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content-type "text/plain')).toBe(
      '请求格式不被支持：仅接受 application/json',
    );
    expect(toChineseMessage('BAD_REQUEST', '__proto__ is not allowed as a property')).toBe(
      '请求内容包含不允许的属性名',
    );
    expect(toChineseMessage('TIMEOUT', 'Something else')).toBe('请求超时，请稍后重试');
    expect(toChineseMessage('FORBIDDEN', '无权访问')).toBe('无权访问');
  });
});
