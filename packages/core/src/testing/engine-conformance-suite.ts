import { expect } from 'vitest';
import type { ManualClock } from '../clock.ts';
import type { TransitionResult, WorkflowEngine } from '../engine/engine.ts';
import { GongwenError } from '../errors.ts';
import type { Notification } from '../ports/notifier.ts';
import type { CaseRecord, LedgerRecord, Store, TaskRecord, TimerRecord } from '../ports/store.ts';

let n = 0;
/** A fresh command id. */
export const cmd = () => `cmd-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;

/** Expects `p` to fail with a GongwenError of `code`. */
export async function expectCode(p: Promise<unknown>, code: GongwenError['code']): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  // Compare strings only: a foreign error may hold a whole database handle.
  expect(e instanceof GongwenError ? e.code : `not a GongwenError: ${String(e)}`).toBe(code);
}

/** What the engine conformance tests share: the clock, the store and engine, and helpers. */
export interface EngineSuite {
  clock: ManualClock;
  /** The store and engine, once the suite's `beforeAll` made them. */
  get(): { store: Store; engine: WorkflowEngine };
  /** Starts an approval case as sun, with these approvers. */
  start(approvers?: string[], extra?: Record<string, unknown>): Promise<TransitionResult>;
  /** What the store holds of a case. */
  snapshotOf(caseId: string): Promise<{
    case: CaseRecord | null;
    ledger: LedgerRecord[];
    tasks: TaskRecord[];
    timers: TimerRecord[];
  }>;
  /** Delivers every pending notification and returns those of a case. */
  noticesOf(caseId: string): Promise<Notification[]>;
}
