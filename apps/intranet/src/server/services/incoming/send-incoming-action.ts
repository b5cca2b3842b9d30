import { ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import { HANDWRITING_EVENTS, type ZIncomingSend } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from './attachments';
import { saveHandwriting } from './handwriting';

/**
 * Sends one 收文 event as `user` through the engine (which checks the user's task, the
 * delegation and the organisation rules, all in one transaction), then keeps what the core
 * payload cannot carry: the attachment links and the 手写批注, keyed by the command id.
 */
export async function sendIncomingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZIncomingSend>,
) {
  const { action, handwriting } = input;
  if (handwriting && !HANDWRITING_EVENTS.includes(action.type)) {
    const message = '只有批示和审阅意见可以附手写批注';
    throw new ValidationFailed(message, { issues: [{ path: ['handwriting'], message }] });
  }
  const attachments =
    action.type === 'SUBMIT_RESULT' || action.type === 'AMEND_REGISTRATION'
      ? action.payload.attachments
      : [];
  await checkAttachments(app, user, attachments, {
    caseId: input.caseId,
    commandId: input.commandId,
  });
  const result = await app.engine.send({
    caseId: input.caseId,
    actorId: user.id,
    commandId: input.commandId,
    event: { type: action.type, ...action.payload },
    ...(input.onBehalfOf !== undefined && { onBehalfOf: input.onBehalfOf }),
    ...(input.expectedRev !== undefined && { expectedRev: input.expectedRev }),
  });
  await linkAttachments(app, input.caseId, attachments);
  if (handwriting) {
    await saveHandwriting(app, {
      commandId: input.commandId,
      caseId: input.caseId,
      ledgerSeq: result.ledgerSeq,
      userId: user.id,
      handwriting,
    });
  }
  return result;
}
