import { z } from 'zod';
import { ValidationFailed } from '../errors.ts';

const id = z.string().min(1).max(128);

/** Input of `engine.start`. */
export const ZStartCommand = z.object({
  workflow: z.string().min(1),
  /** Defaults to the latest registered version. */
  version: z.number().int().positive().optional(),
  actorId: id,
  /** Idempotency key: a retry with the same id returns the first result. */
  commandId: id,
  /** Lets the caller choose the case id (e.g. to match an external system); generated otherwise. */
  caseId: id.optional(),
  input: z.record(z.string(), z.unknown()).default({}),
});
/** Input of `engine.start`. */
export type StartCommand = z.input<typeof ZStartCommand>;

/** Input of `engine.send`. */
export const ZSendCommand = z.object({
  caseId: id,
  actorId: id,
  commandId: id,
  /** `{ type, ...payload }`. */
  event: z.looseObject({ type: z.string().min(1).max(100) }),
  /** Act for this principal under a delegation; chosen automatically when omitted. */
  onBehalfOf: id.optional(),
  /** Fail with VersionConflict unless the case is still at this `rev` (what the user saw). */
  expectedRev: z.number().int().nonnegative().optional(),
});
/** Input of `engine.send`. */
export type SendCommand = z.input<typeof ZSendCommand>;

/** Inbox filters. */
export const ZInboxQuery = z.object({
  actorId: id,
  workflow: z.string().optional(),
  kind: z.enum(['act', 'read', 'remind']).optional(),
  overdue: z.boolean().optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(['newest', 'oldest', 'dueSoonest']).default('newest'),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).default(0),
});
/** Inbox filters. */
export type InboxOptions = z.input<typeof ZInboxQuery>;

/** Input of `engine.reassign`: hand an open task to other people (人员变动、工作调整). */
export const ZReassignCommand = z.object({
  caseId: id,
  /** The open task's key, as in `case.assignments`. */
  taskKey: z.string().min(1).max(200),
  /** The new assignees (user ids of the case's unit). */
  to: z.array(id).min(1, '请选择新的办理人').max(50),
  actorId: id,
  commandId: id,
  reason: z.string().trim().min(1, '请填写改派原因').max(500),
});
/** Input of `engine.reassign`. */
export type ReassignCommand = z.input<typeof ZReassignCommand>;

/** Done-list filters. */
export const ZDoneQuery = z.object({
  actorId: id,
  workflow: z.string().optional(),
  search: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).default(0),
});
/** Done-list filters. */
export type DoneOptions = z.input<typeof ZDoneQuery>;

/** Parses with a zod schema, raising ValidationFailed with the issues on failure. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationFailed(`${what}不符合要求`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return result.data;
}
