import {
  type Clock,
  createChineseCalendar,
  createStoreDirectory,
  createWorkflowEngine,
  type ManualClock,
  manualClock,
  type RoomBookings,
  type Store,
  type WorkflowEngine,
  type WorkingCalendar,
} from '@gongwen/core';
import { type DemoAccount, demoAccounts } from './accounts';
import { incomingSeeder } from './incoming-seeder';
import { meetingReportSeeder } from './meeting-report-seeder';
import { monthlyReportSeeder } from './monthly-report-seeder';
import { DEMO_UNIT_ID, loadDemoOrg } from './org';
import { outgoingSeeder } from './outgoing-seeder';
import { type DemoSeeder, demoSeederContext, type SeedAction } from './seeder';
import { workTime } from './work-time';

const DAY = 86_400_000;

/** The seeders `seedDemo` runs, in this order for actions at the same instant. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  incomingSeeder(),
  meetingReportSeeder(),
  outgoingSeeder(),
  monthlyReportSeeder(),
];

/** What `seedDemo` needs of the app. */
export interface SeedDemoApp {
  store: Store;
  /** The app's engine: its workflow definitions are used for seeding too. */
  engine: WorkflowEngine;
  /** The app's 会议室 bookings (the 会议 definitions check BOOK_ROOM against them). */
  roomBookings: RoomBookings;
  /** "Now": the seeded past ends here. */
  clock: Clock;
  calendar?: WorkingCalendar;
}

/** Options of `seedDemo`. */
export interface SeedDemoOptions {
  /** Default DEMO_SEEDERS. */
  seeders?: readonly DemoSeeder[];
  /** How far back the seeded past starts (default 120 days). */
  days?: number;
}

/** The result of `seedDemo`: the logins to create (the app hashes the passwords) and the case count. */
export interface SeedDemoResult {
  accounts: DemoAccount[];
  cases: number;
  /** True when the unit already had cases, so only the organisation was (re)written. */
  skipped: boolean;
}

/**
 * Loads the demo organisation (示例县人民政府, 城关镇人民政府, delegations) into the store's
 * directory and, when the demo unit has no cases yet, plays every seeder's actions through a
 * seeding engine over the same store whose manual clock walks the last `days` days up to the
 * app's now: real users, real transitions, real timers; nothing is written around the engine.
 * Run it before the app's timer worker starts, so that no timer fires out of order.
 */
export async function seedDemo(
  app: SeedDemoApp,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const now = app.clock.now();
  const calendar = app.calendar ?? createChineseCalendar();
  await loadDemoOrg(app.store.directory, now);
  const accounts = demoAccounts();
  const existing = await app.store.listCases({ unitId: DEMO_UNIT_ID, limit: 1, offset: 0 });
  if (existing.total > 0) return { accounts, cases: 0, skipped: true };

  const days = options.days ?? 120;
  const from = new Date(now.getTime() - days * DAY);
  const seeders = options.seeders ?? DEMO_SEEDERS;
  const actions: Array<SeedAction & { order: number }> = [];
  let cases = 0;
  for (const seeder of seeders) {
    const plan = seeder.plan(demoSeederContext(seeder.name, now, calendar, days));
    cases += plan.cases;
    for (const a of plan.actions) {
      if (!(a.at.getTime() < now.getTime()) || a.at.getTime() < from.getTime() - DAY) {
        throw new RangeError(`seeder ${seeder.name} planned ${a.label} outside the seeded period`);
      }
      actions.push({ ...a, order: actions.length });
    }
  }
  actions.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order);

  const clock = manualClock(from);
  const engine = createWorkflowEngine({
    store: app.store,
    directory: createStoreDirectory(app.store.directory),
    clock,
    calendar,
    workflows: app.engine.registry.all(),
    // The organisation does not change while seeding.
    userCacheMs: 10 * 60_000,
  });
  // Deadlines and 催办 fall due at the end of a working day: look for due timers once per day,
  // before that day's first action (a timer due at once, e.g. a review after the deadline, fires
  // the next day then).
  const midnight = workTime(calendar).midnight;
  let checkedDay = Number.NEGATIVE_INFINITY;
  for (const action of actions) {
    const day = midnight(action.at.getTime());
    if (day > checkedDay) {
      await fireTimers(app.store, engine, clock, action.at);
      checkedDay = day;
    }
    clock.set(action.at);
    try {
      await action.run({ engine, roomBookings: app.roomBookings });
    } catch (e) {
      throw new Error(`demo seed failed at ${action.at.toISOString()}: ${action.label}`, {
        cause: e,
      });
    }
  }
  await fireTimers(app.store, engine, clock, now);
  return { accounts, cases, skipped: false };
}

/**
 * Fires every timer due up to `until`, each at its own due time (or at the clock, if the clock
 * is already past it, so that time never runs backwards).
 */
async function fireTimers(
  store: Store,
  engine: WorkflowEngine,
  clock: ManualClock,
  until: Date,
): Promise<void> {
  for (;;) {
    const due = await store.nextTimerDue(until);
    if (due === null || due > until) return;
    if (due > clock.now()) clock.set(due);
    let failure: unknown = null;
    const run = await engine.runDueTimers({
      now: clock.now(),
      workerId: 'demo-seed',
      onError: (e) => {
        failure ??= e;
      },
    });
    if (run.failed > 0) {
      throw new Error(`demo seed: a timer failed at ${clock.now().toISOString()}`, {
        cause: failure,
      });
    }
    if (run.claimed === 0) return;
  }
}
