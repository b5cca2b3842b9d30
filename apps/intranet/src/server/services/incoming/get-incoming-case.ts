import * as core from '@gongwen/core';
import { INCOMING_STATE_LABELS, type IncomingContext, type Registration } from '@gongwen/core';
import { INCOMING_EVENTS } from '@gongwen/core/events';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type ActionsSpec, caseActions } from '~/server/services/cases/case-actions';
import { currentSteps, openCaseTasks } from '~/server/services/cases/current-steps';
import { loadNames } from '~/server/services/cases/names';
import { INCOMING_CASE, loadIncomingAccess } from './access';

/** The name each core schema is exported under (`ZProposal` …), so a page can pick its form. */
const SCHEMA_NAMES = new Map<unknown, string>();
for (const [name, value] of Object.entries(core))
  if (name.startsWith('Z') && !SCHEMA_NAMES.has(value)) SCHEMA_NAMES.set(value, name);

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

/** How 收文 offers its actions: 催办 has a button of its own; deputies act for their principals. */
const INCOMING_ACTIONS: ActionsSpec<keyof typeof INCOMING_EVENTS, IncomingContext> = {
  events: INCOMING_EVENTS,
  aside: ['REMIND'],
  forPrincipals: true,
  departmentOfTask,
  withdrawable: (ctx, principal) =>
    ctx.handling.filter((d) => d.withdrawable?.by === principal).map((d) => d.id),
};

/**
 * A 收文 case as its page shows it to `user`: header, attachments, current state and steps,
 * and the actions this user may take now (`engine.can`) with their schema names. Refuses
 * users with no part in the case (see `loadIncomingAccess`).
 */
export async function getIncomingCase(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const { caseRecord, ctx } = access;
  const names = await loadNames(app, caseRecord.unitId);
  const now = app.clock.now();
  const { actions, other } = await caseActions(app, user, access, names, INCOMING_ACTIONS);
  const r: Registration = ctx.registration;
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
    ...currentSteps(access, user, names, now),
    actions: actions.map((a) => ({
      ...a,
      schemaName: SCHEMA_NAMES.get(INCOMING_EVENTS[a.type].schema) ?? '',
    })),
    canRemind: other.has('REMIND'),
  };
}

/** Records 签收时间 of the user's open tasks of the case (the first opening counts). */
export function openIncomingTasks(app: AppServices, user: SessionUser, caseId: string) {
  return openCaseTasks(app, user, caseId, INCOMING_CASE);
}
