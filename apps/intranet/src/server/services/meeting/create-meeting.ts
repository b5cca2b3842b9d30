import {
  bookMeetingRoom,
  checkMeetingPlan,
  NotFound,
  RoomBookingConflict,
  ValidationFailed,
} from '@gongwen/core';
import type { z } from 'zod';
import type { ZMeetingCreate } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/**
 * 会议计划/申请: checks the plan against the organisation and the room's availability (so that
 * a taken room is refused before anything is written), starts the meeting case and books the
 * room for the planned time. Should another booking win the race in between, the database
 * refuses ours (RoomBookingConflict) and the meeting stays in 筹备 without a room.
 */
export async function createMeeting(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMeetingCreate>,
): Promise<{ caseId: string; booked: boolean }> {
  const { plan, roomId } = input;
  const problems = await checkMeetingPlan({
    directory: app.directory,
    unitId: user.unitId,
    plan: { ...plan, replyBy: plan.replyBy ?? plan.start },
  });
  if (problems.length > 0) {
    throw new ValidationFailed(problems.join('；'), {
      issues: problems.map((message) => ({ path: ['plan'], message })),
    });
  }
  const range = { start: new Date(plan.start), end: new Date(plan.end) };
  if (roomId !== undefined) {
    const room = (await app.roomBookings.listRooms(user.unitId)).find((r) => r.id === roomId);
    if (!room) throw new NotFound('会议室不存在', { roomId });
    if (!room.active) throw new ValidationFailed(`会议室“${room.name}”已停用，不能预订`);
    const [taken] = await app.roomBookings.calendar(user.unitId, range, roomId);
    if (taken) throw new RoomBookingConflict(room, range, taken);
  }
  const { caseId } = await app.engine.start({
    workflow: 'meeting',
    actorId: user.id,
    commandId: input.commandId,
    input: plan,
  });
  if (roomId === undefined) return { caseId, booked: false };
  await bookMeetingRoom({
    engine: app.engine,
    roomBookings: app.roomBookings,
    caseId,
    actorId: user.id,
    roomId,
  });
  return { caseId, booked: true };
}
