import { INCOMING_STATE_LABELS, type IncomingContext, type Registration } from '@gongwen/core';
import {
  HANDWRITING_EVENTS,
  INCOMING_SCHEMA_NAMES,
  type IncomingEventType,
} from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadIncomingAccess } from './access';
import { loadNames } from './people';

/** An action the user may take now, with what its form needs. */
export interface IncomingActionOption {
  type: IncomingEventType;
  title: string;
  /** The core zod schema the payload is validated with (the form uses the same). */
  schemaName: string;
  /** The principal the user acts for (代理), or null. */
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  /** Departments the step may act in (department steps), from the user's own tasks. */
  departments: Array<{ id: string; name: string }>;
  /** Whether a handwritten annotation may go with the opinion. */
  handwriting: boolean;
}

/** The department a task key belongs to, for the principal who holds it. */
function departmentOfTask(key: string, principal: string): string | null {
  const base = key.replace(/^remind:\d+:/, '');
  const handle = /^handle:(.+):\d+:(assign|handle|confirm)$/.exec(base);
  if (handle) return handle[1]!;
  if (base.startsWith('circulate:')) return base.slice('circulate:'.length);
  const suffix = `:${principal}`;
  if (base.startsWith('read:') && base.endsWith(suffix))
    return base.slice('read:'.length, -suffix.length);
  return null;
}

/**
 * A 收文 case as its page shows it to `user`: header, attachments, current state and steps,
 * and the actions this user may take now (`engine.can`) with their schema names. Refuses
 * users with no part in the case (see `loadIncomingAccess`).
 */
export async function getIncomingCase(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const { caseRecord } = access;
  const ctx = (caseRecord.snapshot as { context: IncomingContext }).context;
  const names = await loadNames(app, caseRecord.unitId);
  const now = app.clock.now();
  // engine.can judges the machine's guards with the actor as the principal, so a deputy's
  // steps (代理) do not show up there: ask for each principal too and act on their behalf.
  const own = await app.engine.can({ caseId, actorId: user.id });
  const forPrincipals = await Promise.all(
    access.principals.map(async (p) =>
      (await app.engine.can({ caseId, actorId: p }).catch(() => []))
        .filter((a) => a.onBehalfOf === null)
        .map((a) => ({ ...a, onBehalfOf: p })),
    ),
  );
  const seen = new Set(own.map((a) => `${a.type}:${a.onBehalfOf ?? ''}`));
  const available = [
    ...own,
    ...forPrincipals.flat().filter((a) => !seen.has(`${a.type}:${a.onBehalfOf}`)),
  ];

  const actions: IncomingActionOption[] = [];
  let canRemind = false;
  for (const a of available) {
    const type = a.type as IncomingEventType;
    if (!(type in INCOMING_SCHEMA_NAMES)) continue;
    if (type === 'REMIND') {
      canRemind = true;
      continue;
    }
    const principal = a.onBehalfOf ?? user.id;
    let departments: string[] = [];
    if (type === 'WITHDRAW') {
      departments = ctx.handling.filter((d) => d.withdrawable?.by === principal).map((d) => d.id);
    } else {
      departments = caseRecord.assignments
        .filter((t) => t.events.includes(type) && t.candidates.includes(principal))
        .map((t) => departmentOfTask(t.key, principal))
        .filter((d): d is string => d !== null);
    }
    actions.push({
      type,
      title: a.title,
      schemaName: INCOMING_SCHEMA_NAMES[type],
      onBehalfOf: a.onBehalfOf,
      onBehalfOfName: a.onBehalfOf ? names.user(a.onBehalfOf) : null,
      departments: [...new Set(departments)].map((id) => ({ id, name: names.department(id) })),
      handwriting: HANDWRITING_EVENTS.includes(type),
    });
  }

  const r: Registration = ctx.registration;
  const openTasks = access.tasks.filter((t) => t.doneAt === null && t.kind !== 'remind');
  const mine = new Set([user.id, ...access.principals]);
  const deadline = ctx.proposal?.deadlineAt ? new Date(ctx.proposal.deadlineAt) : null;
  return {
    id: caseRecord.id,
    rev: caseRecord.rev,
    title: caseRecord.title,
    state: caseRecord.state,
    stateLabel: INCOMING_STATE_LABELS[caseRecord.state] ?? caseRecord.state,
    status: caseRecord.status,
    scope: access.scope,
    serialNo: ctx.serialNo,
    registration: r,
    registeredBy: names.user(ctx.registeredBy),
    registeredAt: new Date(ctx.registeredAt),
    attachments: r.attachments.map((a) => ({ blobId: a.blobId, name: a.name })),
    proposal: ctx.proposal
      ? {
          leaders: ctx.proposal.leaders.map(names.user),
          mainDepartment: ctx.proposal.mainDepartment
            ? names.department(ctx.proposal.mainDepartment)
            : null,
          assistDepartments: ctx.proposal.assistDepartments.map(names.department),
          circulateDepartments: ctx.proposal.circulateDepartments.map(names.department),
          supervise: ctx.proposal.supervise,
        }
      : null,
    deadline,
    overdue:
      deadline !== null &&
      caseRecord.status === 'active' &&
      ctx.completedAt === null &&
      deadline < now,
    reminderCount: ctx.reminders.length,
    completedAt: ctx.completedAt ? new Date(ctx.completedAt) : null,
    archivedAt: ctx.archivedAt ? new Date(ctx.archivedAt) : null,
    /** The steps waiting now (that this user may see), with who holds them. */
    current: openTasks.map((t) => ({
      id: t.id,
      label: t.label,
      kind: t.kind,
      people: t.candidates.map(names.user),
      dueAt: t.dueAt,
      overdue: t.dueAt !== null && t.dueAt < now,
      mine: t.candidates.some((c) => mine.has(c)),
    })),
    /** This user's own open tasks not yet opened (签收时间 is recorded when the page opens). */
    unopenedTaskIds: access.tasks
      .filter(
        (t) => t.doneAt === null && t.openedAt === null && t.candidates.some((c) => mine.has(c)),
      )
      .map((t) => t.id),
    actions,
    canRemind,
  };
}

/** Records 签收时间 of the user's open tasks of the case (the first opening counts). */
export async function openIncomingTasks(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<number> {
  const access = await loadIncomingAccess(app, user, caseId);
  const mine = new Set([user.id, ...access.principals]);
  const ids = access.tasks
    .filter(
      (t) => t.doneAt === null && t.openedAt === null && t.candidates.some((c) => mine.has(c)),
    )
    .map((t) => t.id);
  for (const taskId of ids) await app.engine.openTask({ caseId, taskId, actorId: user.id });
  return ids.length;
}
