import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '~demo/accounts';
import { DEMO_ORG, DEMO_UNIT_ID } from '~demo/org';
import { baseURL, launchBrowser, newContext, signIn } from './browser';
import { ADMIN, LOCK_VICTIM, SECRETARY, STAFF } from './people';

/**
 * Security over HTTP against the production build (plain fetch, no browser unless said):
 * cross-site requests refused, sessions revoked at once, security headers, real 403/404.
 */

// People no other e2e file signs in as: their sessions are signed out and reset here.
const taken = new Set([ADMIN.username, SECRETARY.username, STAFF.username, LOCK_VICTIM.username]);
const spare = DEMO_ORG.users.filter(
  (u) =>
    u.unitId === DEMO_UNIT_ID &&
    u.active &&
    !taken.has(u.id) &&
    u.roles.includes('staff') &&
    !u.roles.includes('admin'),
);
const [SIGN_OUT_USER, RESET_USER] = spare.slice(-2).map((u) => u.id);

/** A small cookie jar for fetch. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (!pair || i < 0) continue;
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  copy(): Jar {
    const j = new Jar();
    for (const [k, v] of this.cookies) j.cookies.set(k, v);
    return j;
  }
}

const url = (path: string) => new URL(path, baseURL()).toString();

/** Signs in through next-auth's credentials endpoint, as the login form does. */
async function signInHttp(username: string, password = DEMO_PASSWORD): Promise<Jar> {
  const jar = new Jar();
  const csrfRes = await fetch(url('/api/auth/csrf'));
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(url('/api/auth/callback/credentials'), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: baseURL(),
      cookie: jar.header(),
    },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  jar.take(res);
  if (!jar.header().includes('session-token')) {
    throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
  }
  return jar;
}

/** 退出登录 as the header's menu does (POST /api/auth/signout with next-auth's CSRF token). */
async function signOutHttp(jar: Jar): Promise<Response> {
  const csrfRes = await fetch(url('/api/auth/csrf'), { headers: { cookie: jar.header() } });
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(url('/api/auth/signout'), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: baseURL(),
      cookie: jar.header(),
    },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  jar.take(res);
  return res;
}

function trpcGet(jar: Jar, path: string, input?: unknown): Promise<Response> {
  const q =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return fetch(url(`/api/trpc/${path}${q}`), { headers: { cookie: jar.header() } });
}

function trpcPost(
  jar: Jar,
  path: string,
  body: BodyInit,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(url(`/api/trpc/${path}`), {
    method: 'POST',
    body,
    headers: { cookie: jar.header(), ...headers },
  });
}

const json = (input: unknown) => JSON.stringify({ json: input });
const JSON_SAME_ORIGIN = () => ({ 'content-type': 'application/json', origin: baseURL() });

async function unreadOf(jar: Jar): Promise<number> {
  const res = await trpcGet(jar, 'notifications.list', { limit: 1 });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { json: { unread: number } } } }).result.data.json
    .unread;
}

async function messageOf(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { json?: { message?: string } }; message?: string };
  return body.error?.json?.message ?? body.message ?? '';
}

let secretary: Jar;
beforeAll(async () => {
  secretary = await signInHttp(SECRETARY.username);
});

describe('CSRF: state-changing requests must come from the intranet itself', () => {
  it('refuses a multipart mutation from another site with 403 and changes nothing', async () => {
    const before = await unreadOf(secretary);
    expect(before).toBeGreaterThan(0);
    const form = new FormData();
    form.set('ids', '');
    const res = await trpcPost(secretary, 'notifications.markRead', form, {
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
    expect(await messageOf(res)).toBe('请求来源不被允许：已拒绝跨站提交');
    expect(await unreadOf(secretary)).toBe(before);
  });

  it('refuses a page on another port of the same host (same site, another origin)', async () => {
    const before = await unreadOf(secretary);
    const other = new URL(baseURL());
    other.port = String(Number(other.port) + 1);
    const byOrigin = await trpcPost(secretary, 'notifications.markRead', json({}), {
      'content-type': 'application/json',
      origin: other.origin,
    });
    expect(byOrigin.status).toBe(403);
    const bySite = await trpcPost(secretary, 'notifications.markRead', json({}), {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-site',
    });
    expect(bySite.status).toBe(403);
    expect(await unreadOf(secretary)).toBe(before);
  });

  it('refuses multipart even from the intranet itself (415): tRPC mutations are JSON only', async () => {
    const before = await unreadOf(secretary);
    const form = new FormData();
    form.set('ids', '');
    const res = await trpcPost(secretary, 'notifications.markRead', form, { origin: baseURL() });
    expect(res.status).toBe(415);
    expect(await messageOf(res)).toBe('请求格式不被支持：仅接受 application/json');
    expect(await unreadOf(secretary)).toBe(before);
  });

  it('accepts a same-origin JSON mutation', async () => {
    const res = await trpcPost(
      secretary,
      'notifications.markRead',
      json({ ids: ['no-such-notice'] }),
      JSON_SAME_ORIGIN(),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: { data: { json: { updated: 0 } } } });
  });

  it('guards the other POST routes too: uploads and next-auth', async () => {
    const form = new FormData();
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    const upload = await fetch(url('/api/blobs'), {
      method: 'POST',
      body: form,
      headers: { cookie: secretary.header(), origin: 'http://evil.example' },
    });
    expect(upload.status).toBe(403);
    const signout = await fetch(url('/api/auth/signout'), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: secretary.header(),
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'json=true',
    });
    expect(signout.status).toBe(403);
    expect((await trpcGet(secretary, 'session.me')).status).toBe(200);
  });
});

describe('sessions end at once', () => {
  it('a session cookie copied before 退出登录 no longer works after it', async () => {
    if (!SIGN_OUT_USER) throw new Error('no spare demo user');
    const jar = await signInHttp(SIGN_OUT_USER);
    const copy = jar.copy();
    expect((await trpcGet(copy, 'session.me')).status).toBe(200);
    const out = await signOutHttp(jar);
    expect(out.status).toBeLessThan(400);
    const after = await trpcGet(copy, 'session.me');
    expect(after.status).toBe(401);
    const page = await fetch(url('/inbox'), {
      headers: { cookie: copy.header() },
      redirect: 'manual',
    });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/login');
    // Signing in again works.
    expect((await trpcGet(await signInHttp(SIGN_OUT_USER), 'session.me')).status).toBe(200);
  });

  it('a session stops working when an administrator resets the password', async () => {
    if (!RESET_USER) throw new Error('no spare demo user');
    const victim = await signInHttp(RESET_USER);
    expect((await trpcGet(victim, 'session.me')).status).toBe(200);
    const admin = await signInHttp(ADMIN.username);
    // The same password again: other runs can still sign in; the reset itself ends sessions.
    const reset = await trpcPost(
      admin,
      'admin.resetPassword',
      json({ id: RESET_USER, password: DEMO_PASSWORD }),
      JSON_SAME_ORIGIN(),
    );
    expect(reset.status).toBe(200);
    expect((await trpcGet(victim, 'session.me')).status).toBe(401);
    expect((await trpcGet(admin, 'session.me')).status).toBe(200);
  });
});

describe('security headers', () => {
  const expectBase = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('pages: a nonce-based CSP whose nonce is on every script of the page', async () => {
    const pages: Array<[string, Jar | null]> = [
      ['/login', null],
      ['/', secretary],
      ['/inbox', secretary],
      ['/incoming', secretary],
    ];
    for (const [path, jar] of pages) {
      const res = await fetch(url(path), {
        headers: jar ? { cookie: jar.header() } : {},
        redirect: 'manual',
      });
      expect(res.status, path).toBe(200);
      expectBase(res);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const s of scripts) expect(s, `${path}: ${s}`).toContain(`nonce="${nonce}"`);
    }
  });

  it('a fresh nonce per response', async () => {
    const a = (await fetch(url('/login'))).headers.get('content-security-policy');
    const b = (await fetch(url('/login'))).headers.get('content-security-policy');
    expect(a).not.toBe(b);
  });

  it('API routes: nosniff, no framing', async () => {
    for (const path of ['/api/trpc/session.me', '/api/auth/session']) {
      const res = await fetch(url(path), { headers: { cookie: secretary.header() } });
      expect(res.status, path).toBe(200);
      expectBase(res);
    }
  });

  it('the app still works in Chromium with the policy: no CSP violation, pages hydrate', async () => {
    const browser: Browser = await launchBrowser();
    try {
      const context = await newContext(browser);
      const violations: string[] = [];
      context.on('console', (m: ConsoleMessage) => {
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) {
          violations.push(m.text());
        }
      });
      const page = await signIn(context, STAFF.username, STAFF.password);
      for (const path of ['/inbox', '/done', '/incoming', '/outgoing', '/ledger']) {
        await page.goto(path);
        await page.getByTestId('user-name').waitFor({ state: 'visible' });
      }
      // Client navigation works (hydrated React), and a menu click renders the new page.
      await page.getByRole('link', { name: '首页' }).first().click();
      await page.waitForURL((u) => u.pathname === '/');
      expect(violations).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('forbidden and missing pages answer 403 and 404', () => {
  let staff: Jar;
  beforeAll(async () => {
    staff = await signInHttp(STAFF.username);
  });

  it('403 for a page the user may not open, with 无权访问', async () => {
    for (const path of ['/admin/org', '/admin/audit', '/statistics', '/incoming/new']) {
      const res = await fetch(url(path), { headers: { cookie: staff.header() } });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain('无权访问');
    }
  });

  it('404 for an unknown case and an unknown address', async () => {
    for (const path of [
      '/incoming/no-such-case',
      '/outgoing/no-such-case',
      '/meetings/no-such-case',
      '/reports/no-such-case',
      '/no-such-page',
    ]) {
      const res = await fetch(url(path), { headers: { cookie: staff.header() } });
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('页面不存在');
    }
  });

  it('200 for the pages the user may open', async () => {
    for (const path of ['/', '/inbox', '/outgoing/new']) {
      const res = await fetch(url(path), { headers: { cookie: staff.header() } });
      expect(res.status, path).toBe(200);
    }
  });
});

describe('procedure inputs', () => {
  it('refuses keys an input does not name, in Chinese', async () => {
    const res = await trpcPost(
      secretary,
      'notifications.markRead',
      json({ ids: ['x'], userId: 'someone-else' }),
      JSON_SAME_ORIGIN(),
    );
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toBe('填写内容有误：不允许的字段：userId');
  });

  it('answers tRPC’s and superjson’s own refusals in Chinese', async () => {
    const proto = await trpcPost(
      secretary,
      'notifications.markRead',
      JSON.stringify({ json: { ids: [] }, meta: { values: { '__proto__.x': ['undefined'] } } }),
      JSON_SAME_ORIGIN(),
    );
    expect(proto.status).toBeGreaterThanOrEqual(400);
    expect(await messageOf(proto)).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
    const missing = await trpcGet(secretary, 'no.such');
    expect(missing.status).toBe(404);
    expect(await messageOf(missing)).toBe('请求的接口不存在');
  });
});

afterAll(async () => {
  // Nothing to undo: the users signed out here sign in again with the demo password.
});
