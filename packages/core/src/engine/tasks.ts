import type { AnyMachineSnapshot } from 'xstate';
import { ValidationFailed } from '../errors.ts';
import type { Assignment, TaskRecord } from '../ports/store.ts';
import type { CaseFacts, DueSpec, WorkflowDefinition } from '../workflow/definition.ts';
import { resolveAssignees } from './resolve-assignees.ts';
import type { EngineContext } from './types.ts';

/** The open tasks after a step: all of them, the newly opened ones, and the closed ones. */
export interface TaskPlan {
  assignments: Assignment[];
  opened: Assignment[];
  closed: Assignment[];
}

/**
 * Works out the tasks a snapshot asks for against the open ones: a key still present keeps
 * its assignment as it is, a missing key closes, a new key opens with its assignees resolved.
 */
export async function planTasks(
  ctx: EngineContext,
  def: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  facts: CaseFacts,
  previous: readonly Assignment[],
  now: Date,
): Promise<TaskPlan> {
  const specs = snapshot.status === 'active' ? def.tasks({ snapshot, facts }) : [];
  const before = new Map(previous.map((a) => [a.key, a]));
  const assignments: Assignment[] = [];
  const opened: Assignment[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.key))
      throw new TypeError(`workflow ${def.name}: duplicate task key ${spec.key}`);
    seen.add(spec.key);
    const kept = before.get(spec.key);
    if (kept) {
      assignments.push(kept);
      continue;
    }
    const candidates = await resolveAssignees(spec.assignees, facts, ctx.directory);
    if (candidates.length === 0) {
      throw new ValidationFailed(`环节“${spec.label}”没有可指派的办理人`, {
        task: spec.key,
        assignees: spec.assignees,
      });
    }
    const a: Assignment = {
      key: spec.key,
      kind: spec.kind,
      label: spec.label,
      events: [...spec.events],
      candidates,
      dueAt: dueDate(ctx, spec.due, now),
    };
    assignments.push(a);
    opened.push(a);
  }
  const closed = previous.filter((a) => !seen.has(a.key));
  return { assignments, opened, closed };
}

/** The task rows of newly opened assignments. */
export function taskRows(
  ctx: EngineContext,
  workflow: string,
  caseId: string,
  unitId: string,
  opened: readonly Assignment[],
  now: Date,
): TaskRecord[] {
  return opened.map(
    (a): TaskRecord => ({
      id: ctx.newId(),
      unitId,
      caseId,
      workflow,
      key: a.key,
      kind: a.kind,
      label: a.label,
      events: a.events,
      candidates: a.candidates,
      createdAt: now,
      dueAt: a.dueAt,
      openedAt: null,
      doneAt: null,
      doneBy: null,
      doneOnBehalfOf: null,
      doneEvent: null,
    }),
  );
}

function dueDate(ctx: EngineContext, spec: DueSpec | undefined, now: Date): Date | null {
  if (spec === undefined) return null;
  if (spec instanceof Date) return spec;
  if (typeof spec === 'string') return checkDate(new Date(spec));
  const from = spec.from === undefined ? now : checkDate(new Date(spec.from));
  return ctx.calendar.addWorkingDays(from, spec.workingDays);
}

function checkDate(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new ValidationFailed('无效的日期');
  return d;
}
