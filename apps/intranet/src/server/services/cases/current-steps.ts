import type { TaskRecord } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import type { CaseKind } from './case-kind';
import { type CaseAccess, loadCase } from './load-case';
import type { Names } from './names';

/** The user's own open tasks of the case not yet opened (签收时间 is recorded when the page opens). */
function unopened(access: Pick<CaseAccess, 'tasks' | 'principals'>, user: SessionUser) {
  const mine = new Set([user.id, ...access.principals]);
  return access.tasks.filter(
    (t: TaskRecord) =>
      t.doneAt === null && t.openedAt === null && t.candidates.some((c) => mine.has(c)),
  );
}

/**
 * The steps waiting now (that this user may see), with who holds them, and the ids of this
 * user's own open tasks not yet opened.
 */
export function currentSteps(
  access: Pick<CaseAccess, 'tasks' | 'principals'>,
  user: SessionUser,
  names: Names,
  now: Date,
) {
  const mine = new Set([user.id, ...access.principals]);
  return {
    current: access.tasks
      .filter((t) => t.doneAt === null && t.kind !== 'remind')
      .map((t) => ({
        id: t.id,
        label: t.label,
        kind: t.kind,
        people: t.candidates.map(names.user),
        dueAt: t.dueAt,
        overdue: t.dueAt !== null && t.dueAt < now,
        mine: t.candidates.some((c) => mine.has(c)),
      })),
    unopenedTaskIds: unopened(access, user).map((t) => t.id),
  };
}

/** Records 签收时间 of the user's open tasks of the case (the first opening counts). */
export async function openCaseTasks(
  app: AppServices,
  user: SessionUser,
  caseId: string,
  kind: CaseKind,
): Promise<number> {
  const access = await loadCase(app, user, caseId, kind);
  const ids = unopened(access, user).map((t) => t.id);
  for (const taskId of ids) await app.engine.openTask({ caseId, taskId, actorId: user.id });
  return ids.length;
}
