import { type AnyMachineSnapshot, transition } from 'xstate';
import type { CaseRecord, StoreTx } from '../ports/store.ts';
import { stateToString } from '../util/state-value.ts';
import type {
  CaseFacts,
  EventMeta,
  LedgerProjection,
  WorkflowDefinition,
} from '../workflow/definition.ts';
import { collectEffects, type NotifyRequest } from './machine-effects.ts';
import { outboxRows } from './outbox.ts';
import { computeStep, type StepInput, writeStep } from './step.ts';
import { planTasks, type TaskPlan, taskRows } from './tasks.ts';
import type { EngineContext, TransitionResult } from './types.ts';

/** A machine event as the engine hands it over: payload, `type` and `meta`. */
export type EngineEvent = { type: string; meta: EventMeta; [key: string]: unknown };

/**
 * Commits one step: opens the planned tasks' rows, queues their notices and the machine's,
 * computes the write (`computeStep`) and hands it to the store. Every step goes through here.
 */
export async function commitStep(
  ctx: EngineContext,
  tx: StoreTx,
  input: Omit<StepInput, 'tasks' | 'outbox'> & { plan: TaskPlan; notify: readonly NotifyRequest[] },
): Promise<TransitionResult> {
  const { before, now, plan } = input;
  const opened = taskRows(ctx, before.workflow, before.id, before.unitId, plan.opened, now);
  const outbox = await outboxRows(
    ctx,
    { unitId: before.unitId, caseId: before.id, title: input.next.title },
    opened,
    input.notify,
    now,
  );
  const step = computeStep({
    ...input,
    tasks: { assignments: plan.assignments, opened, closed: plan.closed },
    outbox,
  });
  await writeStep(tx, step);
  return step.result;
}

/**
 * Commits the step a machine took: its tasks, header, ledger projection and effects. `actions`
 * are those `initialTransition` or `transition` returned with `next`.
 */
export async function commitMachineStep(
  ctx: EngineContext,
  tx: StoreTx,
  args: {
    def: WorkflowDefinition;
    before: StepInput['before'];
    facts: CaseFacts;
    next: AnyMachineSnapshot;
    actions: Parameters<typeof collectEffects>[0];
    event: EngineEvent;
    onBehalfOf: string | null;
    commandId: string | null;
    firedTimers?: readonly string[];
    now: Date;
  },
): Promise<TransitionResult> {
  const { def, before, next, event, now } = args;
  const previous = 'assignments' in before ? before.assignments : [];
  const plan = await planTasks(ctx, def, next, args.facts, previous, now);
  const effects = collectEffects(args.actions);
  const header = def.header(next);
  return commitStep(ctx, tx, {
    before,
    now,
    next: {
      state: stateToString(next.value),
      status: next.status === 'done' ? 'done' : 'active',
      snapshot: def.machine.getPersistedSnapshot(next),
      title: header.title,
      fields: header.fields,
    },
    plan,
    entry: {
      actorId: event.meta.actorId,
      onBehalfOf: args.onBehalfOf,
      event: event.type,
      ...projectLedger(def, event),
    },
    effects,
    notify: effects.notify,
    ...(args.firedTimers ? { firedTimers: args.firedTimers } : {}),
    commandId: args.commandId,
  });
}

/**
 * Sends an event to a locked case's machine and commits the step. Shared by user events and
 * timers. Returns null when the machine does not change (the event is not accepted).
 */
export async function applyEvent(
  ctx: EngineContext,
  tx: StoreTx,
  args: {
    def: WorkflowDefinition;
    caseRecord: CaseRecord;
    facts: CaseFacts;
    snapshot: AnyMachineSnapshot;
    event: EngineEvent;
    onBehalfOf: string | null;
    commandId: string | null;
    firedTimers?: readonly string[];
    now: Date;
  },
): Promise<TransitionResult | null> {
  const { snapshot } = args;
  const [next, actions] = transition(args.def.machine, snapshot, args.event);
  if (
    next === snapshot ||
    (next.value === snapshot.value &&
      next.context === snapshot.context &&
      next.status === snapshot.status)
  ) {
    return null;
  }
  return commitMachineStep(ctx, tx, { ...args, before: args.caseRecord, next, actions });
}

/** How an event appears in the ledger: the definition's projection, else `opinion` + the rest. */
function projectLedger(
  def: WorkflowDefinition,
  event: { type: string; [k: string]: unknown },
): LedgerProjection {
  const { type: _type, meta: _meta, ...payload } = event;
  if (def.ledger) return def.ledger(event);
  const { opinion, ...fields } = payload;
  return { opinion: typeof opinion === 'string' ? opinion : null, fields };
}
