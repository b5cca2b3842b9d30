import { createCaseLists } from '@gongwen/adapters';
import { MEETING_STATE_LABELS, MEETING_WORKFLOW } from '@gongwen/core';
import { z } from 'zod';
import { ZMeetingList } from '~/lib/schemas/meeting';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { meetingActorsOf, meetingContextOf, meetingListAccess } from './access';

/** The meeting list's input: the period, and a page of it by start time. */
export const ZMeetingListPage = ZMeetingList.extend({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  /** By start time, earliest (default) or latest first. */
  order: z.enum(['startAsc', 'startDesc']).default('startAsc'),
});

/** One line of the meeting list and the month calendar. */
export interface MeetingListLine {
  id: string;
  title: string;
  type: string;
  start: string;
  end: string;
  organiser: string;
  roomId: string | null;
  state: string;
  stateLabel: string;
  /** Whether the user (or whom they deputise for) has an open task in it (回执, 审批 …). */
  mine: boolean;
}

/**
 * A page of the meetings of the user's unit that the user may see (`canViewMeeting`, as the
 * `CaseLists` access predicate), optionally those planned to start in [from, to), by start
 * time, with the total and the cursor of the next page.
 */
export async function listMeetings(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMeetingListPage>,
): Promise<{ items: MeetingListLine[]; total: number; nextCursor: string | null }> {
  const [access, actors] = await Promise.all([
    meetingListAccess(app, user),
    meetingActorsOf(app, user),
  ]);
  const page = await createCaseLists(app.store.kysely).cases({
    unitId: user.unitId,
    workflow: MEETING_WORKFLOW,
    ...(access ? { access } : {}),
    ...(input.from || input.to
      ? {
          period: {
            ...(input.from ? { from: input.from } : {}),
            ...(input.to ? { to: input.to } : {}),
            of: { field: 'start' },
          },
        }
      : {}),
    sort: { by: { field: 'start', as: 'time' }, dir: input.order === 'startDesc' ? 'desc' : 'asc' },
    limit: input.limit,
    cursor: input.cursor ?? null,
  });
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((c) => {
      const ctx = meetingContextOf(c);
      return {
        id: c.id,
        title: ctx.plan.title,
        type: ctx.plan.type,
        start: ctx.plan.start,
        end: ctx.plan.end,
        organiser: ctx.organiser,
        roomId: ctx.booking?.roomId ?? null,
        state: c.state,
        stateLabel: MEETING_STATE_LABELS[c.state] ?? c.state,
        mine: c.assignments.some((a) => a.candidates.some((p) => actors.includes(p))),
      };
    }),
  };
}
