import type { WorkingCalendar } from '@gongwen/core';
import type { Random } from './random';

// What the 收文 plan produces (and the 发文 plan shares: PlannedStep), and the tools its parts
// use to write a case's steps.

/** Where a demo 收文 case is left when the seed ends. */
export type IncomingTarget =
  | 'registering'
  | 'proposing'
  | 'reviewing'
  | 'instructing'
  | 'processing'
  | 'completed'
  | 'archived';

/** One event of a planned case, sent at `at` by `actorId` (for `onBehalfOf` under a delegation). */
export interface PlannedStep {
  at: Date;
  actorId: string;
  onBehalfOf?: string;
  event: { type: string; [key: string]: unknown };
}

/** A demo 收文 case: its registration and every event sent to it, in time order. */
export interface IncomingCasePlan {
  caseId: string;
  title: string;
  registrar: string;
  receivedAt: Date;
  /** The start payload (签收登记) as first registered. */
  input: Record<string, unknown>;
  steps: PlannedStep[];
  target: IncomingTarget;
  /** The flattened machine state the case is in after the last step. */
  expectedState: string;
  /** 办理时限 in force after the last step (ISO), null before 拟办. */
  deadlineAt: string | null;
  supervise: boolean;
  /** Something was sent back (退回/退回重办) or taken back (撤回) along the way. */
  returned: boolean;
  /** A deputy acted for someone (代理). */
  delegated: boolean;
}

/** Options of `planIncomingCases`. */
export interface IncomingPlanOptions {
  /** The end of the seeded period; every step happens before it. */
  now: Date;
  calendar: WorkingCalendar;
  /** How many cases (default 270). */
  count?: number;
  /** How many days back the first cases arrive (default 120). */
  days?: number;
  /** PRNG seed (default 20261125). */
  seed?: number;
}

/** A case being planned: its steps so far and what happened on the way. */
export interface CaseBuild {
  steps: PlannedStep[];
  returned: boolean;
  delegated: boolean;
}

/** Who acts: the principal, or their deputy (`onBehalfOf`) under a delegation. */
export type Actor = Pick<PlannedStep, 'actorId' | 'onBehalfOf'>;

/** What the parts of the 收文 plan write steps with (one generator, one clock, one case). */
export interface StepTools {
  r: Random;
  /** `t` plus a random number of working minutes in [min, max], to the second. */
  add(t: number, min: number, max: number): number;
  push(b: CaseBuild, at: number, who: Actor, event: PlannedStep['event']): void;
  /** The principal, or their deputy when a delegation covers `t` (marks `b` delegated). */
  actorFor(principal: string, t: number, b: CaseBuild): Actor;
  /** Deputies of `principal` whose delegation overlaps [from, to]. */
  deputiesDuring(principal: string, from: number, to: number): string[];
}
