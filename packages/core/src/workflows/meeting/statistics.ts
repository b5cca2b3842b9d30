import type { Store } from '../../ports/store.ts';
import { meetingAttendanceSheet } from './attendance.ts';
import type { MeetingContext } from './context.ts';
import { listMeetingCases } from './supervision.ts';

/** 会议统计 of a unit over a period. */
export interface MeetingStatistics {
  /** Meetings by month of their planned start (China Standard Time), e.g. `2026-12`. */
  perMonth: Array<{ month: string; meetings: number; held: number }>;
  /** Meetings per 会议类型. */
  byType: Record<string, number>;
  /** Cases per state (preparing, approving, notified, … closed, rejected, cancelled). */
  byState: Record<string, number>;
  /** Over held meetings: people present ÷ people expected (null when none was held). */
  attendanceRate: number | null;
  resolutions: {
    total: number;
    open: number;
    overdue: number;
    completed: number;
    completedLate: number;
  };
}

const month = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * 会议统计 for meetings whose planned start lies in [from, to): meetings per month and type,
 * the attendance rate of held meetings, and their resolutions (open, overdue at `now`, completed).
 */
export async function meetingStatistics(args: {
  store: Store;
  unitId: string;
  from: Date;
  to: Date;
  now: Date;
}): Promise<MeetingStatistics> {
  const perMonth = new Map<string, { meetings: number; held: number }>();
  const byType: Record<string, number> = {};
  const byState: Record<string, number> = {};
  let expected = 0;
  let present = 0;
  let heldAny = false;
  const res = { total: 0, open: 0, overdue: 0, completed: 0, completedLate: 0 };
  for (const c of await listMeetingCases(args.store, args.unitId)) {
    const ctx = (c.snapshot as { context: MeetingContext }).context;
    const start = Date.parse(ctx.plan.start);
    if (start < args.from.getTime() || start >= args.to.getTime()) continue;
    const m = perMonth.get(month(ctx.plan.start)) ?? { meetings: 0, held: 0 };
    m.meetings++;
    if (ctx.heldAt !== null) {
      m.held++;
      heldAny = true;
      const sheet = meetingAttendanceSheet(c);
      expected += sheet.expected;
      present += sheet.present;
    }
    perMonth.set(month(ctx.plan.start), m);
    byType[ctx.plan.type] = (byType[ctx.plan.type] ?? 0) + 1;
    byState[c.state] = (byState[c.state] ?? 0) + 1;
    for (const r of ctx.resolutions) {
      res.total++;
      if (r.status === 'completed') {
        res.completed++;
        if (r.completedAt && Date.parse(r.completedAt) > Date.parse(r.deadlineAt))
          res.completedLate++;
      } else if (Date.parse(r.deadlineAt) < args.now.getTime()) res.overdue++;
      else res.open++;
    }
  }
  return {
    perMonth: [...perMonth.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([m, v]) => ({ month: m, ...v })),
    byType,
    byState,
    attendanceRate: heldAny ? (expected === 0 ? 0 : present / expected) : null,
    resolutions: res,
  };
}
