import type { AnyMachineSnapshot } from 'xstate';
import { type Delegation, delegationCovers, type User } from '../directory/model.ts';
import { NotPermitted } from '../errors.ts';
import type { CaseRecord } from '../ports/store.ts';
import type { WorkflowDefinition } from '../workflow/definition.ts';
import { factsOf } from './context.ts';
import { handledEventTypes } from './machine-effects.ts';
import { resolveAssignees } from './resolve-assignees.ts';
import type { AvailableEvent, EngineContext } from './types.ts';

/** Whom an actor acts for, and through which open tasks. */
export interface Authorization {
  onBehalfOf: string | null;
  /** Keys of the open tasks through which the acting principal may send the event. */
  taskKeys: string[];
}

/**
 * Who may send `eventType` now: the candidates of open tasks listing it, plus the event's
 * `by` rule. The actor acts in their own right when a candidate, else for a candidate who
 * delegated the workflow to them now (`wantedPrincipal` picks one); otherwise NotPermitted.
 */
export async function authorize(
  ctx: EngineContext,
  args: {
    def: WorkflowDefinition;
    caseRecord: CaseRecord;
    snapshot: AnyMachineSnapshot;
    actor: User;
    eventType: string;
    wantedPrincipal: string | undefined;
    now: Date;
    /** The actor's delegations in force at `now`, when already read (one read for many events). */
    delegations?: () => Promise<Delegation[]>;
  },
): Promise<Authorization> {
  const { def, caseRecord, actor, eventType, wantedPrincipal, now } = args;
  const candidates = new Set(
    caseRecord.assignments.filter((a) => a.events.includes(eventType)).flatMap((a) => a.candidates),
  );
  const spec = def.events[eventType];
  const facts = factsOf(caseRecord);
  if (spec?.by) {
    const rule = spec.by({ context: args.snapshot.context, facts });
    if (rule)
      for (const id of await resolveAssignees(rule, facts, ctx.directory)) candidates.add(id);
  }
  const through = (principal: string) =>
    caseRecord.assignments
      .filter((a) => a.events.includes(eventType) && a.candidates.includes(principal))
      .map((a) => a.key);
  if (wantedPrincipal === undefined && candidates.has(actor.id)) {
    return { onBehalfOf: null, taskKeys: through(actor.id) };
  }
  if (wantedPrincipal !== undefined && wantedPrincipal === actor.id) {
    if (candidates.has(actor.id)) return { onBehalfOf: null, taskKeys: through(actor.id) };
    throw new NotPermitted('您不是当前环节的办理人', { event: eventType });
  }
  const inForce = await (args.delegations?.() ?? ctx.directory.delegationsOfDeputy(actor.id, now));
  const delegations = inForce.filter(
    (d) =>
      d.unitId === caseRecord.unitId &&
      delegationCovers(d, now, def.name) &&
      candidates.has(d.principalId),
  );
  const chosen =
    wantedPrincipal === undefined
      ? delegations[0]
      : delegations.find((d) => d.principalId === wantedPrincipal);
  if (chosen) return { onBehalfOf: chosen.principalId, taskKeys: through(chosen.principalId) };
  throw new NotPermitted(
    wantedPrincipal === undefined ? '您不是当前环节的办理人' : '您没有代理该用户办理此事项的授权',
    { event: eventType },
  );
}

/**
 * The events `actor` may send to an active case now, with their payload schemas. The actor's
 * delegations are read at most once (`delegations` when the caller has them already).
 */
export async function availableEvents(
  ctx: EngineContext,
  args: {
    def: WorkflowDefinition;
    caseRecord: CaseRecord;
    actor: User;
    now: Date;
    delegations?: () => Promise<Delegation[]>;
  },
): Promise<AvailableEvent[]> {
  const { def, caseRecord, actor, now } = args;
  if (caseRecord.status !== 'active') return [];
  const snapshot = def.machine.resolveState(caseRecord.snapshot as never);
  const handled = handledEventTypes(snapshot);
  const delegations =
    args.delegations ?? once(() => ctx.directory.delegationsOfDeputy(actor.id, now));
  const out: AvailableEvent[] = [];
  for (const [type, spec] of Object.entries(def.events)) {
    if (!handled.has(type) || !acceptsWithoutPayload(snapshot, type, actor.id, caseRecord.id, now))
      continue;
    try {
      const { onBehalfOf } = await authorize(ctx, {
        def,
        caseRecord,
        snapshot,
        actor,
        eventType: type,
        wantedPrincipal: undefined,
        now,
        delegations,
      });
      out.push({ type, title: spec.title, schema: spec.schema, onBehalfOf });
    } catch (e) {
      if (!(e instanceof NotPermitted)) throw e;
    }
  }
  return out;
}

/**
 * Whether the machine would take the event in its current state, judged by guards over the
 * case's own context (guards should not read the payload: the zod schema checks that).
 */
function acceptsWithoutPayload(
  snapshot: AnyMachineSnapshot,
  type: string,
  actorId: string,
  caseId: string,
  now: Date,
): boolean {
  try {
    return snapshot.can({
      type,
      meta: { actorId, onBehalfOf: null, at: now.toISOString(), caseId },
    });
  } catch {
    return false;
  }
}

/** A loader that runs `load` on the first call and returns its promise ever after. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
