import {
  type CaseAccess,
  type CaseRecord,
  REPORT_WORKFLOW,
  type ReportContext,
  type Store,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type CaseKind, contextOf, refusalsOf } from '~/server/services/cases/case-kind';
import { loadCase } from '~/server/services/cases/load-case';
import { actorsOf } from '~/server/services/cases/principals';

/** The machine context of a report case. */
export function reportContextOf(c: Pick<CaseRecord, 'snapshot'>): ReportContext {
  return contextOf<ReportContext>(c);
}

/**
 * Who sees a report: its author, the approvers it names (now or in an earlier round) and
 * whoever decided on it (a deputy acting for an approver).
 */
export function takesPartInReport(userId: string, ctx: ReportContext): boolean {
  return (
    ctx.author === userId ||
    ctx.approvers.includes(userId) ||
    ctx.decisions.some((d) => d.approver === userId || d.actorId === userId)
  );
}

/**
 * 报告审批 on the shared case path: those who take part in a report (`takesPartInReport`) see
 * its whole flow, and so does whoever may act on it now as an approver's deputy (代理).
 */
export const REPORT_CASE: CaseKind<ReportContext> = {
  workflow: REPORT_WORKFLOW,
  ...refusalsOf('报告'),
  async visibility({ app, user, caseRecord, ledger, tasks }) {
    const ctx = reportContextOf(caseRecord);
    const seen = { scope: 'all' as const, ledger, tasks, ctx };
    if (takesPartInReport(user.id, ctx)) return seen;
    const can = await app.engine.can({ caseId: caseRecord.id, actorId: user.id });
    return can.length > 0 ? seen : null;
  },
};

/** The refusal shown to a user with no part in a report. */
export const NO_REPORT_PART = REPORT_CASE.noPart;

/** Loads a report `user` may see (see `REPORT_CASE`). */
export async function loadReport(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<CaseRecord> {
  return (await loadCase(app, user, caseId, REPORT_CASE)).caseRecord;
}

/** The user and the principals they deputise for in 报告审批 now (代理), whose open tasks are theirs to do. */
export function reportActorsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  return actorsOf(app, user, REPORT_WORKFLOW);
}

/**
 * Who sees a report in a list, as the `CaseLists` access predicate: `takesPartInReport` (its
 * author, the approvers it names, whoever decided on it) or an open task of the user or of a
 * principal they deputise for (`actors`) — the rule `loadReport` applies to one case.
 */
export function reportListAccess(userId: string, actors: readonly string[]): CaseAccess {
  const me = (...path: string[]): CaseAccess => ({ snapshot: ['context', ...path], has: [userId] });
  return {
    anyOf: [
      me('author'),
      me('approvers'),
      me('decisions', 'approver'),
      me('decisions', 'actorId'),
      { openTasks: actors },
    ],
  };
}

/** Every report case of a unit (all pages). */
export async function allReportCases(store: Store, unitId: string): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({ unitId, workflow: REPORT_WORKFLOW, limit: 200, offset });
    out.push(...page.items);
    if (page.items.length < 200) break;
  }
  return out;
}
