/**
 * The tRPC setup: context, error mapping and the procedure kinds. Routers live in
 * `routers/<domain>.ts` and are merged in `root.ts`.
 */
import '~/lib/zod-locale';
import { isGongwenError } from '@gongwen/core';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { contextForUserId, type SessionUser, type TRPCContext } from '~/server/api/context';
import { type FieldErrors, fieldErrorsOf, toTRPCError } from '~/server/api/errors';
import { getApp } from '~/server/app';

export type { SessionUser, TRPCContext } from '~/server/api/context';

/**
 * Context of an HTTP request: the session (next-auth JWT) resolved to a fresh directory user.
 * The session module is loaded lazily so that tests of routers never import next-auth.
 */
export async function createTRPCContext(opts: { headers: Headers }): Promise<TRPCContext> {
  const { getSessionUserId } = await import('~/server/auth');
  const app = await getApp();
  return contextForUserId(app, await getSessionUserId(), opts.headers);
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fieldErrors: FieldErrors | null =
      error.cause instanceof ZodError || error.code === 'BAD_REQUEST'
        ? fieldErrorsOf(error.cause)
        : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // Never leak internal details (SQL, stack) to the browser.
      message: internal ? '服务器内部错误，请稍后重试' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors,
        gongwenCode: isGongwenError(error.cause) ? error.cause.code : null,
      },
    };
  },
});

/** Builds server-side callers (RSC, tests). */
export const createCallerFactory = t.createCallerFactory;

/** Declares a router. */
export const createTRPCRouter = t.router;

/** Maps SDK and zod errors once, for HTTP calls and server-side callers alike. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    if (mapped) throw mapped;
    if (result.error.code === 'INTERNAL_SERVER_ERROR') console.error(result.error);
  }
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors);

/** A signed-in, active user: `ctx.user` is non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.sessionUserId) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: '账号已停用或不存在，请重新登录' });
  }
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

/** A signed-in user holding the `admin` role (系统管理员). */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.roles.includes('admin')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '无权访问：需要系统管理员权限' });
  }
  return next();
});
