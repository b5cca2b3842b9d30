import { distributeToUnits } from '@gongwen/core';
import type { z } from 'zod';
import type { ZOutgoingDistribute } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadOutgoingAccess } from './access';

/**
 * 分发: delivers the sealed document to every 主送/抄送 unit (the core's `distributeToUnits`):
 * each unit on the platform gets a 收文 case registered by its secretary — that registration
 * is its 回执 — and each external unit a 回执 for the secretariat to record. Idempotent: a retry
 * returns the 收文 cases already created.
 */
export async function distributeOutgoing(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZOutgoingDistribute>,
) {
  await loadOutgoingAccess(app, user, input.caseId);
  return distributeToUnits({
    engine: app.engine,
    directory: app.directory,
    caseId: input.caseId,
    actorId: user.id,
    calendar: app.calendar,
    clock: app.clock,
    ...(input.externalMethod && { externalMethod: input.externalMethod }),
  });
}
