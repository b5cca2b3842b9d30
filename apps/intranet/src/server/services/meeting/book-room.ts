import { bookMeetingRoom } from '@gongwen/core';
import type { z } from 'zod';
import type { ZMeetingBookRoom } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadMeeting } from './access';

/** 预订会议室 for the planned time (a taken room is refused with 会议室“…”在…已被预订). */
export async function bookRoom(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMeetingBookRoom>,
) {
  await loadMeeting(app, user, input.caseId);
  const { booking, rev } = await bookMeetingRoom({
    engine: app.engine,
    roomBookings: app.roomBookings,
    caseId: input.caseId,
    actorId: user.id,
    roomId: input.roomId,
    commandId: input.commandId,
  });
  return { bookingId: booking.id, roomId: booking.roomId, rev };
}
