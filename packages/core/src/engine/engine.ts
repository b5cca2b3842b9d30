import { NotFound } from '../errors.ts';
import type { LedgerVerification } from '../ledger/chain.ts';
import type { Notifier } from '../ports/notifier.ts';
import type {
  CaseRecord,
  DoneItem,
  InboxItem,
  LedgerRecord,
  Page,
  TaskRecord,
} from '../ports/store.ts';
import { availableEvents } from './authorize.ts';
import type {
  DoneOptions,
  InboxOptions,
  ReassignCommand,
  SendCommand,
  StartCommand,
} from './commands.ts';
import { activeUser, engineContext } from './context.ts';
import {
  deliverNotifications,
  type NotificationWorkerOptions,
  startNotificationWorker,
} from './outbox.ts';
import type { BackgroundWorker } from './poll-loop.ts';
import * as queries from './queries.ts';
import { reassignTask } from './reassign.ts';
import { sendEvent } from './send.ts';
import { startCase } from './start.ts';
import {
  type DueTimerOptions,
  runDueTimers,
  startTimerWorker,
  type TimerWorkerOptions,
} from './timers.ts';
import type {
  AvailableEvent,
  TimerRunResult,
  TimerWorker,
  TransitionResult,
  WorkflowEngineOptions,
} from './types.ts';
import { type CaseView, viewCase } from './view.ts';

export { TIMER_ACTOR } from '../workflow/machine-helpers.ts';
export type {
  AvailableEvent,
  TimerRunResult,
  TimerWorker,
  TransitionResult,
  WorkflowEngineOptions,
} from './types.ts';
export type { CaseView } from './view.ts';

/**
 * Creates the workflow engine: the whole embedder API. Each command runs as one store
 * transaction; the XState machines stay pure and the engine owns all effects. The rooms:
 * `step.ts` (the one way a step becomes a write) with `apply-step.ts`, `start.ts`, `send.ts`,
 * `reassign.ts` and `timers.ts` driving it; `authorize.ts`; `outbox.ts`; `queries.ts` and
 * `view.ts` for reads.
 */
export function createWorkflowEngine(options: WorkflowEngineOptions) {
  const ctx = engineContext(options);
  const { store } = ctx;
  return {
    /** The definitions this engine runs. */
    registry: ctx.registry,

    /** Starts a case of a workflow as `actorId`; idempotent per `commandId`. */
    start: (command: StartCommand): Promise<TransitionResult> => startCase(ctx, command),

    /** Sends an event to a case as `actorId`; one transaction, idempotent per `commandId`. */
    send: (command: SendCommand): Promise<TransitionResult> => sendEvent(ctx, command),

    /** The events `actorId` may send to the case now, with their payload schemas. */
    async can(args: { caseId: string; actorId: string }): Promise<AvailableEvent[]> {
      const actor = await activeUser(ctx, args.actorId);
      const caseRecord = await store.getCase(args.caseId);
      if (!caseRecord || caseRecord.unitId !== actor.unitId)
        throw new NotFound('办件不存在', { caseId: args.caseId });
      const def = ctx.registry.get(caseRecord.workflow, caseRecord.workflowVersion);
      return availableEvents(ctx, { def, caseRecord, actor, now: ctx.clock.now() });
    },

    /**
     * One call for a case page: the case, the ledger entries and open tasks `actorId` may see
     * (the workflow's `visibility` rule) and the events they may send now with their schemas.
     */
    view: (caseId: string, actorId: string): Promise<CaseView> => viewCase(ctx, caseId, actorId),

    /** Open tasks (待办) of the actor and of the principals they deputise for. */
    inbox: (options: InboxOptions): Promise<Page<InboxItem>> => queries.inbox(ctx, options),

    /** Cases the actor has acted on (已办), most recent first. */
    done: (options: DoneOptions): Promise<Page<DoneItem>> => queries.done(ctx, options),

    /** A case; with `actorId`, only when the actor belongs to the case's unit. */
    case: (caseId: string, opts: { actorId?: string } = {}): Promise<CaseRecord> =>
      queries.getCase(ctx, caseId, opts),

    /** Every task of a case, open and closed (for 流程统计). */
    tasks: (caseId: string): Promise<TaskRecord[]> => store.listTasks(caseId),

    /**
     * Hands an open task to other people (e.g. a department head changed while the step was
     * waiting). The machine's state is unchanged; the ledger records who, whom and why.
     */
    reassign: (command: ReassignCommand): Promise<TransitionResult> => reassignTask(ctx, command),

    /** Records that an assignee opened their task (签收时间: the first time counts). */
    openTask: (args: { caseId: string; taskId: string; actorId: string }): Promise<void> =>
      queries.openTask(ctx, args),

    /** The ledger (流程台帐) of a case in order. */
    ledger: (caseId: string): Promise<LedgerRecord[]> => store.listLedger(caseId),

    /** Recomputes the case's hash chain and reports any edit, deletion or reordering. */
    verifyLedger: (caseId: string): Promise<LedgerVerification> =>
      queries.verifyLedger(ctx, caseId),

    /** Fires the timers due at `now` (default: the clock) once each; safe to run in many workers. */
    runDueTimers: (opts: DueTimerOptions = {}): Promise<TimerRunResult> => runDueTimers(ctx, opts),

    /** Polls for due timers until stopped. */
    startTimerWorker: (opts: TimerWorkerOptions = {}): TimerWorker => startTimerWorker(ctx, opts),

    /** Delivers outbox notifications through `notifier` until stopped. */
    startNotificationWorker: (opts: NotificationWorkerOptions): BackgroundWorker =>
      startNotificationWorker(ctx, opts),

    /** Delivers pending notifications through a `Notifier`; returns how many were sent. */
    deliverNotifications: (
      notifier: Notifier,
      opts: { limit?: number; workerId?: string } = {},
    ): Promise<number> => deliverNotifications(ctx, notifier, opts),
  };
}

/** The engine object `createWorkflowEngine` returns. */
export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;
