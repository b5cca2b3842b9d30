import { releaseMeetingRooms } from '@gongwen/core';
import type { z } from 'zod';
import type { ZMeetingSend } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';
import { loadMeeting } from './access';

/**
 * Sends one 会议 event as `user` through the engine (which checks the task, the delegation and
 * the organisation rules in one transaction). New 议题 materials must be the user's own fresh
 * uploads; after 不同意 or 取消 the room is given back.
 */
export async function sendMeetingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMeetingSend>,
) {
  await loadMeeting(app, user, input.caseId);
  const { action } = input;
  const materials =
    action.type === 'SUBMIT_TOPICS'
      ? action.payload.topics.flatMap((t) => t.materials)
      : action.type === 'SET_AGENDA'
        ? action.payload.ownTopics.flatMap((t) => t.materials)
        : [];
  await checkAttachments(app, user, materials, {
    caseId: input.caseId,
    commandId: input.commandId,
  });
  const result = await app.engine.send({
    caseId: input.caseId,
    actorId: user.id,
    commandId: input.commandId,
    event: { type: action.type, ...action.payload },
  });
  await linkAttachments(app, input.caseId, materials);
  if (action.type === 'REJECT' || action.type === 'CANCEL') {
    await releaseMeetingRooms({
      engine: app.engine,
      roomBookings: app.roomBookings,
      caseId: input.caseId,
      at: app.clock.now(),
    });
  }
  return result;
}
