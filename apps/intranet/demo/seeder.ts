import type { Delegation, RoomBookings, WorkflowEngine, WorkingCalendar } from '@gongwen/core';
import { DEMO_ORG, type DemoOrg, demoDelegations } from './org';
import { createRandom, type Random } from './random';

// What every demo seeder plans with and returns; `seed-demo.ts` runs the plans.

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

/** A 32-bit FNV-1a hash of a seeder's name, its PRNG seed. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(name, 'utf8')) {
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
