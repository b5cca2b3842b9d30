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
import {
  type FieldErrors,
  fieldErrorsOf,
  toChineseMessage,
  toTRPCError,
} from '~/server/api/errors';
import { getApp } from '~/server/app';
import {
  CROSS_ORIGIN_MESSAGE,
  checkRequestOrigin,
  isJsonRequest,
  JSON_ONLY_MESSAGE,
} from '~/server/auth/origin';

export type { SessionUser, TRPCContext } from '~/server/api/context';

/**
 * Refuses an HTTP call to /api/trpc that could be a cross-site forgery: a POST (mutation) must
 * come from the intranet's own origin and be `application/json` — tRPC would otherwise accept
 * `multipart/form-data` and `application/octet-stream`, which a plain HTML form on another
 * site (or another port of this host) can send with the user's cookies and no CORS preflight.
 * Uploads have their own route (/api/blobs).
 */
export function assertTrpcRequestAllowed(
  req: { method: string; url: string; headers: Headers },
  publicUrl?: string | null,
): void {
  if (req.method.toUpperCase() !== 'POST') return;
  const origin = checkRequestOrigin(req, publicUrl);
  if (!origin.ok) {
    console.warn(`[gongwen] refused tRPC call: ${origin.reason}`);
    throw new TRPCError({ code: 'FORBIDDEN', message: CROSS_ORIGIN_MESSAGE });
  }
  if (!isJsonRequest(req.headers)) {
    throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: JSON_ONLY_MESSAGE });
  }
}

/**
 * Context of an HTTP request: the session (next-auth JWT) resolved to a fresh directory user.
 * The session module is loaded lazily so that tests of routers never import next-auth. With
 * `req` (the /api/trpc route), cross-site and non-JSON mutations are refused first.
 */
export async function createTRPCContext(opts: {
  headers: Headers;
  req?: { method: string; url: string; headers: Headers };
}): Promise<TRPCContext> {
  if (opts.req) {
    const { getEnv } = await import('~/env');
    assertTrpcRequestAllowed(opts.req, getEnv().NEXTAUTH_URL);
  }
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
      message: internal
        ? '服务器内部错误，请稍后重试'
        : toChineseMessage(error.code, shape.message),
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
