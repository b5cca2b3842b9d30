import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { callerFor, createTestApp, TEST_PASSWORD, type TestApp } from '~/server/testing/test-app';
import { LOCKOUT, SIGN_IN_MESSAGES, signInWithPassword } from './sign-in';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const actions = async (target: string) =>
  (
    await db(app)
      .selectFrom('app_audit_log')
      .select('action')
      .where('target', '=', target)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('signInWithPassword', () => {
  it('accepts the right password (case-insensitive username) and records the sign-in', async () => {
    expect(
      await signInWithPassword(app, { username: ' SUN ', password: TEST_PASSWORD, ip: '10.0.0.9' }),
    ).toEqual({
      ok: true,
      userId: 'sun',
    });
    const row = await db(app)
      .selectFrom('app_audit_log')
      .selectAll()
      .where('target', '=', 'sun')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'auth.signIn',
      actor_id: 'sun',
      unit_id: 'demo',
      ip: '10.0.0.9',
    });
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const unknown = await signInWithPassword(app, { username: 'nobody', password: 'x' });
    const wrong = await signInWithPassword(app, { username: 'zhou', password: 'wrong' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid', message: '用户名或密码错误' });
    expect(wrong).toEqual(unknown);
  });

  it('locks after five failures for 15 minutes, even for the right password, then lets in again', async () => {
    for (let i = 0; i < LOCKOUT.attempts - 1; i++) {
      expect(await signInWithPassword(app, { username: 'qian', password: 'bad' })).toMatchObject({
        reason: 'invalid',
      });
    }
    expect(await signInWithPassword(app, { username: 'qian', password: 'bad' })).toEqual({
      ok: false,
      reason: 'locked',
      message: '账号已锁定，请 15 分钟后再试',
    });
    expect(SIGN_IN_MESSAGES.locked).toBe('账号已锁定，请 15 分钟后再试');
    expect(
      await signInWithPassword(app, { username: 'qian', password: TEST_PASSWORD }),
    ).toMatchObject({ reason: 'locked' });
    app.clock.advance(14 * 60_000);
    expect(
      await signInWithPassword(app, { username: 'qian', password: TEST_PASSWORD }),
    ).toMatchObject({ reason: 'locked' });
    app.clock.advance(60_000 + 1);
    expect(await signInWithPassword(app, { username: 'qian', password: TEST_PASSWORD })).toEqual({
      ok: true,
      userId: 'qian',
    });
    expect(await actions('qian')).toEqual([
      'auth.signInFailed',
      'auth.signInFailed',
      'auth.signInFailed',
      'auth.signInFailed',
      'auth.locked',
      'auth.signInRefused',
      'auth.signInRefused',
      'auth.signIn',
    ]);
  });

  it('refuses an inactive user with the right password', async () => {
    expect(
      await signInWithPassword(app, { username: 'retired', password: TEST_PASSWORD }),
    ).toMatchObject({
      ok: false,
      message: '账号已停用，请联系系统管理员',
    });
  });

  it('an admin password reset unlocks a locked account', async () => {
    for (let i = 0; i < LOCKOUT.attempts; i++)
      await signInWithPassword(app, { username: 'zhao', password: 'bad' });
    expect(
      await signInWithPassword(app, { username: 'zhao', password: TEST_PASSWORD }),
    ).toMatchObject({ reason: 'locked' });
    await callerFor(app, 'gao').admin.resetPassword({ id: 'zhao', password: 'NewPass2026' });
    expect(await signInWithPassword(app, { username: 'zhao', password: 'NewPass2026' })).toEqual({
      ok: true,
      userId: 'zhao',
    });
  });
});
