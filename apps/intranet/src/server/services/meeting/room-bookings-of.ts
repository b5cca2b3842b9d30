import type { RoomBookings, WorkflowDefinition, WorkflowEngine } from '@gongwen/core';

/**
 * The rooms port each 会议 definition was built with. The demo seeder runs its own engine over
 * the app's definitions and needs the same port to book rooms before BOOK_ROOM; keeping the
 * pairing here spares it a second wiring.
 */
const bound = new WeakMap<object, RoomBookings>();

/** Remembers the `RoomBookings` a 会议 definition checks BOOK_ROOM against; returns the definition. */
export function bindRoomBookings(def: unknown, roomBookings: RoomBookings): WorkflowDefinition {
  bound.set(def as object, roomBookings);
  return def as WorkflowDefinition;
}

/** The `RoomBookings` of the 会议 workflow an engine runs; throws when it has none. */
export function roomBookingsOf(engine: WorkflowEngine): RoomBookings {
  const rb = bound.get(engine.registry.get('meeting'));
  if (!rb) throw new Error('the meeting workflow was registered without a RoomBookings port');
  return rb;
}
