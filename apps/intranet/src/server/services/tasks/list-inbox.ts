import type { TaskRecord } from '@gongwen/core';
import type { z } from 'zod';
import type { ZInboxFilter } from '~/lib/schemas/tasks';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf, titleOrDocNumber } from './case-lists';

/** One line of the 待办 list. */
export interface InboxLine {
  task: Pick<
    TaskRecord,
    'id' | 'caseId' | 'workflow' | 'key' | 'kind' | 'label' | 'createdAt' | 'dueAt' | 'openedAt'
  >;
  caseTitle: string;
  caseState: string;
  caseFields: Record<string, unknown>;
  /** Whose task it is: the user, or the principal they deputise for (代理). */
  principalId: string;
  principalName: string | null;
  overdue: boolean;
  /** 催办: the task is a reminder, or a reminder of it is open (and shown as this one line). */
  reminded: boolean;
}

/** The principals whose tasks a user sees: themself and whom they deputise for now. */
export async function principalsOf(
  app: AppServices,
  user: SessionUser,
): Promise<Array<{ id: string; workflows: string[] | null }>> {
  const delegations = await app.directory.delegationsOfDeputy(user.id, app.clock.now());
  return [
    { id: user.id, workflows: null },
    ...delegations
      .filter((d) => d.unitId === user.unitId)
      .map((d) => ({ id: d.principalId, workflows: d.workflows })),
  ];
}

/** The user's 待办 as the `CaseLists` port takes it: their principals, 催办 folded. */
async function ownerOf(app: AppServices, user: SessionUser) {
  return {
    unitId: user.unitId,
    actorId: user.id,
    principals: await principalsOf(app, user),
    foldReminders: true,
  };
}

/**
 * The 待办 list: open tasks of the user and of those they deputise for, filtered on the task
 * (workflow, kind, arrival period, overdue) and on the case's header fields (紧急程度, 密级,
 * title or 文号) by the `CaseLists` port. A 催办 twin of an open task is no line of its own:
 * that task's line carries the 催办 mark (`reminded`), so a reminded case shows once.
 */
export async function listInbox(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZInboxFilter>,
): Promise<{ items: InboxLine[]; total: number }> {
  const now = app.clock.now();
  const fields: Record<string, string> = {};
  if (f.urgency) fields.urgency = f.urgency;
  if (f.secrecy) fields.secrecy = f.secrecy;
  const page = await caseListsOf(app).inbox({
    ...(await ownerOf(app, user)),
    ...(f.workflow ? { workflow: f.workflow } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.overdue !== undefined ? { overdue: { is: f.overdue, now } } : {}),
    ...(f.period ? { period: f.period } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...titleOrDocNumber(f.search),
    sort: f.sort,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const others = [...new Set(page.items.map((i) => i.principalId))].filter((id) => id !== user.id);
  const names = new Map(
    (others.length > 0 ? await app.directory.getUsers(others) : []).map((u) => [u.id, u.name]),
  );
  return {
    total: page.total,
    items: page.items.map(({ task, ...line }) => ({
      task: {
        id: task.id,
        caseId: task.caseId,
        workflow: task.workflow,
        key: task.key,
        kind: task.kind,
        label: task.label,
        createdAt: task.createdAt,
        dueAt: task.dueAt,
        openedAt: task.openedAt,
      },
      caseTitle: line.caseTitle,
      caseState: line.caseState,
      caseFields: line.caseFields,
      principalId: line.principalId,
      principalName: line.principalId === user.id ? null : (names.get(line.principalId) ?? null),
      overdue: task.dueAt !== null && task.dueAt < now,
      reminded: line.reminded,
    })),
  };
}

/** Counts for the 首页: all open tasks, overdue, reminders (催办), due within a day, per workflow. */
export async function inboxCounts(
  app: AppServices,
  user: SessionUser,
): Promise<{
  total: number;
  overdue: number;
  remind: number;
  dueSoon: number;
  byWorkflow: Record<string, number>;
}> {
  const now = app.clock.now();
  const { reminded, ...counts } = await caseListsOf(app).inboxSummary({
    ...(await ownerOf(app, user)),
    now,
    dueSoonUntil: new Date(now.getTime() + 24 * 60 * 60 * 1000),
  });
  return { ...counts, remind: reminded };
}
