import type { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Clock } from '../clock.ts';
import type { Directory } from '../directory/directory.ts';
import type { CaseRecord, Store } from '../ports/store.ts';
import type { AssigneeRule } from '../workflow/assignee-rule.ts';
import type { WorkflowDefinition } from '../workflow/definition.ts';
import type { WorkflowRegistry } from '../workflow/registry.ts';
import type { BackgroundWorker } from './poll-loop.ts';

/** Options of `createWorkflowEngine`. */
export interface WorkflowEngineOptions {
  store: Store;
  directory: Directory;
  workflows: readonly WorkflowDefinition[];
  clock?: Clock;
  calendar?: WorkingCalendar;
  /** Id generator for cases, tasks and outbox rows (default: random UUIDs). */
  ids?: () => string;
  /** How long a worker holds claimed timers and outbox rows before others may take them over (default 60 s). */
  leaseMs?: number;
  /**
   * How long user records read from the directory are reused (default 1000 ms; 0 = always
   * read). A deactivated user may act for up to this long; delegations are never cached.
   */
  userCacheMs?: number;
  /** Who may hand open tasks to other people with `reassign` (default: the unit's `admin` role holders). */
  reassigners?: AssigneeRule;
}

/** What a start or send returns (and what a retried command returns again). */
export interface TransitionResult {
  caseId: string;
  rev: number;
  state: string;
  status: CaseRecord['status'];
  ledgerSeq: number;
  /** The principal the actor acted for, or null. */
  onBehalfOf: string | null;
}

/** An event the actor may send now. */
export interface AvailableEvent {
  type: string;
  title: string;
  /** The payload schema (zod), for in-process validation and forms. */
  schema: z.ZodType;
  /** The principal the actor would act for, or null when acting in their own right. */
  onBehalfOf: string | null;
}

/** Outcome of one `runDueTimers` pass. */
export interface TimerRunResult {
  claimed: number;
  /** Timers whose event the case accepted (a ledger entry was written). */
  fired: number;
  /** Timers removed without effect (case finished, or state no longer accepts the event). */
  discarded: number;
  /** Timers left for a later pass (e.g. a transient error); their lease lapses and they are retried. */
  failed: number;
}

/** A running timer worker. */
export type TimerWorker = BackgroundWorker;

/** What every room of the engine works with: the ports and settings, resolved once. */
export interface EngineContext {
  store: Store;
  /** The directory, with user look-ups cached for `userCacheMs`. */
  directory: Directory;
  clock: Clock;
  calendar: WorkingCalendar;
  newId: () => string;
  registry: WorkflowRegistry;
  leaseMs: number;
  reassigners: AssigneeRule;
}
