import type { WorkingCalendar } from '@gongwen/core';
import type { PlannedStep } from './incoming-case-plan';

// What the 发文 plan produces.

/**
 * Where a demo 发文 case is left when the seed ends (the machine's state). The seed stops at
 * 成文 (`sealing`, 待盖章): 盖章 needs a PDF rendered and sealed with the unit's certificate
 * (`sealOutgoingDocument`), and 分发, 回执 and 归档 come after it. The seeding engine has no
 * renderer, sealer or blob store, and a SEAL pointing at a PDF that does not exist would be a
 * lie in the ledger, so no demo case is sealed.
 */
export type OutgoingTarget =
  | 'drafting'
  | 'checking'
  | 'countersigning'
  | 'consolidating'
  | 'rechecking'
  | 'signing'
  | 'finalizing'
  | 'sealing'
  | 'rejected'
  | 'cancelled';

/** A demo 发文 case: its 拟稿 and every event sent to it, in time order. */
export interface OutgoingCasePlan {
  caseId: string;
  title: string;
  drafter: string;
  draftedAt: Date;
  /** The start payload (拟稿). */
  input: Record<string, unknown>;
  steps: PlannedStep[];
  target: OutgoingTarget;
  /** The machine state the case is in after the last step (the target). */
  expectedState: OutgoingTarget;
  /** Things that happened along the way (退回, 撤回, 文号作废 …), for tests and the report. */
  features: string[];
}

/** Options of `planOutgoingCases`. */
export interface OutgoingPlanOptions {
  now: Date;
  calendar: WorkingCalendar;
  /** How many cases (default 120). */
  count?: number;
  /** How many days back the first drafts are written (default 120). */
  days?: number;
  /** PRNG seed (default 20261126). */
  seed?: number;
}
