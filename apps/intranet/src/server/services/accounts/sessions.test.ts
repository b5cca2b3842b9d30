import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';
import { currentSessionVersion, resolveSession, signOutSession } from './sessions';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** A session as next-auth would issue it now for `userId`. */
async function sessionOf(userId: string) {
  const v = await currentSessionVersion(app, userId);
  if (v === null) throw new Error(`no account for ${userId}`);
  return { userId, sessionVersion: v };
}

describe('session revocation', () => {
  it('accepts a current session and refuses one without a version or of an unknown user', async () => {
    const s = await sessionOf('zhang');
    expect(await resolveSession(app, s)).toBe('zhang');
    expect(await resolveSession(app, { userId: 'zhang', sessionVersion: undefined })).toBeNull();
    expect(await resolveSession(app, { userId: 'nobody', sessionVersion: 1 })).toBeNull();
    expect(await resolveSession(app, null)).toBeNull();
  });

  it('退出登录 voids the session and every copy of it; an old copy cannot sign out the new one', async () => {
    const old = await sessionOf('li');
    expect(await signOutSession(app, old)).toBe(true);
    expect(await resolveSession(app, old)).toBeNull();
    const fresh = await sessionOf('li');
    expect(fresh.sessionVersion).toBe(old.sessionVersion + 1);
    expect(await resolveSession(app, fresh)).toBe('li');
    // Signing out with the revoked copy changes nothing.
    expect(await signOutSession(app, old)).toBe(false);
    expect(await resolveSession(app, fresh)).toBe('li');
  });

  it('重置密码 by an administrator ends the user’s sessions at once', async () => {
    const before = await sessionOf('wang');
    await callerFor(app, 'gao').admin.resetPassword({ id: 'wang', password: 'NewPass2026' });
    expect(await resolveSession(app, before)).toBeNull();
    expect(await resolveSession(app, await sessionOf('wang'))).toBe('wang');
  });

  it('停用 ends the sessions; 启用 alone does not bring them back', async () => {
    const before = await sessionOf('zhou');
    const admin = callerFor(app, 'gao');
    await admin.admin.setUserActive({ id: 'zhou', active: false });
    expect(await resolveSession(app, before)).toBeNull();
    await admin.admin.setUserActive({ id: 'zhou', active: true });
    expect(await resolveSession(app, before)).toBeNull();
  });

  it('a role change ends the sessions; an edit that keeps the roles does not', async () => {
    const admin = callerFor(app, 'gao');
    const org = await admin.admin.org();
    const zhao = org.users.find((u) => u.id === 'zhao');
    if (!zhao) throw new Error('sample org lacks zhao');
    const edit = {
      id: 'zhao',
      name: zhao.name,
      departmentId: zhao.departmentId ?? '',
      superiorId: zhao.superiorId,
    };
    const s1 = await sessionOf('zhao');
    await admin.admin.updateUser({
      ...edit,
      name: `${zhao.name}`,
      roles: [...zhao.roles] as never,
    });
    expect(await resolveSession(app, s1)).toBe('zhao');
    const extra = zhao.roles.includes('staff') ? 'secretary' : 'staff';
    await admin.admin.updateUser({ ...edit, roles: [...zhao.roles, extra] as never });
    expect(await resolveSession(app, s1)).toBeNull();
  });

  it('leaves other users’ sessions alone', async () => {
    const qian = await sessionOf('qian');
    await signOutSession(app, await sessionOf('sun'));
    expect(await resolveSession(app, qian)).toBe('qian');
  });
});
