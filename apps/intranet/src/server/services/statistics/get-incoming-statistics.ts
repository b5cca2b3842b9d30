import { type IncomingCounts, incomingStatistics } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { batchedStatisticsStore } from './batched-store';
import { monthsOf } from './months';
import { assertCanSeeStatistics } from './statistics-access';

/** Counts of one 承办 department, with its name. */
export type DepartmentCounts = IncomingCounts & { departmentId: string; name: string };

/** 收文统计 of a period: totals, per 承办 department, and per month (each with its departments). */
export interface IncomingStatisticsView {
  unit: IncomingCounts;
  departments: DepartmentCounts[];
  months: Array<{ month: string; unit: IncomingCounts; departments: DepartmentCounts[] }>;
}

interface Sum {
  received: number;
  handled: number;
  overdue: number;
  /** Σ (average × handled): the total working days over the handled ones */
  days: number;
}

const zero = (): Sum => ({ received: 0, handled: 0, overdue: 0, days: 0 });

function add(s: Sum, c: IncomingCounts): void {
  s.received += c.received;
  s.handled += c.handled;
  s.overdue += c.overdue;
  s.days += (c.averageWorkingDays ?? 0) * c.handled;
}

function countsOf(s: Sum): IncomingCounts {
  return {
    received: s.received,
    handled: s.handled,
    inProgress: s.received - s.handled,
    overdue: s.overdue,
    handlingRate: s.received === 0 ? 0 : s.handled / s.received,
    averageWorkingDays: s.handled === 0 ? null : s.days / s.handled,
  };
}

/**
 * 收文统计 (received, handled, in progress, overdue, 办文率, average handling time in working
 * days on the unit's calendar) for [from, to), per month and per 承办 department — each month
 * computed by the workflow's own `incomingStatistics`, the period's totals summed from them.
 */
export async function getIncomingStatistics(
  app: AppServices,
  user: SessionUser,
  period: { from: Date; to: Date },
): Promise<IncomingStatisticsView> {
  assertCanSeeStatistics(user);
  const now = app.clock.now();
  const departments = await app.directory.listDepartments(user.unitId);
  const name = new Map(departments.map((d) => [d.id, d.name]));
  const order = new Map(departments.map((d) => [d.id, d.sort]));
  // the directory's order (县政府办公室 before 县财政局 …), unknown ids last by id
  const byOrder = (a: string, b: string) =>
    (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b);
  const unit = zero();
  const perDept = new Map<string, Sum>();
  const months: IncomingStatisticsView['months'] = [];
  for (const m of monthsOf(period.from, period.to)) {
    const s = await incomingStatistics({
      store: batchedStatisticsStore(app),
      calendar: app.calendar,
      unitId: user.unitId,
      from: m.from,
      to: m.to,
      now,
    });
    add(unit, s.unit);
    for (const d of s.departments) {
      const sum = perDept.get(d.departmentId) ?? zero();
      perDept.set(d.departmentId, sum);
      add(sum, d);
    }
    months.push({
      month: m.month,
      unit: s.unit,
      departments: [...s.departments]
        .sort((a, b) => byOrder(a.departmentId, b.departmentId))
        .map((d) => ({ ...d, name: name.get(d.departmentId) ?? d.departmentId })),
    });
  }
  return {
    unit: countsOf(unit),
    departments: [...perDept.entries()]
      .sort(([a], [b]) => byOrder(a, b))
      .map(([departmentId, s]) => ({
        departmentId,
        name: name.get(departmentId) ?? departmentId,
        ...countsOf(s),
      })),
    months,
  };
}
