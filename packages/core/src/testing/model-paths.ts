import { getShortestPaths } from '@xstate/graph';
import { expect } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { isGongwenError } from '../errors.ts';
import type { CaseRecord } from '../ports/store.ts';
import type { EventMeta } from '../workflow/definition.ts';

/** A machine event as a path test sends it: the payload and who sends it (`meta.actorId`). */
export type PathEvent = { type: string; meta: EventMeta };

/** What a model-based path test drives: the machine and an engine running its workflow. */
export interface ModelPathsArgs<E extends PathEvent> {
  machine: AnyStateMachine;
  /** The machine's input (the validated start payload plus `meta`). */
  input: unknown;
  /** Every step by the right and by wrong people. */
  events: readonly E[];
  /** The state as the test tells states apart (finite, or the walk never ends). */
  serialize(snapshot: AnyMachineSnapshot): string;
  /** Starts a case for path number `i` and returns its id. */
  start(i: number): Promise<string>;
  send(caseId: string, actorId: string, event: Omit<E, 'meta'>): Promise<unknown>;
  engine: {
    case(caseId: string): Promise<CaseRecord>;
    verifyLedger(caseId: string): Promise<{ ok: boolean }>;
  };
}

/** The shortest path to every state the events reach (`@xstate/graph`). */
export function modelPaths<E extends PathEvent>(args: ModelPathsArgs<E>) {
  return getShortestPaths(args.machine, {
    input: args.input,
    events: [...args.events] as never,
    serializeState: (s) => args.serialize(s as AnyMachineSnapshot) as never,
  });
}

function unchanged(before: AnyMachineSnapshot, after: AnyMachineSnapshot): boolean {
  return (
    after === before ||
    (after.value === before.value &&
      after.context === before.context &&
      after.status === before.status)
  );
}

/**
 * Runs every path of `modelPaths` through the engine, checking after each step that the case
 * stands where the machine says; at each path's end, every event the machine would ignore
 * must be refused by the engine (NOT_PERMITTED or INVALID_EVENT) without touching the case.
 * Returns how many refusals it checked.
 */
export async function runModelPaths<E extends PathEvent>(args: ModelPathsArgs<E>): Promise<number> {
  const { machine, serialize } = args;
  const read = async (caseId: string) =>
    machine.resolveState((await args.engine.case(caseId)).snapshot as never) as AnyMachineSnapshot;
  let refusals = 0;
  for (const [i, path] of modelPaths(args).entries()) {
    const caseId = await args.start(i);
    let snapshot = await read(caseId);
    for (const step of path.steps.slice(1)) {
      const { meta, ...event } = step.event as unknown as E;
      await args.send(caseId, meta.actorId, event);
      snapshot = await read(caseId);
      expect(serialize(snapshot), `path to ${serialize(path.state)}`).toBe(
        serialize(step.state as AnyMachineSnapshot),
      );
    }
    const before = await args.engine.case(caseId);
    for (const e of args.events) {
      const [next] = transition(machine, snapshot, e as never);
      if (!unchanged(snapshot, next as AnyMachineSnapshot)) continue;
      const { meta, ...event } = e;
      const outcome = await args.send(caseId, meta.actorId, event).then(
        () => 'accepted',
        (err: unknown) => (isGongwenError(err) ? err.code : String(err)),
      );
      expect(['NOT_PERMITTED', 'INVALID_EVENT'], `${e.type} by ${meta.actorId}`).toContain(outcome);
      refusals++;
    }
    expect((await args.engine.case(caseId)).rev).toBe(before.rev);
    expect((await args.engine.verifyLedger(caseId)).ok).toBe(true);
  }
  return refusals;
}
