import { type CaseRecord, MEETING_WORKFLOW, NotPermitted } from '@gongwen/core';
import type { z } from 'zod';
import type { ZRoomCalendar, ZRoomInput } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf } from '~/server/services/tasks/case-lists';
import { meetingContextOf } from './access';

/** Who may manage rooms: administrators, the office director and the secretariat. */
export function canManageRooms(user: SessionUser): boolean {
  return user.roles.some((r) => r === 'admin' || r === 'officeDirector' || r === 'secretary');
}

/** The unit's rooms (all, or the active ones). */
export async function listRooms(app: AppServices, user: SessionUser, activeOnly = false) {
  const rooms = await app.roomBookings.listRooms(user.unitId, { activeOnly });
  return { rooms, canManage: canManageRooms(user) };
}

/** Adds or edits a room (会议室管理). */
export async function saveRoom(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZRoomInput>,
): Promise<void> {
  if (!canManageRooms(user))
    throw new NotPermitted('无权管理会议室：需要系统管理员、办公室主任或文秘');
  await app.roomBookings.putRoom({
    id: input.id,
    unitId: user.unitId,
    name: input.name,
    capacity: input.capacity,
    equipment: input.equipment,
    location: input.location || null,
    active: input.active,
  });
}

/**
 * The room calendar: active bookings of the unit's rooms (or one) overlapping [from, to), each
 * with its meeting's title (every colleague may see when a room is taken and by which meeting).
 */
export async function roomCalendar(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZRoomCalendar>,
) {
  const bookings = await app.roomBookings.calendar(
    user.unitId,
    { start: input.from, end: input.to },
    input.roomId,
  );
  const titles = new Map(
    (await meetingsById(app, user.unitId, [...new Set(bookings.map((b) => b.meetingCaseId))])).map(
      (c) => [c.id, meetingContextOf(c).plan.title],
    ),
  );
  return bookings.map((b) => ({
    id: b.id,
    roomId: b.roomId,
    start: b.start,
    end: b.end,
    meetingCaseId: b.meetingCaseId,
    meetingTitle: titles.get(b.meetingCaseId) ?? '会议',
    bookedBy: b.bookedBy,
  }));
}

/** The unit's 会议 cases among `ids`, read through the `CaseLists` port a page at a time. */
async function meetingsById(
  app: AppServices,
  unitId: string,
  ids: readonly string[],
): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const page = await caseListsOf(app).cases({
      unitId,
      workflow: MEETING_WORKFLOW,
      ids: ids.slice(i, i + 500),
      limit: 500,
    });
    out.push(...page.items);
  }
  return out;
}
