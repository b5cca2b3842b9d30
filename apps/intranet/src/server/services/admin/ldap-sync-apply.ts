import type { Department, User } from '@gongwen/core';
import { type AppServices, db } from '~/server/app-types';
import { revokeSessionsTx } from '~/server/services/accounts/sessions';
import { writeAudit } from '~/server/services/audit/write-audit';
import { putDepartmentTx, putUserTx } from './directory-sql';
import type { LdapSyncConfig } from './ldap-sync-config';
import { type LdapSyncPlan, planLdapSync } from './ldap-sync-plan';

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
