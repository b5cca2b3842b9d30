import { createHash } from 'node:crypto';
import type { Department } from '@gongwen/core';
import { type AppServices, db } from '~/server/app-types';
import { type DirectoryEntry, firstOf, normaliseDn, parentDn, values } from './ldap-entries';
import { readDirectory } from './ldap-read-directory';
import type { LdapSyncConfig } from './ldap-sync-config';

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

/** What a sign-in name must look like to become a user id. */
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The id of a department the sync creates: `ldap-` and a hash of its DN. */
const departmentIdOf = (dn: string) =>
  `ldap-${createHash('sha256').update(normaliseDn(dn)).digest('hex').slice(0, 12)}`;

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
