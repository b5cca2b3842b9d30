import { INCOMING_WORKFLOW, type Registration } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from './attachments';

/**
 * 签收登记: starts a 收文 case (the engine allocates the 收文编号 and checks the user is a
 * secretary). The attachments must be blobs the user uploaded; they then belong to the case.
 * Idempotent per `commandId`: a retried submit returns the first result.
 */
export async function registerIncoming(
  app: AppServices,
  user: SessionUser,
  input: { commandId: string; registration: Registration },
) {
  await checkAttachments(app, user, input.registration.attachments, {
    caseId: null,
    commandId: input.commandId,
  });
  const result = await app.engine.start({
    workflow: INCOMING_WORKFLOW,
    actorId: user.id,
    commandId: input.commandId,
    input: input.registration,
  });
  await linkAttachments(app, result.caseId, input.registration.attachments);
  const c = await app.engine.case(result.caseId);
  return {
    caseId: result.caseId,
    serialNo: typeof c.fields.serialNo === 'string' ? c.fields.serialNo : null,
  };
}
