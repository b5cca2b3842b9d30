import { type MeetingStatistics, meetingStatistics } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { assertCanSeeStatistics } from '~/server/services/statistics/statistics-access';

/** 会议统计 of the user's unit over [from, to): per month, attendance rate, resolutions. */
export async function getMeetingStatistics(
  app: AppServices,
  user: SessionUser,
  period: { from: Date; to: Date },
): Promise<MeetingStatistics> {
  assertCanSeeStatistics(user);
  return meetingStatistics({
    store: app.store,
    unitId: user.unitId,
    from: period.from,
    to: period.to,
    now: app.clock.now(),
  });
}
