import {
  type CaseRecord,
  isGongwenError,
  type LedgerRecord,
  NotFound,
  NotPermitted,
  type TaskRecord,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import type { CaseKind, VisibleCase } from './case-kind';
import { principalsOf } from './principals';

/** A case with what one user may see of it, by its workflow's visibility rule. */
export interface CaseAccess<Ctx = unknown> extends VisibleCase<Ctx> {
  caseRecord: CaseRecord;
  /** The whole ledger and every task (for computing, never to be shown as they are). */
  fullLedger: LedgerRecord[];
  fullTasks: TaskRecord[];
  /** The principals the user deputises for in this workflow now (代理). */
  principals: string[];
}

/**
 * The engine's read of one case as `user` opens it: the case (NotFound for another unit's),
 * its ledger and tasks. The one place the case path reads the engine — the place to switch
 * to a single `engine.view` call.
 */
async function readCase(app: AppServices, user: SessionUser, caseId: string, kind: CaseKind) {
  const caseRecord = await app.engine.case(caseId, { actorId: user.id }).catch((e: unknown) => {
    if (isGongwenError(e) && e.code === 'NOT_FOUND') throw new NotFound(kind.notFound, { caseId });
    throw e;
  });
  if (caseRecord.workflow !== kind.workflow || caseRecord.unitId !== user.unitId)
    throw new NotFound(kind.notFound, { caseId });
  const [ledger, tasks] = await Promise.all([app.engine.ledger(caseId), app.engine.tasks(caseId)]);
  return { caseRecord, ledger, tasks };
}

/**
 * Loads a case of `kind` with what `user` may see of it. Throws NotFound for an unknown case,
 * another unit's or another workflow's, and NotPermitted (无权访问) when the workflow's
 * visibility rule gives the user no part in it. Every case page, action and document of the
 * intranet reads its case through here.
 */
export async function loadCase<Ctx>(
  app: AppServices,
  user: SessionUser,
  caseId: string,
  kind: CaseKind<Ctx>,
): Promise<CaseAccess<Ctx>> {
  const [{ caseRecord, ledger, tasks }, principals] = await Promise.all([
    readCase(app, user, caseId, kind),
    principalsOf(app, user, kind.workflow),
  ]);
  const visible = await kind.visibility({ app, user, caseRecord, ledger, tasks, principals });
  if (!visible) throw new NotPermitted(kind.noPart, { caseId });
  return { caseRecord, ...visible, fullLedger: ledger, fullTasks: tasks, principals };
}
