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
