import { type ReportStatistics, reportStatistics } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { assertCanSeeStatistics } from '~/server/services/statistics/statistics-access';

/** 报告审批统计 of the user's unit over [from, to): by status, by kind, average approval time. */
export async function getReportStatistics(
  app: AppServices,
  user: SessionUser,
  period: { from: Date; to: Date },
): Promise<ReportStatistics> {
  assertCanSeeStatistics(user);
  return reportStatistics({
    store: app.store,
    unitId: user.unitId,
    from: period.from,
    to: period.to,
  });
}
