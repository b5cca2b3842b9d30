import { createHash, randomBytes } from 'node:crypto';
import { DEMO_ORG } from '../demo/org';

/** `{SSHA}` hash of a password (SHA-1 over password + 8-byte salt, salt appended), as slapd checks it. */
export function ssha(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password, 'utf8').update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** A person in the fixture directory. */
export interface LdapPerson {
  uid: string;
  cn: string;
  sn: string;
  displayName?: string;
  mail?: string;
  password: string;
  /** The organisational unit under `ou=people` (default: directly in `ou=people`). */
  ou?: string;
}

/** A `groupOfNames`, members named by uid (and optional `ou` for people in sub-OUs). */
export interface LdapGroup {
  cn: string;
  description?: string;
  members: Array<{ uid: string; ou?: string }>;
}

/** Everything a fixture directory holds. */
export interface LdapFixture {
  suffix: string;
  rootDn: string;
  rootPassword: string;
  service: { dn: string; password: string };
  people: LdapPerson[];
  groups: LdapGroup[];
}

/** The DN of a person of the fixture. */
export function personDn(f: Pick<LdapFixture, 'suffix'>, uid: string, ou?: string): string {
  return `uid=${uid},${ou ? `ou=${ou},` : ''}ou=people,${f.suffix}`;
}

function rdnValue(dn: string): string {
  return dn.slice(dn.indexOf('=') + 1, dn.indexOf(','));
}

/** Builds the LDIF that `slapadd` loads (raw UTF-8 values, as slapadd accepts). */
export function buildLdif(f: LdapFixture): string {
  const blocks: string[][] = [];
  const dc = f.suffix.split(',')[0]!.replace(/^dc=/, '');
  blocks.push([
    `dn: ${f.suffix}`,
    'objectClass: dcObject',
    'objectClass: organization',
    `dc: ${dc}`,
    'o: 示例县人民政府',
  ]);
  for (const ou of ['people', 'groups', 'services']) {
    blocks.push([`dn: ou=${ou},${f.suffix}`, 'objectClass: organizationalUnit', `ou: ${ou}`]);
  }
  for (const ou of new Set(f.people.flatMap((p) => (p.ou ? [p.ou] : [])))) {
    blocks.push([
      `dn: ou=${ou},ou=people,${f.suffix}`,
      'objectClass: organizationalUnit',
      `ou: ${ou}`,
    ]);
  }
  blocks.push([
    `dn: ${f.service.dn}`,
    'objectClass: organizationalRole',
    'objectClass: simpleSecurityObject',
    `cn: ${rdnValue(f.service.dn)}`,
    `userPassword: ${ssha(f.service.password)}`,
  ]);
  for (const p of f.people) {
    blocks.push([
      `dn: ${personDn(f, p.uid, p.ou)}`,
      'objectClass: inetOrgPerson',
      `uid: ${p.uid}`,
      `cn: ${p.cn}`,
      `sn: ${p.sn}`,
      ...(p.displayName ? [`displayName: ${p.displayName}`] : []),
      ...(p.mail ? [`mail: ${p.mail}`] : []),
      `userPassword: ${ssha(p.password)}`,
    ]);
  }
  for (const g of f.groups) {
    blocks.push([
      `dn: cn=${g.cn},ou=groups,${f.suffix}`,
      'objectClass: groupOfNames',
      `cn: ${g.cn}`,
      ...(g.description ? [`description: ${g.description}`] : []),
      ...g.members.map((m) => `member: ${personDn(f, m.uid, m.ou)}`),
    ]);
  }
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

/** The password of every person in the demo LDAP fixture (not the demo login password). */
export const LDAP_USER_PASSWORD = 'Ldap#2026shixian';

const demoUser = (id: string) => {
  const u = DEMO_ORG.users.find((x) => x.id === id);
  if (!u) throw new Error(`demo user ${id} missing`);
  return u;
};

/** LDAP people for demo users: same uid as the demo login, Chinese cn. */
function fromDemo(id: string, extra: Partial<LdapPerson> = {}): LdapPerson {
  const u = demoUser(id);
  return {
    uid: u.id,
    cn: u.name,
    sn: u.name.slice(0, 1),
    mail: `${u.id}@shixian.gov.cn`,
    password: LDAP_USER_PASSWORD,
    ...extra,
  };
}

/**
 * The county's directory as a test LDAP server holds it: some demo users (wangjianguo, liuyang,
 * huangjing, maxiaodong, zhuhongmei), a person known only to LDAP (qinfang, with a displayName
 * and no mail), two people sharing the uid zhangwei in different OUs, and groups in Chinese.
 */
export const DEMO_LDAP_FIXTURE: LdapFixture = {
  suffix: 'dc=shixian,dc=gov,dc=cn',
  rootDn: 'cn=admin,dc=shixian,dc=gov,dc=cn',
  rootPassword: 'Root#2026slapd',
  service: { dn: 'cn=gongwen,ou=services,dc=shixian,dc=gov,dc=cn', password: 'Svc#2026gongwen' },
  people: [
    fromDemo('wangjianguo', { displayName: '王建国（县长）' }),
    fromDemo('liuyang'),
    fromDemo('huangjing'),
    fromDemo('maxiaodong'),
    fromDemo('zhuhongmei'),
    {
      uid: 'qinfang',
      cn: '秦芳',
      sn: '秦',
      displayName: '秦芳（档案馆）',
      password: LDAP_USER_PASSWORD,
    },
    { uid: 'zhangwei', cn: '张伟', sn: '张', password: LDAP_USER_PASSWORD, ou: '县财政局' },
    { uid: 'zhangwei', cn: '张伟', sn: '张', password: LDAP_USER_PASSWORD, ou: '县教育局' },
  ],
  groups: [
    {
      cn: '县政府领导',
      description: '县长、副县长',
      members: [{ uid: 'wangjianguo' }],
    },
    {
      cn: '公文系统用户',
      members: [
        { uid: 'wangjianguo' },
        { uid: 'liuyang' },
        { uid: 'huangjing' },
        { uid: 'maxiaodong' },
        { uid: 'zhuhongmei' },
      ],
    },
    { cn: '秘书科', members: [{ uid: 'huangjing' }] },
    { cn: '县财政局', members: [{ uid: 'maxiaodong' }, { uid: 'zhuhongmei' }] },
  ],
};
