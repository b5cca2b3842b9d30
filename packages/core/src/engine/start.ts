import { initialTransition } from 'xstate';
import { NotPermitted, ValidationFailed } from '../errors.ts';
import type { CaseFacts, EventMeta } from '../workflow/definition.ts';
import { commitMachineStep } from './apply-step.ts';
import { parseOrThrow, type StartCommand, ZStartCommand } from './commands.ts';
import { activeUser } from './context.ts';
import { answeringReplays, sameCommand } from './idempotency.ts';
import { allocateSerial } from './numbering.ts';
import { resolveAssignees } from './resolve-assignees.ts';
import type { EngineContext, TransitionResult } from './types.ts';

/** Starts a case: checks, then the first step in one transaction, idempotent per `commandId`. */
export async function startCase(
  ctx: EngineContext,
  command: StartCommand,
): Promise<TransitionResult> {
  const cmd = parseOrThrow(ZStartCommand, command, '启动参数');
  const previous = await ctx.store.getCommand(cmd.commandId);
  if (previous) return sameCommand(previous, cmd.caseId);
  const def = ctx.registry.get(cmd.workflow, cmd.version);
  const actor = await activeUser(ctx, cmd.actorId);
  const now = ctx.clock.now();
  const caseId = cmd.caseId ?? ctx.newId();
  const facts: CaseFacts = { caseId, unitId: actor.unitId, startedBy: actor.id };
  if (def.starters) {
    const allowed = await resolveAssignees(def.starters, facts, ctx.directory);
    if (!allowed.includes(actor.id))
      throw new NotPermitted(`您无权发起“${def.title}”`, { workflow: def.name });
  }
  const input = parseOrThrow(def.startSchema, cmd.input, `“${def.title}”的登记内容`) as Record<
    string,
    unknown
  >;
  const meta: EventMeta = { actorId: actor.id, onBehalfOf: null, at: now.toISOString(), caseId };
  if (def.startCheck)
    await def.startCheck({ payload: input, facts, meta, directory: ctx.directory });
  return answeringReplays(ctx, cmd, () =>
    ctx.store.transaction(async (tx) => {
      // A number is taken inside the transaction, so a refused start gives it back.
      const serial = await allocateSerial(tx, def, {
        eventType: 'start',
        payload: input,
        context: null,
        facts,
        now,
      });
      if (serial) meta.serial = serial;
      const [next, actions] = initialTransition(def.machine, { ...input, meta });
      if (next.status === 'error')
        throw new ValidationFailed('流程无法以该内容启动', { workflow: def.name });
      return commitMachineStep(ctx, tx, {
        def,
        before: {
          id: caseId,
          unitId: actor.unitId,
          workflow: def.name,
          workflowVersion: def.version,
          startedBy: actor.id,
        },
        facts,
        next,
        actions,
        event: { type: 'start', ...input, meta },
        onBehalfOf: null,
        commandId: cmd.commandId,
        now,
      });
    }),
  );
}
