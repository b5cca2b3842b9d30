import {
  type Clock,
  createChineseCalendar,
  createStoreDirectory,
  createWorkflowEngine,
  type Delegation,
  type ManualClock,
  manualClock,
  type RoomBookings,
  type Store,
  type WorkflowEngine,
  type WorkingCalendar,
} from '@gongwen/core';
import { type DemoAccount, demoAccounts } from './accounts';
import { type IncomingCasePlan, planIncomingCases } from './incoming-plan';
import { meetingReportSeeder } from './meeting-report-seeder';
import { DEMO_ORG, DEMO_UNIT_ID, type DemoOrg, demoDelegations, loadDemoOrg } from './org';
import { outgoingSeeder } from './outgoing-plan';
import { createRandom, type Random } from './random';
import { workTime } from './work-time';

export { DEMO_PASSWORD } from './accounts';

const DAY = 86_400_000;

/** The ports a seed action runs on: the seeding engine and the app's 会议室 bookings. */
export interface SeedPorts {
  engine: WorkflowEngine;
  roomBookings: RoomBookings;
}

/** One thing a seeder does at a moment of the seeded past, through the seeding engine. */
export interface SeedAction {
  at: Date;
  /** What it is, for error messages (e.g. 收文《…》 PROPOSE by zhaoli). */
  label: string;
  run(ports: SeedPorts): Promise<unknown>;
}

/** What a seeder gets to plan with. */
export interface DemoSeederContext {
  /** The end of the seeded period (the app's clock when seeding started). */
  now: Date;
  /** The start of the seeded period. */
  from: Date;
  calendar: WorkingCalendar;
  /** A generator seeded from the seeder's name: adding a seeder changes no other's data. */
  random: Random;
  org: DemoOrg;
  delegations: Delegation[];
}

/** A seeder's plan: its actions (any order; they are run in time order with everyone else's). */
export interface DemoSeedPlan {
  /** How many cases the actions start. */
  cases: number;
  actions: SeedAction[];
}

/**
 * Seeds one kind of demo data. Seeders only plan: `seedDemo` merges every seeder's actions by
 * time, moves a manual clock through them and fires due timers (催办, deadlines) in between, so
 * all workflows share one consistent past. 发文 seeding is one more entry in DEMO_SEEDERS.
 */
export interface DemoSeeder {
  name: string;
  plan(ctx: DemoSeederContext): DemoSeedPlan;
}

const commandId = (caseId: string, n: number) => `demo:${caseId}:${n}`;

/** The context `seedDemo` gives the seeder `name` (exported so that tests can rebuild a plan). */
export function demoSeederContext(
  name: string,
  now: Date,
  calendar: WorkingCalendar,
  days = 120,
): DemoSeederContext {
  return {
    now,
    from: new Date(now.getTime() - days * DAY),
    calendar,
    random: createRandom(hashName(name)),
    org: DEMO_ORG,
    delegations: demoDelegations(now),
  };
}

/** The 收文 cases the 收文 seeder plays in a context. */
export function planDemoIncoming(
  ctx: DemoSeederContext,
  options: { count?: number } = {},
): IncomingCasePlan[] {
  return planIncomingCases({
    now: ctx.now,
    calendar: ctx.calendar,
    days: Math.round((ctx.now.getTime() - ctx.from.getTime()) / DAY),
    seed: ctx.random.int(1, 2 ** 31 - 1),
    ...(options.count !== undefined && { count: options.count }),
  });
}

/** The 收文 seeder: a few hundred cases in every state of the 收文 machine. */
export function incomingSeeder(options: { count?: number } = {}): DemoSeeder {
  return {
    name: 'incoming',
    plan(ctx) {
      const plans = planDemoIncoming(ctx, options);
      const actions: SeedAction[] = [];
      for (const p of plans) {
        actions.push({
          at: p.receivedAt,
          label: `收文《${p.title}》签收登记 by ${p.registrar}`,
          run: ({ engine }) =>
            engine.start({
              workflow: 'incoming',
              actorId: p.registrar,
              commandId: commandId(p.caseId, 0),
              caseId: p.caseId,
              input: p.input,
            }),
        });
        p.steps.forEach((s, i) => {
          actions.push({
            at: s.at,
            label: `收文《${p.title}》${s.event.type} by ${s.actorId}`,
            run: ({ engine }) =>
              engine.send({
                caseId: p.caseId,
                actorId: s.actorId,
                commandId: commandId(p.caseId, i + 1),
                event: s.event,
                ...(s.onBehalfOf !== undefined && { onBehalfOf: s.onBehalfOf }),
              }),
          });
        });
      }
      return { cases: plans.length, actions };
    },
  };
}

/** The seeders `seedDemo` runs, in this order for actions at the same instant. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  incomingSeeder(),
  meetingReportSeeder(),
  outgoingSeeder(),
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

/** A 32-bit FNV-1a hash of a seeder's name, its PRNG seed. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(name, 'utf8')) {
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
