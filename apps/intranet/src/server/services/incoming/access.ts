import {
  type CaseRecord,
  delegationCovers,
  INCOMING_WORKFLOW,
  type LedgerRecord,
  NotFound,
  NotPermitted,
  type TaskRecord,
  TIMER_ACTOR,
  visibleIncomingFlow,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** What one user may see of a 收文 case, by the workflow's own visibility rules. */
export interface IncomingAccess {
  caseRecord: CaseRecord;
  /** `all` for leaders, the office director and the secretariat; `downward` for everyone else with a part. */
  scope: 'all' | 'downward';
  /** The ledger entries the user may see (only downward for ordinary users). */
  ledger: LedgerRecord[];
  /** The tasks the user may see. */
  tasks: TaskRecord[];
  /** The whole ledger and every task (for computing, never to be shown as they are). */
  fullLedger: LedgerRecord[];
  fullTasks: TaskRecord[];
  /** The principals the user deputises for in 收文 now (代理). */
  principals: string[];
}

/** The refusal shown to a user with no part in a case. */
export const NO_PART_MESSAGE = '无权访问：您与该收文无关，不能查看';

/** The principals `user` may act for in 收文 right now (代理授权 in force). */
export async function incomingPrincipalsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  const now = app.clock.now();
  const delegations = await app.directory.delegationsOfDeputy(user.id, now);
  return [
    ...new Set(
      delegations
        .filter((d) => d.unitId === user.unitId && delegationCovers(d, now, INCOMING_WORKFLOW))
        .map((d) => d.principalId),
    ),
  ];
}

/**
 * Loads a 收文 case with what `user` may see of it (`visibleIncomingFlow`, for the user and for
 * every principal they deputise for). Throws NotFound for an unknown case, another unit's case
 * or another workflow's, and NotPermitted (无权访问) when the user has no part in it: nothing of
 * theirs or of anyone below them is in its ledger or tasks.
 */
export async function loadIncomingAccess(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<IncomingAccess> {
  const caseRecord = await app.engine.case(caseId, { actorId: user.id }).catch((e: unknown) => {
    if (e instanceof NotFound || (e as { code?: string }).code === 'NOT_FOUND')
      throw new NotFound('收文不存在或已被删除', { caseId });
    throw e;
  });
  if (caseRecord.workflow !== INCOMING_WORKFLOW)
    throw new NotFound('收文不存在或已被删除', { caseId });
  const [fullLedger, fullTasks, principals] = await Promise.all([
    app.engine.ledger(caseId),
    app.engine.tasks(caseId),
    incomingPrincipalsOf(app, user),
  ]);
  const views = await Promise.all(
    [user.id, ...principals].map((viewerId) =>
      visibleIncomingFlow({
        viewerId,
        caseRecord,
        ledger: fullLedger,
        tasks: fullTasks,
        directory: app.directory,
      }),
    ),
  );
  const all = views.some((v) => v.scope === 'all');
  const seqs = new Set(views.flatMap((v) => v.ledger.map((e) => e.seq)));
  const taskIds = new Set(views.flatMap((v) => v.tasks.map((t) => t.id)));
  const ledger = all ? fullLedger : fullLedger.filter((e) => seqs.has(e.seq));
  const tasks = all ? fullTasks : fullTasks.filter((t) => taskIds.has(t.id));
  const hasPart = all || tasks.length > 0 || ledger.some((e) => e.actorId !== TIMER_ACTOR);
  if (!hasPart) throw new NotPermitted(NO_PART_MESSAGE, { caseId });
  return {
    caseRecord,
    scope: all ? 'all' : 'downward',
    ledger,
    tasks,
    fullLedger,
    fullTasks,
    principals,
  };
}
