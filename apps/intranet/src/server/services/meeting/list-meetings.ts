import { canViewMeeting, MEETING_STATE_LABELS } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app';
import { allMeetingCases, meetingContextOf, seesAllMeetings } from './access';

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
  /** Whether the user has an open task in it (回执, 审批 …). */
  mine: boolean;
}

/**
 * The meetings of the user's unit that the user may see (`canViewMeeting`), optionally those
 * planned to start in [from, to), by start time.
 */
export async function listMeetings(
  app: AppServices,
  user: SessionUser,
  range: { from?: Date | undefined; to?: Date | undefined },
): Promise<MeetingListLine[]> {
  const all = seesAllMeetings(user);
  const out: MeetingListLine[] = [];
  for (const c of await allMeetingCases(app.store, user.unitId)) {
    const ctx = meetingContextOf(c);
    const start = Date.parse(ctx.plan.start);
    if (range.from && start < range.from.getTime()) continue;
    if (range.to && start >= range.to.getTime()) continue;
    if (
      !all &&
      !(await canViewMeeting({ viewerId: user.id, caseRecord: c, directory: app.directory }))
    )
      continue;
    out.push({
      id: c.id,
      title: ctx.plan.title,
      type: ctx.plan.type,
      start: ctx.plan.start,
      end: ctx.plan.end,
      organiser: ctx.organiser,
      roomId: ctx.booking?.roomId ?? null,
      state: c.state,
      stateLabel: MEETING_STATE_LABELS[c.state] ?? c.state,
      mine: false,
    });
  }
  if (out.length > 0) {
    const inbox = await app.engine.inbox({ actorId: user.id, workflow: 'meeting', limit: 200 });
    const open = new Set(inbox.items.map((i) => i.task.caseId));
    for (const l of out) l.mine = open.has(l.id);
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
