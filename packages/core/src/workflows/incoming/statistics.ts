import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { CaseRecord, Store } from '../../ports/store.ts';
import { INCOMING_WORKFLOW } from './definition.ts';

/** Counts of one unit or department over a period. */
export interface IncomingCounts {
  /** 收文数 */
  received: number;
  /** 办结数 */
  handled: number;
  /** 在办数 */
  inProgress: number;
  /** 超期数: finished after the deadline, or still open past it */
  overdue: number;
  /** 办文率 = handled ÷ received (0 when nothing was received) */
  handlingRate: number;
  /** 平均办理时间 in working days, over the handled ones (null when none) */
  averageWorkingDays: number | null;
}

/** Statistics of 收文 for a period: the unit as a whole and each 承办 department. */
export interface IncomingStatistics {
  unit: IncomingCounts;
  departments: Array<IncomingCounts & { departmentId: string }>;
}

interface Tally {
  received: number;
  handled: number;
  overdue: number;
  days: number[];
}

function counts(t: Tally): IncomingCounts {
  return {
    received: t.received,
    handled: t.handled,
    inProgress: t.received - t.handled,
    overdue: t.overdue,
    handlingRate: t.received === 0 ? 0 : t.handled / t.received,
    averageWorkingDays:
      t.days.length === 0 ? null : t.days.reduce((a, b) => a + b, 0) / t.days.length,
  };
}

function date(v: unknown): Date | null {
  return typeof v === 'string' ? new Date(v) : null;
}

/**
 * 收文统计 for cases registered in [from, to): per unit and per 承办 department — received,
 * handled, in progress, overdue, 办文率 and average handling time in working days on the
 * unit's calendar. A department's time runs from when the case reached it to its confirmation.
 */
export async function incomingStatistics(args: {
  store: Store;
  calendar: WorkingCalendar;
  unitId: string;
  from: Date;
  to: Date;
  now: Date;
}): Promise<IncomingStatistics> {
  const { store, calendar, now } = args;
  const cases: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId: args.unitId,
      workflow: INCOMING_WORKFLOW,
      createdFrom: args.from,
      createdTo: args.to,
      limit: 200,
      offset,
    });
    cases.push(...page.items);
    if (page.items.length < 200) break;
  }
  const unit: Tally = { received: 0, handled: 0, overdue: 0, days: [] };
  const depts = new Map<string, Tally>();
  for (const c of cases) {
    const deadline = date(c.fields.deadline);
    const completedAt = date(c.fields.completedAt);
    unit.received++;
    if (completedAt) {
      unit.handled++;
      unit.days.push(calendar.workingDaysBetween(c.createdAt, completedAt));
    }
    if (deadline && (completedAt ?? now) > deadline) unit.overdue++;
    const lines = Array.isArray(c.fields.departments)
      ? (c.fields.departments as Array<{ id: string; confirmedAt: string | null }>)
      : [];
    if (lines.length === 0) continue;
    const tasks = await store.listTasks(c.id);
    for (const line of lines) {
      let t = depts.get(line.id);
      if (!t) {
        t = { received: 0, handled: 0, overdue: 0, days: [] };
        depts.set(line.id, t);
      }
      t.received++;
      const confirmedAt = date(line.confirmedAt);
      if (confirmedAt) {
        t.handled++;
        const arrived = tasks.find((k) => k.key.startsWith(`handle:${line.id}:`))?.createdAt;
        t.days.push(calendar.workingDaysBetween(arrived ?? c.createdAt, confirmedAt));
      }
      if (deadline && (confirmedAt ?? now) > deadline) t.overdue++;
    }
  }
  return {
    unit: counts(unit),
    departments: [...depts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([departmentId, t]) => ({ departmentId, ...counts(t) })),
  };
}
