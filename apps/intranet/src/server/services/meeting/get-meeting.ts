import { MEETING_STATE_LABELS, meetingAttendanceSheet, nonRepliers } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { actionsNow } from '~/server/services/cases/case-actions';
import { loadCase } from '~/server/services/cases/load-case';
import { ledgerLines } from '~/server/services/cases/timeline';
import { MEETING_CASE } from './access';

/**
 * The meeting page: plan, agenda, booking, replies with the non-repliers, the 签到表, minutes,
 * resolutions, the flow (流程台帐) and the events this user may send now.
 */
export async function getMeeting(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadCase(app, user, caseId, MEETING_CASE);
  const { caseRecord: c, ctx } = access;
  const [actions, room] = await Promise.all([
    actionsNow(app, user, caseId),
    ctx.booking
      ? app.roomBookings
          .listRooms(user.unitId)
          .then((rooms) => rooms.find((r) => r.id === ctx.booking?.roomId) ?? null)
      : Promise.resolve(null),
  ]);
  const topicsById = new Map(ctx.topics.map((t) => [t.id, t]));
  return {
    id: c.id,
    rev: c.rev,
    state: c.state,
    status: c.status,
    stateLabel: MEETING_STATE_LABELS[c.state] ?? c.state,
    plan: ctx.plan,
    organiser: ctx.organiser,
    createdAt: ctx.createdAt,
    topics: ctx.topics,
    topicResponses: ctx.topicResponses,
    agenda: ctx.agenda ? ctx.agenda.flatMap((id) => topicsById.get(id) ?? []) : null,
    booking: ctx.booking,
    room: room ? { id: room.id, name: room.name, location: room.location } : null,
    approval: ctx.approval,
    returned: ctx.returned,
    invitees: ctx.invitees,
    replies: ctx.replies,
    nonRepliers: c.state === 'notified' ? nonRepliers(ctx) : [],
    replyReminders: ctx.replyReminders,
    attendance: meetingAttendanceSheet(c),
    heldAt: ctx.heldAt,
    minutes: ctx.minutes,
    minutesReturns: ctx.minutesReturns,
    minutesApproved: ctx.minutesApproved,
    resolutions: ctx.resolutions,
    archivedAt: ctx.archivedAt,
    archiveCode: ctx.archiveCode,
    outcome: ctx.outcome,
    endedReason: ctx.endedReason,
    timeline: ledgerLines(access.ledger),
    actions,
  };
}
