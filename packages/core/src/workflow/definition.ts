import type { AnyStateMachine, SnapshotFrom, StateValue } from 'xstate';
import type { z } from 'zod';
import type { Directory } from '../directory/directory.ts';
import type { TaskKind } from '../ports/store.ts';
import type { AssigneeRule } from './assignee-rule.ts';
import type { VisibilityRule } from './visibility.ts';

/** Who sent an event and when; the engine adds it to every event as `meta`. */
export interface EventMeta {
  /** The user who acted. */
  actorId: string;
  /** The principal the actor acted for under a delegation (代理), or null. */
  onBehalfOf: string | null;
  /** ISO time of the transition, from the injected clock. */
  at: string;
  /** The case id. */
  caseId: string;
  /**
   * Keys of the open tasks through which the actor (or the principal they act for) may send
   * this event; empty when only the event's `by` rule admitted them. Guards use it to pin a
   * step to its own task (e.g. the head of one department cannot act for another).
   */
  taskKeys?: string[];
  /** The number the engine allocated for this event, when the definition numbers it. */
  serial?: { scope: string; value: number };
}

/** Facts about the case a definition's functions may read besides the machine context. */
export interface CaseFacts {
  caseId: string;
  unitId: string;
  startedBy: string;
}

/** A deadline: an instant, or N working days from an instant (default: now). */
export type DueSpec = Date | string | { workingDays: number; from?: string | Date };

/** A task the current state asks for. The engine opens, keeps or closes task rows by `key`. */
export interface TaskSpec {
  /** Stable key within the case, e.g. `instruct:leader-2`. */
  key: string;
  kind: TaskKind;
  /** What the assignee sees, e.g. 批示. */
  label: string;
  assignees: AssigneeRule;
  /** Events that complete or advance this task. */
  events: readonly string[];
  due?: DueSpec;
}

/** One event a user can send, with its payload schema. */
export interface EventSpec<S extends z.ZodType = z.ZodType> {
  /** What the user sees on the button, e.g. 同意. */
  title: string;
  /** Payload schema (without `type` and `meta`). */
  schema: S;
  /**
   * Who may send the event when no open task names it (e.g. 撤回 by the last sender,
   * 催办 by the secretariat at any time). Without it, only task assignees may send it.
   */
  by?: (args: { context: unknown; facts: CaseFacts }) => AssigneeRule | null;
  /**
   * Checks that need the organisation, run inside the transition's transaction after
   * authorisation and before the machine; throw ValidationFailed or NotPermitted to refuse.
   */
  check?: (args: {
    payload: Record<string, unknown>;
    context: unknown;
    facts: CaseFacts;
    meta: EventMeta;
    directory: Directory;
  }) => Promise<void>;
}

/** How an event appears in the ledger. */
export interface LedgerProjection {
  /** The opinion text (意见) written with this event, if any. */
  opinion: string | null;
  /** Fields written with this event. */
  fields: Record<string, unknown>;
}

/** A workflow definition: a pure XState machine plus the rules the engine enforces around it. */
export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** Registry name, e.g. `incoming`. */
  name: string;
  /** Positive integer; running cases keep the version they started with. */
  version: number;
  /** Chinese title, e.g. 收文办理. */
  title: string;
  machine: TMachine;
  /** Schema of the start payload; the validated payload (plus `meta`) is the machine's input. */
  startSchema: z.ZodType;
  /** Who may start a case (default: any active user of the unit). */
  starters?: AssigneeRule;
  /**
   * Checks of the start payload that need the organisation (e.g. that the starter may act for
   * the department named in it), run after `startSchema` and before anything is written; throw
   * ValidationFailed or NotPermitted to refuse.
   */
  startCheck?: (args: {
    payload: Record<string, unknown>;
    facts: CaseFacts;
    meta: EventMeta;
    directory: Directory;
  }) => Promise<void>;
  /** Events users may send. Timer events (`after`, delayed `raise`) need no entry. */
  events: Record<string, EventSpec>;
  /** The tasks the given snapshot asks for. Pure. */
  tasks(args: { snapshot: SnapshotFrom<TMachine>; facts: CaseFacts }): TaskSpec[];
  /** The case title and header fields to store on the case row. Pure. */
  header(snapshot: SnapshotFrom<TMachine>): { title: string; fields: Record<string, unknown> };
  /** Ledger projection of an event (default: `opinion` field is the opinion, the rest are fields). */
  ledger?(event: { type: string; [key: string]: unknown }): LedgerProjection;
  /**
   * Gapless numbering (收文编号, 文号): for `start` or an event type, the sequence scope to take
   * the next number from (e.g. `收文:红头:2026`), or null for none. The engine allocates it in
   * the transition's own transaction and passes it to the machine as `meta.serial`.
   */
  numbering?: Record<
    string,
    (args: {
      payload: Record<string, unknown>;
      context: unknown;
      facts: CaseFacts;
      at: Date;
    }) => string | null
  >;
  /** Chinese labels of states for timelines, keyed by flattened state path. */
  stateLabels?: Record<string, string>;
  /**
   * Who sees what of a case (`engine.view`): which ledger entries and tasks, and the context
   * with what they may not read removed. Without it, every user of the unit sees all of it.
   */
  visibility?: VisibilityRule;
}

/** Checks a definition's shape and returns it typed; throws TypeError on mistakes. */
export function defineWorkflow<TMachine extends AnyStateMachine>(
  def: WorkflowDefinition<TMachine>,
): WorkflowDefinition<TMachine> {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(def.name)) {
    throw new TypeError(
      `workflow name must be lower-case kebab-case, got ${JSON.stringify(def.name)}`,
    );
  }
  if (!Number.isInteger(def.version) || def.version < 1) {
    throw new TypeError(`workflow ${def.name}: version must be a positive integer`);
  }
  for (const type of Object.keys(def.events)) {
    if (type.startsWith('xstate.')) {
      throw new TypeError(`workflow ${def.name}: event ${type} is reserved for XState`);
    }
  }
  return def;
}

/** The state value type, re-exported for definitions. */
export type { StateValue };
