import {
  OUTGOING_WORKFLOW,
  type OutgoingContext,
  outgoingContextOf,
  visibleOutgoingFlow,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type CaseKind, refusalsOf } from '~/server/services/cases/case-kind';
import { type CaseAccess, loadCase } from '~/server/services/cases/load-case';
import { principalsOf } from '~/server/services/cases/principals';

/**
 * 发文 on the shared case path: steps, tasks and opinions by the one rule of
 * `visibleOutgoingFlow` (for the user and every principal they deputise for) — only downward
 * for ordinary users; no part at all in a classified (涉密) document the user did not take
 * part in. Every 发文 view (get, timeline, 审核意见, 发文稿纸 and its PDF, versions and diff)
 * reads the case through it.
 */
export const OUTGOING_CASE: CaseKind<OutgoingContext> = {
  workflow: OUTGOING_WORKFLOW,
  ...refusalsOf('发文'),
  async visibility({ app, user, caseRecord, ledger, tasks, principals }) {
    const view = await visibleOutgoingFlow({
      viewerId: user.id,
      actingFor: principals,
      caseRecord,
      ledger,
      tasks,
      directory: app.directory,
    });
    if (view.scope === 'none') return null;
    return { scope: view.scope, ledger: view.ledger, tasks: view.tasks, ctx: view.context };
  },
};

/** What one user may see of a 发文 case; `fullCtx` is the whole context (for computing only). */
export type OutgoingAccess = CaseAccess<OutgoingContext> & { fullCtx: OutgoingContext };

/** The refusal shown to a user with no part in a case. */
export const NO_PART_MESSAGE = OUTGOING_CASE.noPart;

/** The principals `user` may act for in 发文 right now (代理授权 in force). */
export function outgoingPrincipalsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  return principalsOf(app, user, OUTGOING_WORKFLOW);
}

/** Loads a 发文 case with what `user` may see of it (see `OUTGOING_CASE`). */
export async function loadOutgoingAccess(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<OutgoingAccess> {
  const access = await loadCase(app, user, caseId, OUTGOING_CASE);
  return { ...access, fullCtx: outgoingContextOf(access.caseRecord) };
}
