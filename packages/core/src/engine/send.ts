import { InvalidEvent, VersionConflict } from '../errors.ts';
import type { EventMeta } from '../workflow/definition.ts';
import { applyEvent } from './apply-step.ts';
import { authorize } from './authorize.ts';
import { parseOrThrow, type SendCommand, ZSendCommand } from './commands.ts';
import { activeUser, factsOf } from './context.ts';
import { onLockedCase } from './idempotency.ts';
import { allocateSerial } from './numbering.ts';
import type { EngineContext, TransitionResult } from './types.ts';

/** Sends a user's event to a case: one transaction, idempotent per `commandId`. */
export async function sendEvent(
  ctx: EngineContext,
  command: SendCommand,
): Promise<TransitionResult> {
  const cmd = parseOrThrow(ZSendCommand, command, '操作参数');
  const actor = await activeUser(ctx, cmd.actorId);
  const now = ctx.clock.now();
  const { type, ...rawPayload } = cmd.event;
  delete rawPayload.meta;
  return onLockedCase(ctx, cmd, actor, async (tx, caseRecord) => {
    if (cmd.expectedRev !== undefined && cmd.expectedRev !== caseRecord.rev) {
      throw new VersionConflict('该办件已被他人处理，请刷新后重试', {
        expectedRev: cmd.expectedRev,
        rev: caseRecord.rev,
      });
    }
    const def = ctx.registry.get(caseRecord.workflow, caseRecord.workflowVersion);
    const spec = def.events[type];
    if (!spec) throw new InvalidEvent(`流程“${def.title}”没有“${type}”操作`, { event: type });
    if (caseRecord.status !== 'active')
      throw new InvalidEvent('办件已办结，不能再操作', { event: type });
    const payload = parseOrThrow(spec.schema, rawPayload, `“${spec.title}”的内容`) as Record<
      string,
      unknown
    >;
    const snapshot = def.machine.resolveState(caseRecord.snapshot as never);
    const { onBehalfOf, taskKeys } = await authorize(ctx, {
      def,
      caseRecord,
      snapshot,
      actor,
      eventType: type,
      wantedPrincipal: cmd.onBehalfOf,
      now,
    });
    const meta: EventMeta = {
      actorId: actor.id,
      onBehalfOf,
      at: now.toISOString(),
      caseId: caseRecord.id,
      taskKeys,
    };
    const facts = factsOf(caseRecord);
    // Rules that need the organisation run here, inside the transaction.
    await spec.check?.({
      payload,
      context: snapshot.context,
      facts,
      meta,
      directory: ctx.directory,
    });
    if (snapshot.can({ ...payload, type, meta })) {
      const serial = await allocateSerial(tx, def, {
        eventType: type,
        payload,
        context: snapshot.context,
        facts,
        now,
      });
      if (serial) meta.serial = serial;
    }
    const result = await applyEvent(ctx, tx, {
      def,
      caseRecord,
      facts,
      snapshot,
      event: { ...payload, type, meta },
      onBehalfOf,
      commandId: cmd.commandId,
      now,
    });
    if (!result) {
      throw new InvalidEvent(
        `当前环节（${def.stateLabels?.[caseRecord.state] ?? caseRecord.state}）不能“${spec.title}”`,
        { event: type, state: caseRecord.state },
      );
    }
    return result;
  });
}
