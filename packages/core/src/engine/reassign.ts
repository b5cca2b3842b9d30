import { NotFound, NotPermitted, ValidationFailed } from '../errors.ts';
import { commitStep } from './apply-step.ts';
import { parseOrThrow, type ReassignCommand, ZReassignCommand } from './commands.ts';
import { activeUser, factsOf } from './context.ts';
import { onLockedCase } from './idempotency.ts';
import { resolveAssignees } from './resolve-assignees.ts';
import type { EngineContext, TransitionResult } from './types.ts';

/**
 * Hands an open task to other people (改派). The machine's state is unchanged; the step
 * closes the task as `$reassign`, opens it again for the new people and records who, whom
 * and why in the ledger.
 */
export async function reassignTask(
  ctx: EngineContext,
  command: ReassignCommand,
): Promise<TransitionResult> {
  const cmd = parseOrThrow(ZReassignCommand, command, '改派参数');
  const actor = await activeUser(ctx, cmd.actorId);
  const now = ctx.clock.now();
  return onLockedCase(ctx, cmd, actor, async (tx, caseRecord) => {
    const facts = factsOf(caseRecord);
    const allowed = await resolveAssignees(ctx.reassigners, facts, ctx.directory);
    if (!allowed.includes(actor.id)) throw new NotPermitted('您无权改派待办');
    const current = caseRecord.assignments.find((a) => a.key === cmd.taskKey);
    if (!current || caseRecord.status !== 'active')
      throw new NotFound('该待办不存在或已办理', { taskKey: cmd.taskKey });
    const candidates = await resolveAssignees({ users: cmd.to }, facts, ctx.directory);
    if (candidates.length !== new Set(cmd.to).size) {
      throw new ValidationFailed('新的办理人须为本单位在职人员', { to: cmd.to });
    }
    const replaced = { ...current, candidates };
    return commitStep(ctx, tx, {
      before: caseRecord,
      now,
      next: {
        state: caseRecord.state,
        status: caseRecord.status,
        snapshot: caseRecord.snapshot,
        title: caseRecord.title,
        fields: caseRecord.fields,
      },
      plan: {
        assignments: caseRecord.assignments.map((a) => (a.key === current.key ? replaced : a)),
        opened: [replaced],
        closed: [current],
      },
      closedAs: '$reassign',
      entry: {
        actorId: actor.id,
        onBehalfOf: null,
        event: '$reassign',
        opinion: cmd.reason,
        fields: { taskKey: current.key, from: current.candidates, to: candidates },
      },
      effects: { schedule: new Map(), cancel: new Set() },
      notify: [],
      commandId: cmd.commandId,
    });
  });
}
