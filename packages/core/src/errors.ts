/** Stable error codes that every layer (SDK, tRPC, UI) maps once. */
export type ErrorCode =
  | 'NOT_PERMITTED'
  | 'VERSION_CONFLICT'
  | 'INVALID_EVENT'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED';

/** Base class of every error the SDK raises on purpose. */
export class GongwenError extends Error {
  readonly code: ErrorCode;
  /** Structured details safe to show to a caller (field issues, allowed events …). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The actor may not do this (wrong person, wrong unit, no delegation, unknown actor). */
export class NotPermitted extends GongwenError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NOT_PERMITTED', message, details);
  }
}

/** Another transition changed the case first; reload and retry. */
export class VersionConflict extends GongwenError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VERSION_CONFLICT', message, details);
  }
}

/** The event is unknown to the workflow or not accepted in the current state. */
export class InvalidEvent extends GongwenError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INVALID_EVENT', message, details);
  }
}

/** A case, user, unit or definition does not exist (or is not visible to the caller). */
export class NotFound extends GongwenError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NOT_FOUND', message, details);
  }
}

/** A payload or definition failed validation; `details.issues` lists what and where. */
export class ValidationFailed extends GongwenError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VALIDATION_FAILED', message, details);
  }
}

/** Chinese messages for each code, for user interfaces that show a generic line. */
export const ERROR_MESSAGES_ZH: Record<ErrorCode, string> = {
  NOT_PERMITTED: '您无权执行此操作',
  VERSION_CONFLICT: '该办件已被他人处理，请刷新后重试',
  INVALID_EVENT: '当前环节不能执行此操作',
  NOT_FOUND: '未找到相应记录',
  VALIDATION_FAILED: '填写内容有误，请检查后重试',
};

/** True when `e` is a GongwenError (also across duplicated module copies). */
export function isGongwenError(e: unknown): e is GongwenError {
  return (
    e instanceof GongwenError ||
    (e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && 'details' in e)
  );
}

/**
 * Raised by a store when a command id was already recorded (a retry raced the first try).
 * The engine answers it by returning the stored result; callers never see it.
 */
export class CommandReplayed extends Error {
  readonly commandId: string;
  constructor(commandId: string) {
    super(`command ${commandId} was already applied`);
    this.name = 'CommandReplayed';
    this.commandId = commandId;
  }
}
