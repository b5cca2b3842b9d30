import { outgoingContextOf, ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import { OUTGOING_HANDWRITING_EVENTS, type ZOutgoingSend } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';
import { saveHandwriting } from '~/server/services/incoming/handwriting';

/**
 * Sends one 发文 event as `user` through the engine (which checks the user's task, the
 * delegation and the organisation rules, all in one transaction), then keeps what the core
 * payload cannot carry: new attachment links (a header edit) and the 手写批注.
 */
export async function sendOutgoingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZOutgoingSend>,
) {
  const { action, handwriting } = input;
  if (handwriting && !OUTGOING_HANDWRITING_EVENTS.includes(action.type)) {
    const message = '只有签发意见可以附手写批注';
    throw new ValidationFailed(message, { issues: [{ path: ['handwriting'], message }] });
  }
  const attachments =
    action.type === 'EDIT' ? (action.payload.header?.attachments ?? []) : ([] as const);
  // attachments already on the case stay; new ones must be this user's fresh uploads
  const known = new Set(
    attachments.length > 0
      ? outgoingContextOf(
          await app.engine.case(input.caseId, { actorId: user.id }),
        ).header.attachments.map((a) => a.blobId)
      : [],
  );
  const fresh = attachments.filter((a) => !known.has(a.blobId));
  await checkAttachments(app, user, fresh, { caseId: input.caseId, commandId: input.commandId });
  const result = await app.engine.send({
    caseId: input.caseId,
    actorId: user.id,
    commandId: input.commandId,
    event: { type: action.type, ...action.payload },
    ...(input.onBehalfOf !== undefined && { onBehalfOf: input.onBehalfOf }),
    ...(input.expectedRev !== undefined && { expectedRev: input.expectedRev }),
  });
  await linkAttachments(app, input.caseId, fresh);
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
