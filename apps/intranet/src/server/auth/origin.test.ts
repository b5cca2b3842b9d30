import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, isJsonRequest, ownOrigins } from './origin';

const APP = 'http://intranet.example:3000';

function req(method: string, headers: Record<string, string>, url = `${APP}/api/trpc/x`) {
  return { method, url, headers: new Headers({ host: 'intranet.example:3000', ...headers }) };
}

describe('checkRequestOrigin', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS']) {
      expect(checkRequestOrigin(req(m, { origin: 'http://evil.example' }), APP).ok).toBe(true);
    }
  });

  it('accepts a POST from the app itself (Origin and Sec-Fetch-Site)', () => {
    expect(
      checkRequestOrigin(req('POST', { origin: APP, 'sec-fetch-site': 'same-origin' }), APP),
    ).toEqual({ ok: true });
  });

  it('refuses a POST from another site', () => {
    const r = checkRequestOrigin(req('POST', { origin: 'http://evil.example' }), APP);
    expect(r).toEqual({ ok: false, reason: 'Origin: http://evil.example' });
  });

  it('refuses another port of the same host: same site, but another origin', () => {
    expect(
      checkRequestOrigin(req('POST', { origin: 'http://intranet.example:3001' }), APP).ok,
    ).toBe(false);
    expect(checkRequestOrigin(req('POST', { 'sec-fetch-site': 'same-site' }), APP).ok).toBe(false);
    // Even when the page's Origin were hidden, the browser's Sec-Fetch-Site tells.
    expect(
      checkRequestOrigin(req('POST', { origin: APP, 'sec-fetch-site': 'same-site' }), APP).ok,
    ).toBe(false);
  });

  it('refuses another scheme and the opaque origin "null"', () => {
    expect(
      checkRequestOrigin(req('POST', { origin: 'https://intranet.example:3000' }), APP).ok,
    ).toBe(false);
    expect(checkRequestOrigin(req('POST', { origin: 'null' }), APP).ok).toBe(false);
  });

  it('refuses cross-site by Sec-Fetch-Site alone, and checks Referer when there is no Origin', () => {
    expect(checkRequestOrigin(req('POST', { 'sec-fetch-site': 'cross-site' }), APP).ok).toBe(false);
    expect(checkRequestOrigin(req('POST', { referer: 'http://evil.example/x' }), APP).ok).toBe(
      false,
    );
    expect(checkRequestOrigin(req('POST', { referer: `${APP}/inbox` }), APP).ok).toBe(true);
  });

  it('lets a non-browser client (no Origin, Referer or Sec-Fetch-Site) through', () => {
    expect(checkRequestOrigin(req('POST', {}), APP).ok).toBe(true);
  });

  it('behind a reverse proxy: NEXTAUTH_URL is the public origin, whatever Host the app sees', () => {
    const behind = {
      method: 'POST',
      url: 'http://127.0.0.1:3000/api/trpc/x',
      headers: new Headers({ host: '127.0.0.1:3000', origin: 'https://oa.example.gov.cn' }),
    };
    expect(checkRequestOrigin(behind, 'https://oa.example.gov.cn/').ok).toBe(true);
    expect(checkRequestOrigin(behind, null).ok).toBe(false);
    // …or the proxy says so with X-Forwarded-Host / X-Forwarded-Proto.
    behind.headers.set('x-forwarded-host', 'oa.example.gov.cn');
    behind.headers.set('x-forwarded-proto', 'https');
    expect(checkRequestOrigin(behind, null).ok).toBe(true);
  });

  it('without NEXTAUTH_URL, the request’s own origin is the app’s', () => {
    expect([...ownOrigins(req('POST', {}), undefined)]).toEqual([APP]);
    expect(checkRequestOrigin(req('POST', { origin: APP }), undefined).ok).toBe(true);
    expect(checkRequestOrigin(req('POST', { origin: 'http://evil.example' }), undefined).ok).toBe(
      false,
    );
  });
});

describe('isJsonRequest', () => {
  it('accepts application/json only', () => {
    expect(isJsonRequest(new Headers({ 'content-type': 'application/json' }))).toBe(true);
    expect(isJsonRequest(new Headers({ 'content-type': 'Application/JSON; charset=utf-8' }))).toBe(
      true,
    );
    for (const t of [
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/octet-stream',
    ]) {
      expect(isJsonRequest(new Headers({ 'content-type': t }))).toBe(false);
    }
    expect(isJsonRequest(new Headers())).toBe(false);
  });
});
