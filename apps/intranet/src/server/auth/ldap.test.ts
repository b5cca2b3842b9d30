import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Client, EqualityFilter, NoSuchObjectError } from 'ldapts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LDAP_FIXTURE, LDAP_USER_PASSWORD } from '../../../test/ldap-fixture';
import { killStaleSlapds, type RunningSlapd, startSlapd } from '../../../test/ldap-server';
import { authenticateLdap, groupName, type LdapConfig, LdapUnavailableError } from './ldap';

const F = DEMO_LDAP_FIXTURE;
const config = (): LdapConfig => ({
  url: inject('ldapUrl'),
  bindDn: F.service.dn,
  bindPassword: F.service.password,
  baseDn: F.suffix,
  timeoutMs: 3000,
});

describe('authenticateLdap against a real slapd', () => {
  it('returns the profile with the Chinese cn, mail and groups for the right password', async () => {
    const profile = await authenticateLdap(config(), 'maxiaodong', LDAP_USER_PASSWORD);
    expect(profile).toEqual({
      uid: 'maxiaodong',
      displayName: '马晓东',
      mail: 'maxiaodong@shixian.gov.cn',
      groups: ['公文系统用户', '县财政局'],
    });
  });

  it('prefers displayName over cn and normalises single- and multi-valued attributes', async () => {
    const leader = await authenticateLdap(config(), 'wangjianguo', LDAP_USER_PASSWORD);
    expect(leader).toEqual({
      uid: 'wangjianguo',
      displayName: '王建国（县长）',
      mail: 'wangjianguo@shixian.gov.cn',
      groups: ['公文系统用户', '县政府领导'],
    });
    // one group: memberOf comes back as a plain string; no mail: an empty array
    const secretary = await authenticateLdap(config(), 'huangjing', LDAP_USER_PASSWORD);
    expect(secretary?.groups).toEqual(['公文系统用户', '秘书科']);
    const archivist = await authenticateLdap(config(), 'qinfang', LDAP_USER_PASSWORD);
    expect(archivist).toEqual({
      uid: 'qinfang',
      displayName: '秦芳（档案馆）',
      mail: null,
      groups: [],
    });
  });

  it('matches the name as the directory does (case-insensitive) and returns its spelling', async () => {
    const profile = await authenticateLdap(config(), '  LiuYang ', LDAP_USER_PASSWORD);
    expect(profile?.uid).toBe('liuyang');
    expect(profile?.displayName).toBe('刘洋');
  });

  it('refuses a wrong password', async () => {
    expect(await authenticateLdap(config(), 'maxiaodong', 'Ldap#2026SHIXIAN')).toBeNull();
    expect(await authenticateLdap(config(), 'maxiaodong', `${LDAP_USER_PASSWORD} `)).toBeNull();
  });

  it('refuses an unknown user', async () => {
    expect(await authenticateLdap(config(), 'nobody', LDAP_USER_PASSWORD)).toBeNull();
  });

  it('treats filter syntax in the name as plain text', async () => {
    for (const name of ['*', 'maxiao*', '*)(uid=*', 'maxiaodong)(|(uid=*', '(uid=maxiaodong)']) {
      expect(await authenticateLdap(config(), name, LDAP_USER_PASSWORD), name).toBeNull();
    }
  });

  it('refuses an empty password without binding (slapd would treat it as anonymous)', async () => {
    expect(await authenticateLdap(config(), 'maxiaodong', '')).toBeNull();
    // not even a server is needed to refuse it
    const nowhere = { ...config(), url: 'ldap://127.0.0.1:1/' };
    expect(await authenticateLdap(nowhere, 'maxiaodong', '')).toBeNull();
    expect(await authenticateLdap(config(), '   ', LDAP_USER_PASSWORD)).toBeNull();
  });

  it('refuses a name that two entries share', async () => {
    // both 张伟 exist (县财政局 and 县教育局) and both know the password
    const client = new Client({ url: inject('ldapUrl') });
    await client.bind(F.service.dn, F.service.password);
    const { searchEntries } = await client.search(F.suffix, {
      filter: new EqualityFilter({ attribute: 'uid', value: 'zhangwei' }),
      attributes: ['cn'],
    });
    expect(searchEntries.map((e) => e.cn)).toEqual(['张伟', '张伟']);
    for (const e of searchEntries) await client.bind(e.dn, LDAP_USER_PASSWORD);
    await client.unbind();
    expect(await authenticateLdap(config(), 'zhangwei', LDAP_USER_PASSWORD)).toBeNull();
  });

  it('hides the directory from anonymous searches (hence the service bind)', async () => {
    const client = new Client({ url: inject('ldapUrl') });
    const outcome = await client
      .search(F.suffix, { filter: new EqualityFilter({ attribute: 'uid', value: 'maxiaodong' }) })
      .catch((e: unknown) => e);
    await client.unbind();
    // slapd does not even admit that the base exists
    expect(outcome).toBeInstanceOf(NoSuchObjectError);
  });

  it('matches another attribute when configured', async () => {
    const byMail = { ...config(), userFilterAttribute: 'mail' };
    const profile = await authenticateLdap(byMail, 'zhuhongmei@shixian.gov.cn', LDAP_USER_PASSWORD);
    expect(profile).toMatchObject({ uid: 'zhuhongmei@shixian.gov.cn', displayName: '朱红梅' });
    expect(await authenticateLdap(byMail, 'zhuhongmei', LDAP_USER_PASSWORD)).toBeNull();
  });

  it('reports a wrong service account as a configuration problem, in Chinese', async () => {
    const wrong = { ...config(), bindPassword: 'not-the-password' };
    const error = await authenticateLdap(wrong, 'maxiaodong', LDAP_USER_PASSWORD).catch((e) => e);
    expect(error).toBeInstanceOf(LdapUnavailableError);
    expect(error.message).toBe('LDAP 服务账号认证失败，请联系系统管理员检查配置');
  });
});

describe('authenticateLdap when the server cannot be used', () => {
  let silent: Server;
  let silentPort = 0;
  const sockets = new Set<Socket>();
  let closedPort = 0;

  beforeAll(async () => {
    // A port that accepts connections and never answers.
    silent = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as { port: number }).port;
    // A port nobody listens on.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });

  it('throws 无法连接 LDAP 服务器 when nothing listens', async () => {
    const down = { ...config(), url: `ldap://127.0.0.1:${closedPort}/` };
    const error = await authenticateLdap(down, 'maxiaodong', LDAP_USER_PASSWORD).catch((e) => e);
    expect(error).toBeInstanceOf(LdapUnavailableError);
    expect(error.code).toBe('LDAP_UNAVAILABLE');
    expect(error.message).toMatch(/^无法连接 LDAP 服务器（ldap:\/\/127\.0\.0\.1:\d+\/）/);
  });

  it('throws 无法连接 LDAP 服务器 when the server does not answer in time', async () => {
    const hung = { ...config(), url: `ldap://127.0.0.1:${silentPort}/`, timeoutMs: 300 };
    const started = Date.now();
    const error = await authenticateLdap(hung, 'maxiaodong', LDAP_USER_PASSWORD).catch((e) => e);
    expect(error).toBeInstanceOf(LdapUnavailableError);
    expect(error.message).toMatch(/^无法连接 LDAP 服务器/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('authenticateLdap on a server without memberOf', () => {
  let plain: RunningSlapd;
  beforeAll(async () => {
    plain = await startSlapd(F, { dynlist: false });
  });
  afterAll(() => plain.stop());

  it('finds the groups by their member attribute', async () => {
    const profile = await authenticateLdap(
      { ...config(), url: plain.url },
      'maxiaodong',
      LDAP_USER_PASSWORD,
    );
    expect(profile).toEqual({
      uid: 'maxiaodong',
      displayName: '马晓东',
      mail: 'maxiaodong@shixian.gov.cn',
      groups: ['公文系统用户', '县财政局'],
    });
  });
});

describe('the test slapd', () => {
  it('is stopped by the next run when the run that started it died', async () => {
    const orphan = await startSlapd(F);
    // Pretend the Node process that started it was SIGKILLed: its owner pid is gone.
    const dead = spawnSync('true').pid!;
    writeFileSync(join(orphan.dir, 'owner.pid'), String(dead));
    expect(await killStaleSlapds()).toBeGreaterThanOrEqual(1);
    expect(existsSync(orphan.dir)).toBe(false);
    const error = await authenticateLdap(
      { ...config(), url: orphan.url, timeoutMs: 1000 },
      'maxiaodong',
      LDAP_USER_PASSWORD,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(LdapUnavailableError);
    await orphan.stop();
  });

  it('leaves alone the slapd of a run that is still alive', async () => {
    const live = await startSlapd(F);
    try {
      await killStaleSlapds();
      expect(existsSync(live.dir)).toBe(true);
      expect(
        await authenticateLdap({ ...config(), url: live.url }, 'liuyang', LDAP_USER_PASSWORD),
      ).toMatchObject({ displayName: '刘洋' });
    } finally {
      await live.stop();
    }
  });
});

describe('groupName', () => {
  it('takes the first RDN value, unescaping LDAP hex and character escapes', () => {
    expect(groupName('cn=县政府领导,ou=groups,dc=shixian,dc=gov,dc=cn')).toBe('县政府领导');
    expect(groupName('cn=\\e5\\8e\\bf\\e8\\b4\\a2\\e6\\94\\bf\\e5\\b1\\80,ou=groups')).toBe(
      '县财政局',
    );
    expect(groupName('cn=Smith\\, John+uid=x,ou=groups')).toBe('Smith, John');
  });
});
