import type { z } from 'zod';
import type { ZOutgoingCreate } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';

/**
 * 拟稿: starts a 发文 case with the core's ZCreateOutgoingDraft (header + first version of the
 * 正文). Attachments and the imported Word file (kept as the 原稿 attachment) must be blobs
 * this user uploaded and no other case uses; they are linked to the new case afterwards.
 */
export async function createOutgoingDraft(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZOutgoingCreate>,
) {
  const { draft } = input;
  const blobs = [...draft.attachments, ...(draft.importedFrom ? [draft.importedFrom] : [])];
  await checkAttachments(app, user, blobs, { caseId: null, commandId: input.commandId });
  const result = await app.engine.start({
    workflow: 'outgoing',
    actorId: user.id,
    commandId: input.commandId,
    input: draft as unknown as Record<string, unknown>,
  });
  await linkAttachments(app, result.caseId, blobs);
  return result;
}
