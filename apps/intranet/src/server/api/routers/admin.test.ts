import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { signInWithPassword } from '~/server/services/accounts/sign-in';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function counts() {
  const kdb = db(app);
  const one = async (table: string) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(kdb))
      .rows[0]?.n;
  return {
    users: await one('users'),
    accounts: await one('app_accounts'),
    departments: await one('departments'),
    delegations: await one('delegations'),
    audit: await one('app_audit_log'),
  };
}

const newUser = {
  username: 'liuxin',
  name: '刘新',
  departmentId: 'budget',
  roles: ['staff'] as const,
  superiorId: 'qian',
  password: 'Welcome2026',
};

describe('admin router', () => {
  it('creates a user who can then sign in, audited', async () => {
    const admin = callerFor(app, 'gao');
    const created = await admin.admin.createUser({ ...newUser, roles: ['staff'] });
    expect(created).toMatchObject({ id: 'liuxin', unitId: 'demo', active: true });
    const result = await signInWithPassword(app, { username: 'liuxin', password: 'Welcome2026' });
    expect(result).toEqual({ ok: true, userId: 'liuxin' });
    const audit = await callerFor(app, 'gao').admin.audit({ action: 'admin.user.create' });
    expect(audit.items.map((a) => a.target)).toEqual(['liuxin']);
    expect(audit.items[0]?.actorName).toBe('高管理员');
  });

  it('refuses bad input with a clear Chinese message and writes nothing', async () => {
    const admin = callerFor(app, 'gao');
    const before = await counts();
    await expect(
      admin.admin.createUser({
        ...newUser,
        username: 'bad name!',
        password: 'short',
        roles: ['staff'],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^填写内容有误：.*(只能包含字母|密码至少 8 位)/),
    });
    await expect(
      admin.admin.createUser({ ...newUser, username: 'liuxin', roles: ['staff'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '该用户名已被使用' });
    await expect(
      admin.admin.createUser({
        ...newUser,
        username: 'x2',
        departmentId: 'nowhere',
        roles: ['staff'],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '所选部门不存在' });
    await expect(
      admin.admin.createDelegation({
        principalId: 'zhang',
        deputyId: 'zhang',
        startsAt: new Date('2026-12-01'),
        endsAt: new Date('2026-11-01'),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('结束时间必须晚于开始时间'),
    });
    await expect(
      admin.admin.updateDepartment({
        id: 'budget',
        name: '预算股',
        parentId: 'budget',
        headUserId: 'qian',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '上级部门不能是本部门或其下级部门' });
    await expect(admin.admin.setUserActive({ id: 'gao', active: false })).rejects.toMatchObject({
      message: '不能停用本人账号',
    });
    await expect(
      admin.admin.setUserActive({ id: 'outsider', active: false }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses staff (FORBIDDEN) and signed-out callers (UNAUTHORIZED), writing nothing', async () => {
    const before = await counts();
    await expect(
      callerFor(app, 'sun').admin.createUser({ ...newUser, username: 'x3', roles: ['admin'] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权访问：需要系统管理员权限',
    });
    await expect(callerFor(app, null).admin.org()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await counts()).toEqual(before);
  });

  it('deactivating a user refuses their next request and their sign-in', async () => {
    const admin = callerFor(app, 'gao');
    await admin.admin.setUserActive({ id: 'liuxin', active: false });
    await expect(callerFor(app, 'liuxin').session.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await signInWithPassword(app, { username: 'liuxin', password: 'Welcome2026' }),
    ).toMatchObject({
      ok: false,
      reason: 'inactive',
    });
    await admin.admin.setUserActive({ id: 'liuxin', active: true });
    expect((await callerFor(app, 'liuxin').session.me()).id).toBe('liuxin');
  });

  it('creates and removes a delegation, shows the deputy the principal’s tasks window', async () => {
    const admin = callerFor(app, 'gao');
    const d = await admin.admin.createDelegation({
      principalId: 'zhang',
      deputyId: 'chen',
      startsAt: new Date('2026-11-24T00:00:00Z'),
      endsAt: new Date('2026-12-24T00:00:00Z'),
      workflows: ['incoming'],
    });
    expect((await admin.admin.delegations()).map((x) => x.id)).toContain(d.id);
    await expect(
      admin.admin.createDelegation({
        principalId: 'zhang',
        deputyId: 'chen',
        startsAt: new Date('2026-11-24T00:00:00Z'),
        endsAt: new Date('2026-12-24T00:00:00Z'),
        workflows: ['no-such-flow'],
      }),
    ).rejects.toMatchObject({ message: '未知的流程：no-such-flow' });
    await admin.admin.removeDelegation({ id: d.id });
    expect((await admin.admin.delegations()).map((x) => x.id)).not.toContain(d.id);
    await expect(admin.admin.removeDelegation({ id: d.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
