import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  ZAuditFilter,
  ZCreateDelegation,
  ZCreateUser,
  ZId,
  ZResetPassword,
  ZSaveDepartment,
  ZSetUserActive,
  ZUpdateUser,
} from '~/lib/schemas/admin';
import type { TRPCContext } from '~/server/api/context';
import { adminProcedure, createTRPCRouter } from '~/server/api/trpc';
import { db } from '~/server/app-types';
import { createDelegation, removeDelegation } from '~/server/services/admin/delegations';
import { saveDepartment } from '~/server/services/admin/departments';
import { applyLdapSync } from '~/server/services/admin/ldap-sync-apply';
import { ldapSyncConfigFromEnv } from '~/server/services/admin/ldap-sync-config';
import { planLdapSync } from '~/server/services/admin/ldap-sync-plan';
import { listAudit } from '~/server/services/admin/list-audit';
import {
  type AdminActor,
  createUser,
  resetPassword,
  setUserActive,
  updateUser,
} from '~/server/services/admin/users';

/** The client address of a request, for the audit log. */
export function requestIp(headers: Headers): string | null {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || null;
}

/** The administrator reading the audit log (the read is audited). */
export function readerOf(ctx: TRPCContext & { user: NonNullable<TRPCContext['user']> }) {
  return { userId: ctx.user.id, unitId: ctx.user.unitId, ip: requestIp(ctx.headers) };
}

function actorOf(ctx: TRPCContext & { user: NonNullable<TRPCContext['user']> }): AdminActor {
  return { user: ctx.user, ip: requestIp(ctx.headers) };
}

/** 组织机构与用户 and 审计日志: system administrators of the unit only. */
export const adminRouter = createTRPCRouter({
  /** The unit's departments and users (with account state), for the tree and the tables. */
  org: adminProcedure.query(async ({ ctx }) => {
    const { unitId } = ctx.user;
    const [unit, departments, users, accounts] = await Promise.all([
      ctx.app.directory.getUnit(unitId),
      ctx.app.directory.listDepartments(unitId),
      ctx.app.store.directory.listUsers({ unitId }),
      db(ctx.app)
        .selectFrom('app_accounts as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .where('u.unit_id', '=', unitId)
        .select(['a.user_id', 'a.username', 'a.locked_until', 'a.last_login_at', 'a.failed_count'])
        .execute(),
    ]);
    const now = ctx.app.clock.now();
    const byUser = new Map(accounts.map((a) => [a.user_id, a]));
    return {
      unit,
      departments: [...departments].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name)),
      users: users
        .map((u) => {
          const a = byUser.get(u.id);
          return {
            ...u,
            username: a?.username ?? null,
            locked: !!a?.locked_until && new Date(a.locked_until) > now,
            lastLoginAt: a?.last_login_at ? new Date(a.last_login_at) : null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  }),

  createUser: adminProcedure
    .input(ZCreateUser)
    .mutation(({ ctx, input }) => createUser(ctx.app, actorOf(ctx), input)),

  updateUser: adminProcedure
    .input(ZUpdateUser)
    .mutation(({ ctx, input }) => updateUser(ctx.app, actorOf(ctx), input)),

  setUserActive: adminProcedure
    .input(ZSetUserActive)
    .mutation(({ ctx, input }) => setUserActive(ctx.app, actorOf(ctx), input)),

  resetPassword: adminProcedure.input(ZResetPassword).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.app, actorOf(ctx), input);
    return { ok: true as const };
  }),

  createDepartment: adminProcedure
    .input(ZSaveDepartment)
    .mutation(({ ctx, input }) => saveDepartment(ctx.app, actorOf(ctx), 'create', input)),

  updateDepartment: adminProcedure
    .input(ZSaveDepartment)
    .mutation(({ ctx, input }) => saveDepartment(ctx.app, actorOf(ctx), 'update', input)),

  delegations: adminProcedure.query(async ({ ctx }) => {
    const list = await ctx.app.store.directory.listDelegations(ctx.user.unitId);
    return [...list].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  }),

  createDelegation: adminProcedure
    .input(ZCreateDelegation)
    .mutation(({ ctx, input }) => createDelegation(ctx.app, actorOf(ctx), input)),

  removeDelegation: adminProcedure
    .input(z.strictObject({ id: ZId }))
    .mutation(async ({ ctx, input }) => {
      await removeDelegation(ctx.app, actorOf(ctx), input.id);
      return { ok: true as const };
    }),

  /** LDAP/AD 同步: the mapping in use and the last sync (from the audit log). */
  ldapStatus: adminProcedure.query(async ({ ctx }) => {
    const config = ldapSyncConfigFromEnv();
    const last = await db(ctx.app)
      .selectFrom('app_audit_log')
      .select(['at', 'target', 'detail', 'actor_id'])
      .where('action', '=', 'admin.ldap.sync')
      .where('unit_id', '=', ctx.user.unitId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      configured: config !== null,
      url: config?.url ?? null,
      userBase: config?.userBase ?? null,
      userFilter: config?.userFilter ?? null,
      loginAttribute: config?.loginAttribute ?? null,
      departmentBase: config?.departmentBase ?? null,
      intervalMinutes: Number(process.env.LDAP_SYNC_INTERVAL_MINUTES ?? 0) || 0,
      last: last
        ? {
            at: new Date(last.at),
            outcome: last.target,
            actorId: last.actor_id,
            detail: (typeof last.detail === 'string'
              ? JSON.parse(last.detail)
              : last.detail) as Record<string, unknown>,
          }
        : null,
    };
  }),

  /** LDAP/AD 同步: `apply: false` is the dry run (writes nothing); `apply: true` applies it. */
  ldapSync: adminProcedure
    .input(z.strictObject({ apply: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const config = ldapSyncConfigFromEnv();
      if (!config) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: '未配置 LDAP 目录（LDAP_URL、LDAP_BASE_DN），无法同步',
        });
      }
      try {
        if (!input.apply) {
          return { applied: false, plan: await planLdapSync(ctx.app, ctx.user.unitId, config) };
        }
        return await applyLdapSync(ctx.app, ctx.user.unitId, config, {
          userId: ctx.user.id,
          ip: requestIp(ctx.headers),
        });
      } catch (e) {
        if (e instanceof TRPCError) throw e;
        const detail = e instanceof Error ? e.message : String(e);
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `无法读取 LDAP 目录：${detail}`,
          cause: e,
        });
      }
    }),

  audit: adminProcedure
    .input(ZAuditFilter)
    .query(({ ctx, input }) => listAudit(ctx.app, readerOf(ctx), input)),
});
