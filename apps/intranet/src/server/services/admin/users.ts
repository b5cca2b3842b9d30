import { NotFound, type User, ValidationFailed, ZUser } from '@gongwen/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZCreateUser, ZResetPassword, ZSetUserActive, ZUpdateUser } from '~/lib/schemas/admin';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import { hashPassword } from '~/server/services/accounts/password-hash';
import { revokeSessionsTx } from '~/server/services/accounts/sessions';
import { writeAudit } from '~/server/services/audit/write-audit';
import { putUserTx } from './directory-sql';

/** Request facts recorded with every administrative change. */
export interface AdminActor {
  user: SessionUser;
  ip: string | null;
}

const invalid = (path: string, message: string) =>
  new ValidationFailed(message, { issues: [{ path: [path], message }] });

/** Checks department and superior belong to the admin's unit; the superior is active and not the user. */
async function checkPlacement(
  app: AppServices,
  unitId: string,
  userId: string,
  departmentId: string,
  superiorId: string | null,
): Promise<void> {
  const dept = await app.directory.getDepartment(departmentId);
  if (!dept || dept.unitId !== unitId) throw invalid('departmentId', '所选部门不存在');
  if (superiorId !== null) {
    if (superiorId === userId) throw invalid('superiorId', '直接上级不能是本人');
    const sup = await app.directory.getUser(superiorId);
    if (!sup || sup.unitId !== unitId || !sup.active)
      throw invalid('superiorId', '所选直接上级不存在或已停用');
    // No cycles: walk up the chain from the superior.
    const seen = new Set<string>([userId]);
    let cur: User | null = sup;
    while (cur?.superiorId) {
      if (seen.has(cur.superiorId)) throw invalid('superiorId', '直接上级关系不能形成循环');
      seen.add(cur.id);
      cur = await app.directory.getUser(cur.superiorId);
    }
  }
}

/** Snapshot of a user for audit details. */
const auditView = (u: User) => ({
  name: u.name,
  departmentId: u.departmentId,
  roles: u.roles,
  superiorId: u.superiorId,
  active: u.active,
});

/** 新建用户: directory record, sign-in account and audit row in one transaction. */
export async function createUser(
  app: AppServices,
  actor: AdminActor,
  input: z.output<typeof ZCreateUser>,
): Promise<User> {
  const unitId = actor.user.unitId;
  const id = input.username;
  await checkPlacement(app, unitId, id, input.departmentId, input.superiorId);
  const user = ZUser.parse({
    id,
    unitId,
    departmentId: input.departmentId,
    name: input.name,
    roles: input.roles,
    superiorId: input.superiorId,
    active: true,
  });
  const hash = await hashPassword(input.password);
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', id)
        .unionAll(
          trx
            .selectFrom('app_accounts')
            .select('user_id as id')
            .where(sql`lower(username)`, '=', id.toLowerCase()),
        )
        .executeTakeFirst();
      if (taken) throw invalid('username', '该用户名已被使用');
      await putUserTx(trx, user);
      await trx
        .insertInto('app_accounts')
        .values({
          user_id: id,
          username: id,
          password_hash: hash,
          created_at: now,
          password_changed_at: now,
        })
        .execute();
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: 'admin.user.create',
        target: id,
        detail: auditView(user),
        ip: actor.ip,
      });
    });
  return user;
}

async function userOfUnit(app: AppServices, unitId: string, id: string): Promise<User> {
  const u = await app.directory.getUser(id);
  if (!u || u.unitId !== unitId) throw new NotFound('用户不存在', { userId: id });
  return u;
}

/** 编辑用户: name, department, roles, direct superior. A role change ends the user's sessions. */
export async function updateUser(
  app: AppServices,
  actor: AdminActor,
  input: z.output<typeof ZUpdateUser>,
): Promise<User> {
  const unitId = actor.user.unitId;
  const before = await userOfUnit(app, unitId, input.id);
  if (input.id === actor.user.id && !input.roles.includes('admin')) {
    throw invalid('roles', '不能取消本人的系统管理员角色');
  }
  await checkPlacement(app, unitId, input.id, input.departmentId, input.superiorId);
  const after: User = {
    ...before,
    name: input.name,
    departmentId: input.departmentId,
    roles: input.roles,
    superiorId: input.superiorId,
  };
  const now = app.clock.now();
  const rolesChanged =
    before.roles.length !== after.roles.length ||
    before.roles.some((r) => !after.roles.includes(r));
  await db(app)
    .transaction()
    .execute(async (trx) => {
      await putUserTx(trx, after);
      // A role change signs the user out everywhere: they sign in again under the new roles.
      if (rolesChanged) await revokeSessionsTx(trx, input.id);
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: 'admin.user.update',
        target: input.id,
        detail: { before: auditView(before), after: auditView(after) },
        ip: actor.ip,
      });
    });
  return after;
}

/** 停用 / 启用: a deactivated user cannot sign in, act, or be assigned; their sessions end. */
export async function setUserActive(
  app: AppServices,
  actor: AdminActor,
  input: z.output<typeof ZSetUserActive>,
): Promise<User> {
  const unitId = actor.user.unitId;
  const before = await userOfUnit(app, unitId, input.id);
  if (input.id === actor.user.id && !input.active) throw invalid('id', '不能停用本人账号');
  const after: User = { ...before, active: input.active };
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      await putUserTx(trx, after);
      if (!input.active) await revokeSessionsTx(trx, input.id);
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: input.active ? 'admin.user.activate' : 'admin.user.deactivate',
        target: input.id,
        detail: { name: before.name },
        ip: actor.ip,
      });
    });
  return after;
}

/**
 * 重置密码: sets a new password, clears failed attempts and any lock, and ends every session
 * of the user; creates the account if missing.
 */
export async function resetPassword(
  app: AppServices,
  actor: AdminActor,
  input: z.output<typeof ZResetPassword>,
): Promise<void> {
  const unitId = actor.user.unitId;
  const user = await userOfUnit(app, unitId, input.id);
  const hash = await hashPassword(input.password);
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('app_accounts')
        .values({
          user_id: user.id,
          username: user.id,
          password_hash: hash,
          created_at: now,
          password_changed_at: now,
        })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({
            password_hash: hash,
            failed_count: 0,
            locked_until: null,
            password_changed_at: now,
            // Every session issued under the old password ends now.
            session_version: eb('app_accounts.session_version', '+', 1),
          })),
        )
        .execute();
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: 'admin.user.resetPassword',
        target: user.id,
        detail: { name: user.name },
        ip: actor.ip,
      });
    });
}
