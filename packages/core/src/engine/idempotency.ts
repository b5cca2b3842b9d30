import type { User } from '../directory/model.ts';
import { CommandReplayed, NotFound, ValidationFailed, VersionConflict } from '../errors.ts';
import type { CaseRecord, CommandRecord, StoreTx } from '../ports/store.ts';
import type { EngineContext, TransitionResult } from './types.ts';

/** A retried command's first result, unless the id was used for another case. */
export function sameCommand(command: CommandRecord, caseId: string | undefined): TransitionResult {
  if (caseId !== undefined && command.caseId !== caseId) {
    throw new ValidationFailed('该操作编号已用于其他办件', { commandId: command.id });
  }
  return command.result as TransitionResult;
}

/**
 * Runs a command's transaction; when the store reports that a racing try stored the same
 * command id first (`CommandReplayed`), answers with that try's result instead.
 */
export async function answeringReplays(
  ctx: EngineContext,
  command: { commandId: string; caseId?: string | undefined },
  run: () => Promise<TransitionResult>,
): Promise<TransitionResult> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof CommandReplayed)) throw e;
    const stored = await ctx.store.getCommand(command.commandId);
    if (!stored)
      throw new VersionConflict('命令与并发操作冲突，请重试', { commandId: command.commandId });
    return sameCommand(stored, command.caseId);
  }
}

/**
 * Runs a command on an existing case in one transaction: locks the case, answers a retried
 * command with its first result, refuses a case that is missing or of another unit, and
 * hands the locked case to `run`.
 */
export function onLockedCase(
  ctx: EngineContext,
  cmd: { commandId: string; caseId: string },
  actor: User,
  run: (tx: StoreTx, caseRecord: CaseRecord) => Promise<TransitionResult>,
): Promise<TransitionResult> {
  return answeringReplays(ctx, cmd, () =>
    ctx.store.transaction(async (tx) => {
      const { caseRecord, command: previous } = await tx.lockCase(cmd.caseId, cmd.commandId);
      if (previous) return sameCommand(previous, cmd.caseId);
      if (!caseRecord || caseRecord.unitId !== actor.unitId)
        throw new NotFound('办件不存在', { caseId: cmd.caseId });
      return run(tx, caseRecord);
    }),
  );
}
