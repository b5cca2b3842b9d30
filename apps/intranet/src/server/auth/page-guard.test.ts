import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextForUserId, type SessionUser } from '~/server/api/context';
import { createTestApp, type TestApp } from '~/server/testing/test-app';
import { pageVerdict } from './page-guard';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function user(id: string): Promise<SessionUser> {
  const ctx = await contextForUserId(app, id);
  if (!ctx.user) throw new Error(`no active user ${id}`);
  return ctx.user;
}

describe('pageVerdict', () => {
  it('refuses the role-gated pages with 403 and the reason', async () => {
    const sun = await user('sun'); // 承办人 only
    for (const path of ['/admin/org', '/admin/audit', '/statistics', '/meetings/statistics']) {
      expect(await pageVerdict(app, sun, path), path).toMatchObject({ status: 403 });
    }
    expect(await pageVerdict(app, sun, '/incoming/new')).toEqual({
      status: 403,
      reason: '只有文秘（秘书科）可以签收登记收文。',
    });
    expect(await pageVerdict(app, sun, '/outgoing/doc-numbers')).toMatchObject({ status: 403 });
  });

  it('opens them for the roles they are for', async () => {
    const gao = await user('gao');
    expect(await pageVerdict(app, gao, '/admin/org')).toBeNull();
    expect(await pageVerdict(app, gao, '/admin/audit')).toBeNull();
  });

  it('answers 404 for a case that does not exist, in every case folder and its sheet', async () => {
    const sun = await user('sun');
    for (const path of [
      '/incoming/nope',
      '/incoming/nope/sheet',
      '/outgoing/nope',
      '/outgoing/nope/sheet',
      '/meetings/nope',
      '/reports/nope',
    ]) {
      expect(await pageVerdict(app, sun, path), path).toEqual({ status: 404 });
    }
  });

  it('leaves pages that are not case ids, and unguarded pages, to themselves', async () => {
    const sun = await user('sun');
    for (const path of [
      '/',
      '/inbox',
      '/outgoing/new',
      '/meetings/new',
      '/meetings/rooms',
      '/meetings/supervision',
      '/reports/new',
      '/incoming',
      '/ledger/print',
    ]) {
      expect(await pageVerdict(app, sun, path), path).toBeNull();
    }
  });
});
