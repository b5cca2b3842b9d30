import { buildLedgerRecord, GENESIS_HASH } from '../ledger/chain.ts';
import type {
  Assignment,
  CaseRecord,
  CaseStatus,
  OutboxRecord,
  StoreTx,
  TaskRecord,
  TimerRecord,
  TransitionWrite,
} from '../ports/store.ts';
import type { MachineEffects } from './machine-effects.ts';
import type { TransitionResult } from './types.ts';

/** The case a step starts: what the first step needs besides the machine's state. */
export interface NewCase {
  id: string;
  unitId: string;
  workflow: string;
  workflowVersion: number;
  startedBy: string;
}

/** Everything one step (start, event, timer or 改派) decided, before it is turned into rows. */
export interface StepInput {
  /** The case before the step, or the case being started. */
  before: CaseRecord | NewCase;
  now: Date;
  /** The case row's state after the step (machine state, persisted snapshot, header). */
  next: {
    state: string;
    status: CaseStatus;
    snapshot: unknown;
    title: string;
    fields: Record<string, unknown>;
  };
  /** The open tasks after the step, the rows of the newly opened ones, and the closed ones. */
  tasks: { assignments: Assignment[]; opened: TaskRecord[]; closed: readonly Assignment[] };
  /** The ledger entry's facts. */
  entry: {
    actorId: string;
    onBehalfOf: string | null;
    event: string;
    opinion: string | null;
    fields: Record<string, unknown>;
  };
  /**
   * When set, closed tasks were taken away under this name (`$reassign`) rather than done by
   * the event: nobody is recorded as having done them.
   */
  closedAs?: string;
  /** Timers to schedule and cancel (from the machine's actions). */
  effects: Pick<MachineEffects, 'schedule' | 'cancel'>;
  /** Send ids to delete besides the cancelled ones (the timer that fired). */
  firedTimers?: readonly string[];
  outbox: OutboxRecord[];
  commandId: string | null;
}

/** A step as the store writes it, and what the command returns. */
export interface Step {
  write: TransitionWrite;
  /** The new case row when the step starts the case, else null. */
  created: CaseRecord | null;
  result: TransitionResult;
}

/** The case before the step, or null when the step starts it. */
const priorCase = (c: CaseRecord | NewCase): CaseRecord | null =>
  'rev' in c ? (c as CaseRecord) : null;

/**
 * The one way a step becomes a transition write: the next case row, the hash-chained ledger
 * entry, tasks closed and opened, timers, outbox and the command record. Pure: start, send,
 * timers and 改派 all come through here.
 */
export function computeStep(input: StepInput): Step {
  const { before, now, next, entry } = input;
  const prior = priorCase(before);
  const ledger = buildLedgerRecord({
    caseId: before.id,
    seq: prior ? prior.ledgerSeq + 1 : 1,
    unitId: before.unitId,
    at: now,
    ...entry,
    fromState: prior ? prior.state : null,
    toState: next.state,
    prevHash: prior ? prior.ledgerHead : GENESIS_HASH,
  });
  const updated = {
    rev: prior ? prior.rev + 1 : 1,
    ...next,
    updatedAt: now,
    ledgerSeq: ledger.seq,
    ledgerHead: ledger.hash,
    assignments: input.tasks.assignments,
  };
  const result: TransitionResult = {
    caseId: before.id,
    rev: updated.rev,
    state: updated.state,
    status: updated.status,
    ledgerSeq: updated.ledgerSeq,
    onBehalfOf: entry.onBehalfOf,
  };
  const done = next.status === 'done';
  const write: TransitionWrite = {
    caseId: before.id,
    expectedRev: prior ? prior.rev : 0,
    case: updated,
    ledger,
    closeTasks: input.tasks.closed.map((a) => closing(a, input)),
    closedAt: now,
    openTasks: input.tasks.opened,
    deleteTimers: done
      ? ['*']
      : [...new Set([...input.effects.cancel, ...(input.firedTimers ?? [])])],
    scheduleTimers: done ? [] : timerRows(before, input.effects.schedule, now),
    outbox: input.outbox,
    command: input.commandId === null ? null : { id: input.commandId, caseId: before.id, result },
  };
  const created: CaseRecord | null = prior ? null : { ...before, ...updated, createdAt: now };
  return { write, created, result };
}

/** Writes a computed step: the first one creates the case, later ones apply to it. */
export function writeStep(tx: StoreTx, step: Step): Promise<void> {
  const { write, created } = step;
  if (!created) return tx.applyTransition(write);
  return tx.createCase({
    case: created,
    ledger: write.ledger,
    openTasks: write.openTasks,
    scheduleTimers: write.scheduleTimers,
    outbox: write.outbox,
    command: write.command,
  });
}

/** How a closed task is recorded: done by the actor when their event was one of its events. */
function closing(a: Assignment, input: StepInput): TransitionWrite['closeTasks'][number] {
  const { actorId, onBehalfOf, event } = input.entry;
  if (input.closedAs !== undefined) {
    return { key: a.key, doneBy: null, doneOnBehalfOf: null, doneEvent: input.closedAs };
  }
  const completes =
    a.events.includes(event) &&
    (a.candidates.includes(actorId) || (onBehalfOf !== null && a.candidates.includes(onBehalfOf)));
  return {
    key: a.key,
    doneBy: completes ? actorId : null,
    doneOnBehalfOf: completes ? onBehalfOf : null,
    doneEvent: completes ? event : null,
  };
}

function timerRows(
  c: { id: string; unitId: string },
  schedule: MachineEffects['schedule'],
  now: Date,
): TimerRecord[] {
  return [...schedule].map(([sendId, { delayMs, ...event }]) => ({
    caseId: c.id,
    sendId,
    unitId: c.unitId,
    dueAt: new Date(now.getTime() + delayMs),
    event,
  }));
}
