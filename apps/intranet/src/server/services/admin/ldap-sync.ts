import { createHash } from 'node:crypto';
import type { Department, User } from '@gongwen/core';
import { Client } from 'ldapts';
import { type AppServices, db } from '~/server/app-types';
import { revokeSessionsTx } from '~/server/services/accounts/sessions';
import { writeAudit } from '~/server/services/audit/write-audit';
import { putDepartmentTx, putUserTx } from './directory-sql';

/**
 * How the directory maps onto users and departments (LDAP_SYNC_* environment variables; see
 * docs/security.md). People are entries under `userBase` matching `userFilter`; departments
 * are the organisational units under `departmentBase`; a person belongs to the unit of the
 * entry that holds them.
 */
export interface LdapSyncConfig {
  url: string;
  bindDn: string;
  bindPassword: string;
  /** Subtree searched for people (LDAP_SYNC_USER_BASE, default LDAP_BASE_DN). */
  userBase: string;
  /** LDAP_SYNC_USER_FILTER, default `(objectClass=inetOrgPerson)`; AD: `(&(objectCategory=person)(objectClass=user))`. */
  userFilter: string;
  /** The sign-in name, which becomes the user id (LDAP_SYNC_LOGIN_ATTRIBUTE: `uid`; AD `sAMAccountName`). */
  loginAttribute: string;
  /** Tried in order for the display name (LDAP_SYNC_NAME_ATTRIBUTES: `displayName,cn`). */
  nameAttributes: string[];
  /** Subtree whose organisational units become departments (LDAP_SYNC_DEPARTMENT_BASE, default userBase). */
  departmentBase: string;
  /** LDAP_SYNC_DEPARTMENT_FILTER, default `(objectClass=organizationalUnit)`. */
  departmentFilter: string;
  /** Tried in order for a department's name (LDAP_SYNC_DEPARTMENT_NAME_ATTRIBUTES: `description,ou`). */
  departmentNameAttributes: string[];
  /** People matching this filter count as gone (AD: `(userAccountControl:1.2.840.113556.1.4.803:=2)`). */
  disabledFilter: string | null;
  /** Roles of people the sync creates (LDAP_SYNC_DEFAULT_ROLES, default `staff`). */
  defaultRoles: string[];
  timeoutMs?: number;
}

const split = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The sync's settings from the environment, or null when LDAP_URL / LDAP_BASE_DN are not set. */
export function ldapSyncConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): LdapSyncConfig | null {
  const e = (k: string) => (env[k] && env[k] !== '' ? env[k] : undefined);
  const url = e('LDAP_URL');
  const base = e('LDAP_BASE_DN');
  if (!url || !base) return null;
  const userBase = e('LDAP_SYNC_USER_BASE') ?? base;
  return {
    url,
    bindDn: e('LDAP_BIND_DN') ?? '',
    bindPassword: e('LDAP_BIND_PASSWORD') ?? '',
    userBase,
    userFilter: e('LDAP_SYNC_USER_FILTER') ?? '(objectClass=inetOrgPerson)',
    loginAttribute: e('LDAP_SYNC_LOGIN_ATTRIBUTE') ?? 'uid',
    nameAttributes: split(e('LDAP_SYNC_NAME_ATTRIBUTES'), 'displayName,cn'),
    departmentBase: e('LDAP_SYNC_DEPARTMENT_BASE') ?? userBase,
    departmentFilter: e('LDAP_SYNC_DEPARTMENT_FILTER') ?? '(objectClass=organizationalUnit)',
    departmentNameAttributes: split(e('LDAP_SYNC_DEPARTMENT_NAME_ATTRIBUTES'), 'description,ou'),
    disabledFilter: e('LDAP_SYNC_DISABLED_FILTER') ?? null,
    defaultRoles: split(e('LDAP_SYNC_DEFAULT_ROLES'), 'staff'),
  };
}

/** One field that changes. */
export interface FieldChange {
  field: 'name' | 'departmentId' | 'parentId' | 'active';
  from: string | boolean | null;
  to: string | boolean | null;
}

/** The dry-run report: what an apply would do. */
export interface LdapSyncPlan {
  unitId: string;
  /** People and units read from the directory. */
  seen: { users: number; departments: number };
  departments: {
    add: Array<{ id: string; name: string; parentId: string | null; dn: string }>;
    update: Array<{ id: string; name: string; dn: string; changes: FieldChange[] }>;
    /** Existing departments of the same name the sync takes over (linked, not created). */
    adopt: Array<{ id: string; name: string; dn: string }>;
  };
  users: {
    add: Array<{ id: string; name: string; departmentId: string | null; dn: string }>;
    update: Array<{ id: string; name: string; dn: string; changes: FieldChange[] }>;
    /** Existing users found in the directory for the first time: linked, so they are synced from now on. */
    adopt: Array<{ id: string; name: string; dn: string }>;
    /** Users the sync created or adopted earlier who are no longer in the directory (or disabled there). */
    deactivate: Array<{ id: string; name: string }>;
  };
  /** Entries left alone, with the reason (in Chinese, for the page). */
  skipped: Array<{ dn: string; reason: string }>;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** ldapts gives one value as a string, several as an array, a missing one as `[]`. */
function values(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function firstOf(entry: Record<string, unknown>, attributes: string[]): string | null {
  for (const a of attributes) {
    const v = values(entry[a])[0];
    if (v) return v;
  }
  return null;
}

/** Lower-cased, spaces around separators removed: DNs compare equal as the directory would. */
export function normaliseDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) =>
      rdn
        .split(/(?<!\\)=/)
        .map((p) => p.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();
}

/** The DN of the entry that holds `dn`. */
function parentDn(dn: string): string {
  const n = normaliseDn(dn);
  const i = n.search(/(?<!\\),/);
  return i < 0 ? '' : n.slice(i + 1);
}

const departmentIdOf = (dn: string) =>
  `ldap-${createHash('sha256').update(normaliseDn(dn)).digest('hex').slice(0, 12)}`;

interface DirectoryEntry {
  dn: string;
  [attribute: string]: unknown;
}

async function readDirectory(config: LdapSyncConfig): Promise<{
  people: DirectoryEntry[];
  units: DirectoryEntry[];
  disabled: Set<string>;
}> {
  const timeout = config.timeoutMs ?? 10_000;
  const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
  try {
    await client.bind(config.bindDn, config.bindPassword);
    const personAttributes = [config.loginAttribute, ...config.nameAttributes];
    const { searchEntries: people } = await client.search(config.userBase, {
      scope: 'sub',
      filter: config.userFilter,
      attributes: personAttributes,
      paged: { pageSize: 500 },
    });
    const { searchEntries: units } = await client.search(config.departmentBase, {
      scope: 'sub',
      filter: config.departmentFilter,
      attributes: ['ou', ...config.departmentNameAttributes],
      paged: { pageSize: 500 },
    });
    const disabled = new Set<string>();
    if (config.disabledFilter) {
      const { searchEntries } = await client.search(config.userBase, {
        scope: 'sub',
        filter: `(&${wrap(config.userFilter)}${wrap(config.disabledFilter)})`,
        attributes: ['dn'],
        paged: { pageSize: 500 },
      });
      for (const e of searchEntries) disabled.add(normaliseDn(e.dn));
    }
    return { people, units, disabled };
  } finally {
    await client.unbind().catch(() => {});
  }
}

const wrap = (f: string) => (f.startsWith('(') ? f : `(${f})`);

/**
 * 同步预览 (dry run): reads people and organisational units from the directory and compares
 * them with the unit's users and departments. Departments are matched by the link kept from an
 * earlier sync, else adopted by name, else created (id `ldap-<hash of DN>`); people by their
 * sign-in name (= user id). A person the sync created or adopted who is no longer in the
 * directory, or matches `disabledFilter`, is to be deactivated; users the sync never touched
 * (local administrators, for instance) are left alone. Writes nothing.
 */
export async function planLdapSync(
  app: AppServices,
  unitId: string,
  config: LdapSyncConfig,
): Promise<LdapSyncPlan> {
  const dir = await readDirectory(config);
  const kdb = db(app);
  const [departments, users, links] = await Promise.all([
    app.directory.listDepartments(unitId),
    app.store.directory.listUsers({ unitId }),
    kdb.selectFrom('app_ldap_links').selectAll().where('unit_id', '=', unitId).execute(),
  ]);
  const plan: LdapSyncPlan = {
    unitId,
    seen: { users: 0, departments: 0 },
    departments: { add: [], update: [], adopt: [] },
    users: { add: [], update: [], adopt: [], deactivate: [] },
    skipped: [],
  };

  // Departments: DN → local id.
  const deptByLink = new Map(
    links.filter((l) => l.kind === 'department').map((l) => [normaliseDn(l.dn), l.local_id]),
  );
  const linkedDeptIds = new Set(deptByLink.values());
  const deptById = new Map(departments.map((d) => [d.id, d]));
  const deptByName = new Map<string, Department>();
  for (const d of departments) if (!deptByName.has(d.name)) deptByName.set(d.name, d);
  const baseDn = normaliseDn(config.departmentBase);
  const units = dir.units
    .filter((u) => normaliseDn(u.dn) !== baseDn)
    // parents before children
    .sort((a, b) => normaliseDn(a.dn).split(',').length - normaliseDn(b.dn).split(',').length);
  const localOfDn = new Map<string, string>();
  const claimed = new Set<string>();
  for (const u of units) {
    const dn = normaliseDn(u.dn);
    const name = (firstOf(u, config.departmentNameAttributes) ?? values(u.ou)[0] ?? '').slice(
      0,
      100,
    );
    if (!name) {
      plan.skipped.push({ dn: u.dn, reason: '组织单位没有名称' });
      continue;
    }
    plan.seen.departments++;
    const linked = deptByLink.get(dn);
    const byName = deptByName.get(name);
    let id: string;
    let existing: Department | undefined;
    if (linked && deptById.has(linked)) {
      id = linked;
      existing = deptById.get(linked);
    } else if (byName && !claimed.has(byName.id) && !linkedDeptIds.has(byName.id)) {
      id = byName.id;
      existing = byName;
      plan.departments.adopt.push({ id, name, dn: u.dn });
    } else {
      id = departmentIdOf(dn);
      existing = deptById.get(id);
    }
    claimed.add(id);
    localOfDn.set(dn, id);
    const parentLocal = localOfDn.get(parentDn(dn)) ?? null;
    if (!existing) {
      plan.departments.add.push({ id, name, parentId: parentLocal, dn: u.dn });
      continue;
    }
    const changes: FieldChange[] = [];
    if (existing.name !== name) changes.push({ field: 'name', from: existing.name, to: name });
    // A unit at the top of the synced tree keeps the parent it has here.
    if (parentLocal !== null && existing.parentId !== parentLocal)
      changes.push({ field: 'parentId', from: existing.parentId, to: parentLocal });
    if (changes.length > 0) plan.departments.update.push({ id, name, dn: u.dn, changes });
  }

  // People.
  const byLogin = new Map<string, DirectoryEntry[]>();
  for (const p of dir.people) {
    const login = values(p[config.loginAttribute])[0];
    if (!login) {
      plan.skipped.push({ dn: p.dn, reason: `缺少登录名属性 ${config.loginAttribute}` });
      continue;
    }
    const list = byLogin.get(login.toLowerCase()) ?? [];
    list.push(p);
    byLogin.set(login.toLowerCase(), list);
  }
  const userById = new Map(users.map((u) => [u.id.toLowerCase(), u]));
  const linkedUsers = new Set(links.filter((l) => l.kind === 'user').map((l) => l.local_id));
  const present = new Set<string>();
  for (const [, entries] of byLogin) {
    if (entries.length > 1) {
      for (const p of entries)
        plan.skipped.push({ dn: p.dn, reason: '目录中有多个条目使用同一登录名，无法确定是谁' });
      continue;
    }
    const p = entries[0]!;
    const login = values(p[config.loginAttribute])[0]!;
    if (!ID.test(login)) {
      plan.skipped.push({ dn: p.dn, reason: `登录名“${login}”只能包含字母、数字和 _ . : -` });
      continue;
    }
    if (dir.disabled.has(normaliseDn(p.dn))) continue; // counts as gone
    const name = (firstOf(p, config.nameAttributes) ?? login).slice(0, 100);
    const departmentId = localOfDn.get(parentDn(p.dn)) ?? null;
    plan.seen.users++;
    const local = userById.get(login.toLowerCase());
    if (!local) {
      const elsewhere = await app.directory.getUser(login);
      if (elsewhere) {
        plan.skipped.push({ dn: p.dn, reason: `用户名 ${login} 已属于其他单位` });
        continue;
      }
      plan.users.add.push({ id: login, name, departmentId, dn: p.dn });
      continue;
    }
    present.add(local.id);
    const changes: FieldChange[] = [];
    if (local.name !== name) changes.push({ field: 'name', from: local.name, to: name });
    if (departmentId !== null && local.departmentId !== departmentId)
      changes.push({ field: 'departmentId', from: local.departmentId, to: departmentId });
    if (!local.active && linkedUsers.has(local.id))
      changes.push({ field: 'active', from: false, to: true });
    if (!linkedUsers.has(local.id)) plan.users.adopt.push({ id: local.id, name, dn: p.dn });
    if (changes.length > 0) plan.users.update.push({ id: local.id, name, dn: p.dn, changes });
  }
  for (const u of users) {
    if (linkedUsers.has(u.id) && u.active && !present.has(u.id))
      plan.users.deactivate.push({ id: u.id, name: u.name });
  }
  // Users in a stable order (the directory's is arbitrary); departments stay parents-first.
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  for (const list of Object.values(plan.users)) list.sort(byId);
  return plan;
}

/** Who applies a sync: an administrator (tRPC) or the scheduled import (null). */
export interface LdapSyncActor {
  userId: string | null;
  ip: string | null;
}

/** Counts of what an apply changed. */
export interface LdapSyncResult {
  plan: LdapSyncPlan;
  applied: boolean;
  /** Why an automatic run did not apply (too many deactivations). */
  refused?: string;
}

/**
 * 执行同步: computes the plan afresh and applies it in one transaction — departments (parents
 * first), new users (with an LDAP-only account: no password here, they sign in through
 * 统一身份认证), updates, and deactivation of people who left (their sessions end at once) —
 * with an audit row per created, changed or deactivated user and one summary row
 * (`admin.ldap.sync`). With `maxDeactivateShare` (the scheduled import), a plan that would
 * deactivate more than that share of the synced users is not applied (a wrong base DN or
 * filter must not switch everyone off); the refusal is audited.
 */
export async function applyLdapSync(
  app: AppServices,
  unitId: string,
  config: LdapSyncConfig,
  actor: LdapSyncActor,
  opts: { maxDeactivateShare?: number } = {},
): Promise<LdapSyncResult> {
  const plan = await planLdapSync(app, unitId, config);
  const now = app.clock.now();
  const kdb = db(app);
  const summary = {
    source: 'ldap',
    departmentsAdded: plan.departments.add.map((d) => d.id),
    departmentsUpdated: plan.departments.update.map((d) => d.id),
    departmentsAdopted: plan.departments.adopt.map((d) => d.id),
    usersAdded: plan.users.add.map((u) => u.id),
    usersUpdated: plan.users.update.map((u) => u.id),
    usersAdopted: plan.users.adopt.map((u) => u.id),
    usersDeactivated: plan.users.deactivate.map((u) => u.id),
    skipped: plan.skipped.length,
    scheduled: actor.userId === null,
  };
  if (opts.maxDeactivateShare !== undefined && plan.users.deactivate.length > 0) {
    const linked = await kdb
      .selectFrom('app_ldap_links')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('unit_id', '=', unitId)
      .where('kind', '=', 'user')
      .executeTakeFirst();
    const share = plan.users.deactivate.length / Math.max(1, Number(linked?.n ?? 0));
    if (share > opts.maxDeactivateShare) {
      const refused = `将停用 ${plan.users.deactivate.length} 人（占已同步用户的 ${Math.round(share * 100)}%），超过自动同步的上限，请管理员核对后手动执行`;
      await writeAudit(kdb, {
        unitId,
        at: now,
        actorId: actor.userId,
        action: 'admin.ldap.sync',
        target: 'refused',
        detail: { ...summary, refused },
        ip: actor.ip,
      });
      return { plan, applied: false, refused };
    }
  }

  const deptOf = new Map((await app.directory.listDepartments(unitId)).map((d) => [d.id, d]));
  const userOf = new Map(
    (await app.store.directory.listUsers({ unitId })).map((u) => [u.id, u] as const),
  );
  await kdb.transaction().execute(async (trx) => {
    const link = async (kind: 'user' | 'department', localId: string, dn: string) => {
      await trx
        .insertInto('app_ldap_links')
        .values({ unit_id: unitId, kind, local_id: localId, dn, seen_at: now })
        .onConflict((oc) =>
          oc.columns(['kind', 'local_id']).doUpdateSet({ dn, seen_at: now, unit_id: unitId }),
        )
        .execute();
    };
    const audit = (action: string, target: string, detail: Record<string, unknown>) =>
      writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.userId,
        action,
        target,
        detail: { source: 'ldap', ...detail },
        ip: actor.ip,
      });

    for (const d of plan.departments.add) {
      const dept: Department = {
        id: d.id,
        unitId,
        parentId: d.parentId,
        name: d.name,
        headUserId: null,
        sort: 100,
      };
      await putDepartmentTx(trx, dept);
      await link('department', d.id, d.dn);
      await audit('admin.department.create', d.id, { after: dept });
    }
    for (const d of plan.departments.adopt) await link('department', d.id, d.dn);
    for (const d of plan.departments.update) {
      const before = deptOf.get(d.id);
      if (!before) continue;
      const after: Department = { ...before };
      for (const c of d.changes) {
        if (c.field === 'name') after.name = String(c.to);
        if (c.field === 'parentId') after.parentId = (c.to as string | null) ?? null;
      }
      await putDepartmentTx(trx, after);
      await link('department', d.id, d.dn);
      await audit('admin.department.update', d.id, { before, after });
    }
    for (const u of plan.users.add) {
      const user: User = {
        id: u.id,
        unitId,
        departmentId: u.departmentId,
        name: u.name,
        roles: config.defaultRoles,
        superiorId: null,
        active: true,
      };
      await putUserTx(trx, user);
      await trx
        .insertInto('app_accounts')
        .values({ user_id: u.id, username: u.id, password_hash: null, created_at: now })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
      await link('user', u.id, u.dn);
      await audit('admin.user.create', u.id, {
        name: u.name,
        departmentId: u.departmentId,
        roles: user.roles,
      });
    }
    for (const u of plan.users.adopt) await link('user', u.id, u.dn);
    for (const u of plan.users.update) {
      const before = userOf.get(u.id);
      if (!before) continue;
      await link('user', u.id, u.dn);
      const after: User = { ...before };
      for (const c of u.changes) {
        if (c.field === 'name') after.name = String(c.to);
        if (c.field === 'departmentId') after.departmentId = (c.to as string | null) ?? null;
        if (c.field === 'active') after.active = c.to === true;
      }
      await putUserTx(trx, after);
      await audit(
        after.active && !before.active ? 'admin.user.activate' : 'admin.user.update',
        u.id,
        {
          changes: u.changes,
        },
      );
    }
    for (const u of plan.users.deactivate) {
      const before = userOf.get(u.id);
      if (!before) continue;
      await putUserTx(trx, { ...before, active: false });
      await revokeSessionsTx(trx, u.id);
      await audit('admin.user.deactivate', u.id, { name: u.name, reason: 'leftDirectory' });
    }
    await writeAudit(trx, {
      unitId,
      at: now,
      actorId: actor.userId,
      action: 'admin.ldap.sync',
      target: 'applied',
      detail: summary,
      ip: actor.ip,
    });
  });
  return { plan, applied: true };
}

/** The unit a scheduled import fills: LDAP_SYNC_UNIT_ID, else the only unit. */
async function scheduledUnit(app: AppServices): Promise<string | null> {
  const fromEnv = process.env.LDAP_SYNC_UNIT_ID;
  if (fromEnv) return fromEnv;
  const units = await db(app).selectFrom('units').select('id').limit(2).execute();
  return units.length === 1 ? units[0]!.id : null;
}

/**
 * The scheduled import: every LDAP_SYNC_INTERVAL_MINUTES (off when unset or 0) applies the
 * sync as the system, refusing plans that deactivate more than LDAP_SYNC_MAX_DEACTIVATE_SHARE
 * (default 0.2) of the synced users. Returns a stopper, or null when not configured.
 */
export function startLdapSync(
  app: AppServices,
  onError: (e: unknown) => void = (e) => console.error('[gongwen] LDAP sync failed', e),
): (() => Promise<void>) | null {
  const minutes = Number(process.env.LDAP_SYNC_INTERVAL_MINUTES ?? 0);
  const config = ldapSyncConfigFromEnv();
  if (!config || !Number.isFinite(minutes) || minutes <= 0) return null;
  const share = Number(process.env.LDAP_SYNC_MAX_DEACTIVATE_SHARE ?? 0.2);
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const unitId = await scheduledUnit(app);
      if (!unitId) throw new Error('LDAP sync: set LDAP_SYNC_UNIT_ID (several units)');
      await applyLdapSync(
        app,
        unitId,
        config,
        { userId: null, ip: null },
        { maxDeactivateShare: share },
      );
    })()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
