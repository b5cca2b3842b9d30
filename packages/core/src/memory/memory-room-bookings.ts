import { NotFound, ValidationFailed } from '../errors.ts';
import {
  assertRange,
  type Room,
  type RoomBooking,
  RoomBookingConflict,
  type RoomBookings,
  rangesOverlap,
  type TimeRange,
} from '../ports/room-bookings.ts';

/** Code-point order, like the database's C collation. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const copyRoom = (r: Room): Room => ({ ...r, equipment: [...r.equipment] });
const copyBooking = (b: RoomBooking): RoomBooking => ({
  ...b,
  start: new Date(b.start),
  end: new Date(b.end),
  createdAt: new Date(b.createdAt),
  cancelledAt: b.cancelledAt ? new Date(b.cancelledAt) : null,
});

/**
 * Rooms and bookings in memory (tests, single-process embeddings). The overlap check and the
 * insert run in one synchronous step, so racing `book` calls cannot both take a room.
 */
export function createMemoryRoomBookings(
  options: { ids?: () => string; clock?: () => Date } = {},
): RoomBookings {
  const newId = options.ids ?? (() => globalThis.crypto.randomUUID());
  const now = options.clock ?? (() => new Date());
  const rooms = new Map<string, Room>();
  const bookings = new Map<string, RoomBooking>();
  const roomKey = (unitId: string, id: string) => `${unitId}\u0000${id}`;

  return {
    async putRoom(room) {
      if (!Number.isInteger(room.capacity) || room.capacity < 1)
        throw new ValidationFailed('会议室座位数须为正整数');
      rooms.set(roomKey(room.unitId, room.id), copyRoom(room));
    },

    async listRooms(unitId, filter = {}) {
      return [...rooms.values()]
        .filter(
          (r) =>
            r.unitId === unitId &&
            (!filter.activeOnly || r.active) &&
            r.capacity >= (filter.minCapacity ?? 0) &&
            (filter.equipment ?? []).every((e) => r.equipment.includes(e)),
        )
        .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id))
        .map(copyRoom);
    },

    async book(request) {
      assertRange(request.range);
      const room = rooms.get(roomKey(request.unitId, request.roomId));
      if (!room) throw new NotFound('会议室不存在', { roomId: request.roomId });
      if (!room.active) throw new ValidationFailed(`会议室“${room.name}”已停用`);
      // No await between the check and the insert: atomic on the event loop.
      const taken = [...bookings.values()].find(
        (b) =>
          b.unitId === request.unitId &&
          b.roomId === request.roomId &&
          b.cancelledAt === null &&
          rangesOverlap(b, request.range),
      );
      if (taken) throw new RoomBookingConflict(room, request.range, taken);
      const booking: RoomBooking = {
        id: newId(),
        unitId: request.unitId,
        roomId: request.roomId,
        start: new Date(request.range.start),
        end: new Date(request.range.end),
        meetingCaseId: request.meetingCaseId,
        bookedBy: request.bookedBy,
        createdAt: now(),
        cancelledAt: null,
      };
      bookings.set(booking.id, booking);
      return copyBooking(booking);
    },

    async cancel(bookingId, at) {
      const b = bookings.get(bookingId);
      if (!b || b.cancelledAt !== null) return false;
      b.cancelledAt = new Date(at);
      return true;
    },

    async getBooking(bookingId) {
      const b = bookings.get(bookingId);
      return b ? copyBooking(b) : null;
    },

    async calendar(unitId: string, range: TimeRange, roomId?: string) {
      assertRange(range);
      return [...bookings.values()]
        .filter(
          (b) =>
            b.unitId === unitId &&
            b.cancelledAt === null &&
            (roomId === undefined || b.roomId === roomId) &&
            rangesOverlap(b, range),
        )
        .sort((a, b) => a.start.getTime() - b.start.getTime() || cmp(a.roomId, b.roomId))
        .map(copyBooking);
    },
  };
}
