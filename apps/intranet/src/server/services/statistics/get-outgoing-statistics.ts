import { type OutgoingCounts, outgoingStatistics } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { monthsOf } from './months';
import { assertCanSeeStatistics } from './statistics-access';

/** 发文统计 of a period: totals, per 文种, per 拟稿单位 (named), and per month. */
export interface OutgoingStatisticsView {
  unit: OutgoingCounts;
  docTypes: Array<OutgoingCounts & { docType: string }>;
  departments: Array<OutgoingCounts & { departmentId: string; name: string }>;
  months: Array<{ month: string; unit: OutgoingCounts }>;
}

/**
 * 发文统计 (drafted, signed, issued, rejected, cancelled, in progress, average cycle time from
 * 拟稿 to 盖章 in working days) for [from, to) by the workflow's own `outgoingStatistics`: per
 * 文种 and per 拟稿单位 over the period, and the unit's numbers per month.
 */
export async function getOutgoingStatistics(
  app: AppServices,
  user: SessionUser,
  period: { from: Date; to: Date },
): Promise<OutgoingStatisticsView> {
  assertCanSeeStatistics(user);
  const args = { store: app.store, calendar: app.calendar, unitId: user.unitId };
  const [total, departments] = await Promise.all([
    outgoingStatistics({ ...args, from: period.from, to: period.to }),
    app.directory.listDepartments(user.unitId),
  ]);
  const name = new Map(departments.map((d) => [d.id, d.name]));
  const months: OutgoingStatisticsView['months'] = [];
  for (const m of monthsOf(period.from, period.to)) {
    const s = await outgoingStatistics({ ...args, from: m.from, to: m.to });
    months.push({ month: m.month, unit: s.unit });
  }
  return {
    unit: total.unit,
    docTypes: total.docTypes,
    departments: total.departments.map((d) => ({
      ...d,
      name: name.get(d.departmentId) ?? d.departmentId,
    })),
    months,
  };
}
