import type { TimerRecord } from '../ports/store.ts';
import { TIMER_ACTOR } from '../workflow/machine-helpers.ts';
import { applyEvent } from './apply-step.ts';
import { factsOf } from './context.ts';
import { type BackgroundWorker, pollLoop } from './poll-loop.ts';
import type { EngineContext, TimerRunResult } from './types.ts';

/** Options of one `runDueTimers` pass. */
export interface DueTimerOptions {
  now?: Date;
  limit?: number;
  workerId?: string;
  /** Told about each timer whose transition failed (it stays and is retried after the lease). */
  onError?: (error: unknown, timer?: TimerRecord) => void;
}

/** Options of `engine.startTimerWorker`. */
export interface TimerWorkerOptions {
  workerId?: string;
  pollMs?: number;
  batch?: number;
  /** Told about every pass that failed (e.g. the database is unreachable) or left timers failing. */
  onError?: (error: unknown) => void;
}

/**
 * Fires one claimed timer in its own transaction: lock the case, take the timer if this
 * worker still holds it, and apply its event as `TIMER_ACTOR`, deleting the timer in the
 * same step — so it fires exactly once.
 */
async function fireTimer(
  ctx: EngineContext,
  timer: TimerRecord,
  workerId: string,
): Promise<'fired' | 'discarded'> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const { caseRecord } = await tx.lockCase(timer.caseId, null);
    const taken = await tx.takeTimer(timer.caseId, timer.sendId, workerId);
    if (!taken || !caseRecord || caseRecord.status !== 'active') return 'discarded';
    const def = ctx.registry.get(caseRecord.workflow, caseRecord.workflowVersion);
    const result = await applyEvent(ctx, tx, {
      def,
      caseRecord,
      facts: factsOf(caseRecord),
      snapshot: def.machine.resolveState(caseRecord.snapshot as never),
      event: {
        ...taken.event,
        meta: {
          actorId: TIMER_ACTOR,
          onBehalfOf: null,
          at: now.toISOString(),
          caseId: caseRecord.id,
        },
      },
      onBehalfOf: null,
      commandId: null,
      firedTimers: [taken.sendId],
      now,
    });
    return result ? 'fired' : 'discarded';
  });
}

/** Fires the timers due at `now` (default: the clock) once each; safe to run in many workers. */
export async function runDueTimers(
  ctx: EngineContext,
  opts: DueTimerOptions = {},
): Promise<TimerRunResult> {
  const now = opts.now ?? ctx.clock.now();
  const workerId = opts.workerId ?? `worker-${ctx.newId()}`;
  const claimed = await ctx.store.claimDueTimers(
    now,
    opts.limit ?? 100,
    workerId,
    new Date(now.getTime() + ctx.leaseMs),
  );
  const out: TimerRunResult = { claimed: claimed.length, fired: 0, discarded: 0, failed: 0 };
  for (const timer of claimed) {
    try {
      out[await fireTimer(ctx, timer, workerId)]++;
    } catch (e) {
      // Left in place: the lease lapses and another pass retries it.
      out.failed++;
      opts.onError?.(e, timer);
    }
  }
  return out;
}

/** Polls for due timers until stopped. */
export function startTimerWorker(
  ctx: EngineContext,
  opts: TimerWorkerOptions = {},
): BackgroundWorker {
  const workerId = opts.workerId ?? `worker-${ctx.newId()}`;
  const pollMs = opts.pollMs ?? 250;
  // Small batches: a worker holds no more than it can fire soon, so others can help with a burst.
  const batch = opts.batch ?? 10;
  return pollLoop(
    async () => {
      const r = await runDueTimers(ctx, {
        workerId,
        limit: batch,
        ...(opts.onError ? { onError: opts.onError } : {}),
      });
      return { full: r.claimed === batch };
    },
    async () => {
      const next = await ctx.store.nextTimerDue(ctx.clock.now());
      return next
        ? Math.max(0, Math.min(pollMs, next.getTime() - ctx.clock.now().getTime()))
        : pollMs;
    },
    opts.onError,
  );
}
