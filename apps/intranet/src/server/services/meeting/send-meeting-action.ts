import { releaseMeetingRooms } from '@gongwen/core';
import type { z } from 'zod';
import type { ZMeetingAction, ZMeetingSend } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type SendSpec, sendCaseAction } from '~/server/services/cases/send-case-action';
import { MEETING_CASE } from './access';

/**
 * What 会议 adds to sending: only those who see the meeting send; new 议题 materials must be
 * the user's own fresh uploads; after 不同意 or 取消 the room is given back.
 */
const MEETING_SEND: SendSpec<z.output<typeof ZMeetingAction>> = {
  kind: MEETING_CASE,
  attachments: (action) =>
    action.type === 'SUBMIT_TOPICS'
      ? action.payload.topics.flatMap((t) => t.materials)
      : action.type === 'SET_AGENDA'
        ? action.payload.ownTopics.flatMap((t) => t.materials)
        : [],
  after: async (app, caseId, action) => {
    if (action.type !== 'REJECT' && action.type !== 'CANCEL') return;
    await releaseMeetingRooms({
      engine: app.engine,
      roomBookings: app.roomBookings,
      caseId,
      at: app.clock.now(),
    });
  },
};

/** Sends one 会议 event as `user` (see `sendCaseAction`). */
export function sendMeetingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMeetingSend>,
) {
  return sendCaseAction(app, user, input, MEETING_SEND);
}
