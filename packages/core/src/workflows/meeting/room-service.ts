import type { WorkflowEngine } from '../../engine/engine.ts';
import { ValidationFailed } from '../../errors.ts';
import type { RoomBooking, RoomBookings, TimeRange } from '../../ports/room-bookings.ts';
import type { MeetingContext } from './context.ts';

/**
 * 预订会议室 for a meeting case: books the room through the `RoomBookings` port (the port
 * refuses a double booking with `RoomBookingConflict`), then records the booking on the case
 * with BOOK_ROOM. If the case refuses the event, the booking is cancelled again; once the case
 * holds the new booking, the one it replaced is released. `range` defaults to the planned time.
 */
export async function bookMeetingRoom(args: {
  engine: WorkflowEngine;
  roomBookings: RoomBookings;
  caseId: string;
  actorId: string;
  roomId: string;
  range?: TimeRange;
  commandId?: string;
  onBehalfOf?: string;
}): Promise<{ booking: RoomBooking; rev: number }> {
  const { engine, roomBookings } = args;
  const c = await engine.case(args.caseId, { actorId: args.actorId });
  if (c.workflow !== 'meeting') throw new ValidationFailed('该办件不是会议');
  const ctx = (c.snapshot as { context: MeetingContext }).context;
  const range = args.range ?? { start: new Date(ctx.plan.start), end: new Date(ctx.plan.end) };
  const room = (await roomBookings.listRooms(c.unitId)).find((r) => r.id === args.roomId);
  const booking = await roomBookings.book({
    unitId: c.unitId,
    roomId: args.roomId,
    range,
    meetingCaseId: c.id,
    bookedBy: args.onBehalfOf ?? args.actorId,
  });
  let rev: number;
  try {
    ({ rev } = await engine.send({
      caseId: c.id,
      actorId: args.actorId,
      commandId: args.commandId ?? globalThis.crypto.randomUUID(),
      ...(args.onBehalfOf !== undefined && { onBehalfOf: args.onBehalfOf }),
      event: {
        type: 'BOOK_ROOM',
        bookingId: booking.id,
        roomId: booking.roomId,
        ...(room && { roomName: room.name }),
        start: booking.start.toISOString(),
        end: booking.end.toISOString(),
      },
    }));
  } catch (e) {
    await roomBookings.cancel(booking.id, new Date());
    throw e;
  }
  await releaseMeetingRooms({ engine, roomBookings, caseId: c.id });
  return { booking, rev };
}

/**
 * Releases the bookings a meeting case no longer holds: those it replaced, and its current
 * one once the meeting was rejected or cancelled. Idempotent; call it after REJECT or CANCEL
 * (bookMeetingRoom calls it itself). Returns the ids it released now.
 */
export async function releaseMeetingRooms(args: {
  engine: WorkflowEngine;
  roomBookings: RoomBookings;
  caseId: string;
  at?: Date;
}): Promise<string[]> {
  const c = await args.engine.case(args.caseId);
  const ctx = (c.snapshot as { context: MeetingContext }).context;
  const ids = [...ctx.releasedBookings];
  if ((ctx.outcome === 'rejected' || ctx.outcome === 'cancelled') && ctx.booking)
    ids.push(ctx.booking.bookingId);
  const released: string[] = [];
  for (const id of ids) {
    if (await args.roomBookings.cancel(id, args.at ?? new Date())) released.push(id);
  }
  return released;
}
