import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';
import { type LdapFixture, personDn } from '../../../../test/ldap-fixture';
import { type RunningSlapd, startSlapd } from '../../../../test/ldap-server';
import { applyLdapSync } from './ldap-sync-apply';
import { type LdapSyncConfig, ldapSyncConfigFromEnv } from './ldap-sync-config';
import { planLdapSync } from './ldap-sync-plan';

const PW = 'Ldap#2026sync';
const F: LdapFixture = {
  suffix: 'dc=sync,dc=gov,dc=cn',
  rootDn: 'cn=admin,dc=sync,dc=gov,dc=cn',
  rootPassword: 'Root#2026sync',
  service: { dn: 'cn=gongwen,ou=services,dc=sync,dc=gov,dc=cn', password: 'Svc#2026sync' },
  people: [
    // 周 of the sample organisation, now under 秘书科 with a new display name
    {
      uid: 'zhou',
      cn: '周文秘',
      sn: '周',
      displayName: '周文秘（秘书科）',
      password: PW,
      ou: '秘书科',
    },
    { uid: 'liuxin', cn: '刘新', sn: '刘', password: PW, ou: '县教育局' },
    { uid: 'chenjing', cn: '陈静', sn: '陈', password: PW, ou: '县财政局' },
    { uid: 'wuming', cn: '吴明', sn: '吴', password: PW },
    // another unit's user: never taken over
    { uid: 'outsider', cn: '外单位', sn: '外', password: PW },
    // two entries sharing a sign-in name: nobody can tell which is meant
    { uid: 'zhangwei', cn: '张伟', sn: '张', password: PW, ou: '县财政局' },
    { uid: 'zhangwei', cn: '张伟', sn: '张', password: PW, ou: '县教育局' },
    // a name that cannot be a user id
    { uid: 'li na', cn: '李娜', sn: '李', password: PW },
  ],
  groups: [{ cn: '公文系统用户', members: [{ uid: 'wuming' }] }],
};

let slapd: RunningSlapd;
let app: TestApp;
let config: LdapSyncConfig;
beforeAll(async () => {
  [slapd, app] = await Promise.all([startSlapd(F), createTestApp()]);
  config = {
    ...ldapSyncConfigFromEnv({
      LDAP_URL: slapd.url,
      LDAP_BIND_DN: F.service.dn,
      LDAP_BIND_PASSWORD: F.service.password,
      LDAP_BASE_DN: F.suffix,
      LDAP_SYNC_USER_BASE: `ou=people,${F.suffix}`,
    })!,
    timeoutMs: 5000,
  };
});
afterAll(async () => {
  await Promise.all([slapd?.stop(), app?.close()]);
});

async function asRoot<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ url: slapd.url });
  await c.bind(F.rootDn, F.rootPassword);
  try {
    return await fn(c);
  } finally {
    await c.unbind();
  }
}

describe('LDAP/AD sync against a real slapd', () => {
  it('reads the mapping from the environment', () => {
    expect(ldapSyncConfigFromEnv({})).toBeNull();
    expect(config).toMatchObject({
      userBase: 'ou=people,dc=sync,dc=gov,dc=cn',
      departmentBase: 'ou=people,dc=sync,dc=gov,dc=cn',
      userFilter: '(objectClass=inetOrgPerson)',
      loginAttribute: 'uid',
      nameAttributes: ['displayName', 'cn'],
      defaultRoles: ['staff'],
    });
  });

  it('reports what it would do and writes nothing (dry run)', async () => {
    const before = await db(app).selectFrom('users').select('id').execute();
    const plan = await planLdapSync(app, 'demo', config);
    const by = <T extends { id: string }>(l: T[]) =>
      [...l].sort((a, b) => a.id.localeCompare(b.id));
    // 县财政局 and 秘书科 exist here: adopted by name; 县教育局 is new
    expect(by(plan.departments.adopt).map((d) => [d.id, d.name])).toEqual([
      ['finance', '县财政局'],
      ['secretariat', '秘书科'],
    ]);
    expect(plan.departments.add).toEqual([
      expect.objectContaining({
        name: '县教育局',
        parentId: null,
        id: expect.stringMatching(/^ldap-[0-9a-f]{12}$/),
      }),
    ]);
    const edu = plan.departments.add[0]!.id;
    expect(by(plan.users.add)).toEqual([
      expect.objectContaining({ id: 'chenjing', name: '陈静', departmentId: 'finance' }),
      expect.objectContaining({ id: 'liuxin', name: '刘新', departmentId: edu }),
      expect.objectContaining({ id: 'wuming', name: '吴明', departmentId: null }),
    ]);
    expect(plan.users.adopt.map((u) => u.id)).toEqual(['zhou']);
    expect(plan.users.update).toEqual([
      expect.objectContaining({
        id: 'zhou',
        changes: expect.arrayContaining([
          expect.objectContaining({ field: 'name', to: '周文秘（秘书科）' }),
        ]),
      }),
    ]);
    expect(plan.users.deactivate).toEqual([]);
    const reasons = plan.skipped.map((s) => s.reason);
    expect(reasons.filter((r) => r.includes('同一登录名'))).toHaveLength(2);
    expect(reasons).toContain('用户名 outsider 已属于其他单位');
    expect(reasons).toContain('登录名“li na”只能包含字母、数字和 _ . : -');
    expect(await db(app).selectFrom('users').select('id').execute()).toEqual(before);
  });

  it('applies the plan through the tRPC procedure for administrators, audited', async () => {
    const zhou = callerFor(app, 'zhou');
    await expect(zhou.admin.ldapSync({ apply: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const gao = callerFor(app, 'gao');
    const saved = { ...process.env };
    Object.assign(process.env, {
      LDAP_URL: slapd.url,
      LDAP_BIND_DN: F.service.dn,
      LDAP_BIND_PASSWORD: F.service.password,
      LDAP_BASE_DN: F.suffix,
      LDAP_SYNC_USER_BASE: `ou=people,${F.suffix}`,
    });
    let res: Awaited<ReturnType<typeof gao.admin.ldapSync>>;
    try {
      const dry = await gao.admin.ldapSync({ apply: false });
      expect(dry.plan.users.add.map((u) => u.id).sort()).toEqual(['chenjing', 'liuxin', 'wuming']);
      res = await gao.admin.ldapSync({ apply: true });
      expect((await gao.admin.ldapStatus()).last).toMatchObject({
        outcome: 'applied',
        actorId: 'gao',
      });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    expect(res.applied).toBe(true);
    const liuxin = await app.directory.getUser('liuxin');
    expect(liuxin).toMatchObject({ name: '刘新', active: true, roles: ['staff'], unitId: 'demo' });
    const account = await db(app)
      .selectFrom('app_accounts')
      .select(['username', 'password_hash'])
      .where('user_id', '=', 'liuxin')
      .executeTakeFirst();
    expect(account).toEqual({ username: 'liuxin', password_hash: null });
    expect((await app.directory.getUser('zhou'))?.name).toBe('周文秘（秘书科）');
    const audit = await db(app)
      .selectFrom('app_audit_log')
      .select(['action', 'target'])
      .where('action', 'in', ['admin.ldap.sync', 'admin.user.create'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
      'admin.user.create chenjing',
      'admin.user.create liuxin',
      'admin.user.create wuming',
      'admin.ldap.sync applied',
    ]);
    // a second run finds nothing to do
    const again = await planLdapSync(app, 'demo', config);
    expect([
      again.users.add,
      again.users.update,
      again.users.adopt,
      again.users.deactivate,
      again.departments.add,
      again.departments.update,
    ]).toEqual([[], [], [], [], [], []]);
  });

  it('deactivates people who left the directory, and only those the sync manages', async () => {
    await asRoot(async (c) => {
      await c.del(personDn(F, 'liuxin', '县教育局'));
      await c.modify(
        personDn(F, 'chenjing', '县财政局'),
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'displayName', values: ['陈静（预算）'] }),
        }),
      );
    });
    const plan = await planLdapSync(app, 'demo', config);
    expect(plan.users.deactivate).toEqual([{ id: 'liuxin', name: '刘新' }]);
    expect(plan.users.update).toEqual([
      expect.objectContaining({
        id: 'chenjing',
        changes: [{ field: 'name', from: '陈静', to: '陈静（预算）' }],
      }),
    ]);
    // gao, zhang … were never in the directory: left alone
    expect(plan.users.deactivate.map((u) => u.id)).not.toContain('gao');

    // the scheduled import refuses to switch off more than the allowed share
    const refused = await applyLdapSync(
      app,
      'demo',
      config,
      { userId: null, ip: null },
      { maxDeactivateShare: 0.1 },
    );
    expect(refused.applied).toBe(false);
    expect((await app.directory.getUser('liuxin'))?.active).toBe(true);

    const done = await applyLdapSync(app, 'demo', config, { userId: 'gao', ip: '10.1.1.1' });
    expect(done.applied).toBe(true);
    expect((await app.directory.getUser('liuxin'))?.active).toBe(false);
    expect((await app.directory.getUser('chenjing'))?.name).toBe('陈静（预算）');
    const last = await db(app)
      .selectFrom('app_audit_log')
      .select(['action', 'target', 'detail'])
      .where('action', 'like', 'admin.%')
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    expect(last.map((a) => `${a.action} ${a.target}`)).toEqual([
      'admin.ldap.sync applied',
      'admin.user.deactivate liuxin',
      'admin.user.update chenjing',
    ]);
  });
});
