import {
  type CaseRecord,
  delegationCovers,
  type LedgerRecord,
  NotFound,
  NotPermitted,
  OUTGOING_WORKFLOW,
  type OutgoingContext,
  outgoingContextOf,
  type TaskRecord,
  visibleOutgoingFlow,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** What one user may see of a 发文 case, by the workflow's own visibility rules. */
export interface OutgoingAccess {
  caseRecord: CaseRecord;
  /** The case's context as the user may see it (opinions of steps they may not see left out). */
  ctx: OutgoingContext;
  /** `all` for leaders, the office director and the secretariat; `downward` for everyone else with a part. */
  scope: 'all' | 'downward';
  /** The ledger entries the user may see. */
  ledger: LedgerRecord[];
  /** The tasks the user may see. */
  tasks: TaskRecord[];
  /** The whole ledger, every task and the whole context (for computing, never to be shown as they are). */
  fullLedger: LedgerRecord[];
  fullTasks: TaskRecord[];
  fullCtx: OutgoingContext;
  /** The principals the user deputises for in 发文 now (代理). */
  principals: string[];
}

/** The refusal shown to a user with no part in a case. */
export const NO_PART_MESSAGE = '无权访问：您与该发文无关，不能查看';

/** The principals `user` may act for in 发文 right now (代理授权 in force). */
export async function outgoingPrincipalsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  const now = app.clock.now();
  const delegations = await app.directory.delegationsOfDeputy(user.id, now);
  return [
    ...new Set(
      delegations
        .filter((d) => d.unitId === user.unitId && delegationCovers(d, now, OUTGOING_WORKFLOW))
        .map((d) => d.principalId),
    ),
  ];
}

/**
 * Loads a 发文 case with what `user` may see of it — steps, tasks and opinions — by the one rule
 * of `visibleOutgoingFlow` (for the user and every principal they deputise for); every 发文 view
 * (get, timeline, 审核意见, 发文稿纸 and its PDF, versions and diff) reads the case through here. Throws NotFound for an unknown case, another unit's case
 * or another workflow's, and NotPermitted (无权访问) when the user has no part in it — including
 * a classified (涉密) document the user did not take part in.
 */
export async function loadOutgoingAccess(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<OutgoingAccess> {
  const caseRecord = await app.engine.case(caseId, { actorId: user.id }).catch((e: unknown) => {
    if (e instanceof NotFound || (e as { code?: string }).code === 'NOT_FOUND')
      throw new NotFound('发文不存在或已被删除', { caseId });
    throw e;
  });
  if (caseRecord.workflow !== OUTGOING_WORKFLOW)
    throw new NotFound('发文不存在或已被删除', { caseId });
  const [fullLedger, fullTasks, principals] = await Promise.all([
    app.engine.ledger(caseId),
    app.engine.tasks(caseId),
    outgoingPrincipalsOf(app, user),
  ]);
  const view = await visibleOutgoingFlow({
    viewerId: user.id,
    actingFor: principals,
    caseRecord,
    ledger: fullLedger,
    tasks: fullTasks,
    directory: app.directory,
  });
  if (view.scope === 'none') throw new NotPermitted(NO_PART_MESSAGE, { caseId });
  return {
    caseRecord,
    ctx: view.context,
    scope: view.scope,
    ledger: view.ledger,
    tasks: view.tasks,
    fullLedger,
    fullTasks,
    fullCtx: outgoingContextOf(caseRecord),
    principals,
  };
}
