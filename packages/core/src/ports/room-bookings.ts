import { GongwenError, ValidationFailed } from '../errors.ts';

/** A meeting room (会议室) of a unit. */
export interface Room {
  id: string;
  unitId: string;
  /** What people see, e.g. 第一会议室. */
  name: string;
  /** Seats. */
  capacity: number;
  /** Equipment, e.g. 投影仪, 视频会议, 话筒. */
  equipment: string[];
  /** Where it is, e.g. 主楼三楼. */
  location: string | null;
  /** Inactive rooms are listed for history but cannot be booked. */
  active: boolean;
}

/** A half-open time range [start, end). */
export interface TimeRange {
  start: Date;
  end: Date;
}

/** One booking of a room for a meeting case. */
export interface RoomBooking {
  id: string;
  unitId: string;
  roomId: string;
  start: Date;
  end: Date;
  /** The meeting case (会议办件) the room is held for. */
  meetingCaseId: string;
  bookedBy: string;
  createdAt: Date;
  /** When the booking was released, or null while it holds the room. */
  cancelledAt: Date | null;
}

/** What `book` needs. */
export interface BookingRequest {
  unitId: string;
  roomId: string;
  range: TimeRange;
  meetingCaseId: string;
  bookedBy: string;
}

/**
 * Port for meeting rooms and their bookings. An implementation guarantees that two active
 * bookings of one room never overlap, also when many `book` calls race.
 */
export interface RoomBookings {
  /** Inserts or replaces a room (administration). */
  putRoom(room: Room): Promise<void>;
  /** Rooms of a unit ordered by name (code points); filters: seats at least `minCapacity`, all of `equipment`, active only. */
  listRooms(
    unitId: string,
    filter?: { minCapacity?: number; equipment?: readonly string[]; activeOnly?: boolean },
  ): Promise<Room[]>;
  /** Books a room; throws RoomBookingConflict when it is taken, NotFound for an unknown room, ValidationFailed for a bad range or an inactive room. */
  book(request: BookingRequest): Promise<RoomBooking>;
  /** Releases a booking (kept for history); false when it was unknown or already released. */
  cancel(bookingId: string, at: Date): Promise<boolean>;
  /** A booking by id (also released ones), or null. */
  getBooking(bookingId: string): Promise<RoomBooking | null>;
  /** Active bookings of a unit's rooms (or one room) overlapping `range`, by start time. */
  calendar(unitId: string, range: TimeRange, roomId?: string): Promise<RoomBooking[]>;
}

/** The room is already booked for an overlapping time (会议室已被占用). */
export class RoomBookingConflict extends GongwenError {
  /** The active booking that holds the room, when known. */
  readonly conflictingBookingId: string | null;
  constructor(
    room: Pick<Room, 'id' | 'name'>,
    range: TimeRange,
    conflicting: Pick<RoomBooking, 'id' | 'start' | 'end'> | null,
  ) {
    const held = conflicting ?? range;
    super(
      'VERSION_CONFLICT',
      `会议室“${room.name}”在${formatRange(held)}已被预订，请另选时间或会议室`,
      {
        reason: 'ROOM_TAKEN',
        roomId: room.id,
        requested: { start: range.start.toISOString(), end: range.end.toISOString() },
        conflictingBookingId: conflicting?.id ?? null,
      },
    );
    this.conflictingBookingId = conflicting?.id ?? null;
  }
}

/** True when `e` is a room conflict (also across duplicated module copies). */
export function isRoomBookingConflict(e: unknown): e is RoomBookingConflict {
  return (
    e instanceof RoomBookingConflict ||
    (e instanceof Error &&
      (e as { details?: { reason?: unknown } }).details?.reason === 'ROOM_TAKEN')
  );
}

/** Throws ValidationFailed unless `range` is a real, non-empty range. */
export function assertRange(range: TimeRange): void {
  const s = range.start.getTime();
  const e = range.end.getTime();
  if (Number.isNaN(s) || Number.isNaN(e)) throw new ValidationFailed('会议时间无效');
  if (e <= s) throw new ValidationFailed('会议结束时间须晚于开始时间');
}

/** Whether two half-open ranges overlap. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** 2026年12月1日 09:00—11:00 in China Standard Time. */
export function formatRange(range: TimeRange): string {
  const f = (d: Date) => {
    const t = new Date(d.getTime() + 8 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return {
      day: `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`,
      time: `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`,
    };
  };
  const a = f(range.start);
  const b = f(range.end);
  return a.day === b.day ? `${a.day} ${a.time}—${b.time}` : `${a.day} ${a.time}—${b.day} ${b.time}`;
}
