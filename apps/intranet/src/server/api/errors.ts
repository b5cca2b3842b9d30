import { ERROR_MESSAGES_ZH, type ErrorCode, isGongwenError } from '@gongwen/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

/** The one mapping of SDK error codes to tRPC codes. */
export const GONGWEN_TO_TRPC: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_PERMITTED: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'BAD_REQUEST',
  INVALID_EVENT: 'BAD_REQUEST',
  VERSION_CONFLICT: 'CONFLICT',
};

/** The HTTP status of each tRPC code an SDK error maps to. */
const TRPC_TO_HTTP: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The HTTP status of an SDK error code, by the same mapping (route handlers, page refusals). */
export function httpStatusOf(code: ErrorCode): number {
  return TRPC_TO_HTTP[GONGWEN_TO_TRPC[code]] ?? 500;
}

/** Field errors keyed by dotted path, as the forms show them. */
export type FieldErrors = Record<string, string[]>;

function addFieldError(out: FieldErrors, path: readonly PropertyKey[], message: string): void {
  const key = path.map(String).join('.') || '_';
  const list = out[key] ?? [];
  list.push(message);
  out[key] = list;
}

/** Field errors of a ZodError or of a ValidationFailed's `details.issues`. */
export function fieldErrorsOf(cause: unknown): FieldErrors | null {
  const out: FieldErrors = {};
  if (cause instanceof ZodError) {
    for (const i of cause.issues) addFieldError(out, i.path, i.message);
    return out;
  }
  if (isGongwenError(cause)) {
    const issues = cause.details?.issues;
    if (!Array.isArray(issues)) return null;
    for (const i of issues as Array<{ path?: unknown; message?: unknown }>) {
      const path = Array.isArray(i.path) ? (i.path as PropertyKey[]) : [String(i.path ?? '')];
      addFieldError(out, path, String(i.message ?? ''));
    }
    return out;
  }
  return null;
}

/** A one-line Chinese summary of field errors: 填写内容有误：标题：不能为空 … */
function summary(errors: FieldErrors): string {
  const parts = Object.values(errors)
    .flat()
    .filter((m) => m.length > 0)
    .slice(0, 3);
  return parts.length > 0
    ? `填写内容有误：${parts.join('；')}`
    : ERROR_MESSAGES_ZH.VALIDATION_FAILED;
}

/**
 * Turns an error a procedure raised into the TRPCError the caller should see, with a Chinese
 * message; returns null for errors that are already fine as they are.
 */
export function toTRPCError(error: TRPCError): TRPCError | null {
  const cause = error.cause;
  if (isGongwenError(cause)) {
    const code = GONGWEN_TO_TRPC[cause.code] ?? 'INTERNAL_SERVER_ERROR';
    // The engine's own messages are specific Chinese sentences; fall back to the generic line.
    const message = /[\u4e00-\u9fff]/.test(cause.message)
      ? cause.message
      : ERROR_MESSAGES_ZH[cause.code];
    const fields = fieldErrorsOf(cause);
    return new TRPCError({
      code,
      message:
        cause.code === 'VALIDATION_FAILED' && fields && !/[\u4e00-\u9fff]/.test(cause.message)
          ? summary(fields)
          : message,
      cause,
    });
  }
  if (cause instanceof ZodError) {
    const fields = fieldErrorsOf(cause) ?? {};
    return new TRPCError({ code: 'BAD_REQUEST', message: summary(fields), cause });
  }
  return null;
}

/** Chinese lines for tRPC's own refusals (its messages are English), by error code. */
const TRPC_MESSAGES_ZH: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: '请求内容无法解析',
  BAD_REQUEST: '请求内容有误',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '请求的接口或数据不存在',
  METHOD_NOT_SUPPORTED: '请求方法不被支持',
  TIMEOUT: '请求超时，请稍后重试',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  PRECONDITION_FAILED: '请求的前提条件不满足',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不被支持：仅接受 application/json',
  UNPROCESSABLE_CONTENT: '请求内容无法处理',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
};

/** English messages of tRPC and superjson worth a more specific Chinese line. */
const KNOWN_ENGLISH: Array<[RegExp, string]> = [
  [/(__proto__|prototype|constructor) is not allowed/i, '请求内容包含不允许的属性名'],
  [/unsupported content-type|missing content-type/i, TRPC_MESSAGES_ZH.UNSUPPORTED_MEDIA_TYPE ?? ''],
  [/no procedure found on path/i, '请求的接口不存在'],
  [/unsupported (GET|POST|PUT|PATCH|DELETE)-request/i, '请求方法不被支持'],
  [/only POST requests are supported/i, '请求方法不被支持'],
  [/batching is not enabled|cannot mix procedure types/i, '请求格式有误'],
];

/**
 * The message a caller sees: Chinese as it is; an English one (tRPC's and superjson's own
 * refusals, e.g. `Unsupported content-type …`, `__proto__ is not allowed …`) replaced by a
 * Chinese line for its pattern or its code.
 */
export function toChineseMessage(code: TRPC_ERROR_CODE_KEY, message: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  for (const [pattern, zh] of KNOWN_ENGLISH) if (pattern.test(message)) return zh;
  return TRPC_MESSAGES_ZH[code] ?? '请求失败，请稍后重试';
}
