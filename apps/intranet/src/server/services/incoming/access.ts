import {
  INCOMING_WORKFLOW,
  type IncomingContext,
  TIMER_ACTOR,
  visibleIncomingFlow,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type CaseKind, contextOf, refusalsOf } from '~/server/services/cases/case-kind';
import { type CaseAccess, loadCase } from '~/server/services/cases/load-case';
import { principalsOf } from '~/server/services/cases/principals';

/**
 * 收文 on the shared case path. Who sees what is `visibleIncomingFlow`, for the user and for
 * every principal they deputise for: ONLY DOWNWARD for ordinary users (their own steps and
 * those of people below them), everything for leaders, the office director and the
 * secretariat. A user has no part when nothing of theirs or of anyone below them is in the
 * ledger or the tasks.
 */
export const INCOMING_CASE: CaseKind<IncomingContext> = {
  workflow: INCOMING_WORKFLOW,
  ...refusalsOf('收文'),
  async visibility({ app, user, caseRecord, ledger, tasks, principals }) {
    const views = await Promise.all(
      [user.id, ...principals].map((viewerId) =>
        visibleIncomingFlow({ viewerId, caseRecord, ledger, tasks, directory: app.directory }),
      ),
    );
    const all = views.some((v) => v.scope === 'all');
    const seqs = new Set(views.flatMap((v) => v.ledger.map((e) => e.seq)));
    const taskIds = new Set(views.flatMap((v) => v.tasks.map((t) => t.id)));
    const seen = all ? ledger : ledger.filter((e) => seqs.has(e.seq));
    const open = all ? tasks : tasks.filter((t) => taskIds.has(t.id));
    const hasPart = all || open.length > 0 || seen.some((e) => e.actorId !== TIMER_ACTOR);
    if (!hasPart) return null;
    const ctx = contextOf<IncomingContext>(caseRecord);
    return { scope: all ? 'all' : 'downward', ledger: seen, tasks: open, ctx };
  },
};

/** What one user may see of a 收文 case. */
export type IncomingAccess = CaseAccess<IncomingContext>;

/** The refusal shown to a user with no part in a case. */
export const NO_PART_MESSAGE = INCOMING_CASE.noPart;

/** The principals `user` may act for in 收文 right now (代理授权 in force). */
export function incomingPrincipalsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  return principalsOf(app, user, INCOMING_WORKFLOW);
}

/** Loads a 收文 case with what `user` may see of it (see `INCOMING_CASE`). */
export function loadIncomingAccess(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<IncomingAccess> {
  return loadCase(app, user, caseId, INCOMING_CASE);
}
