import {
  type CaseAccess,
  type CaseRecord,
  delegationCovers,
  NotFound,
  NotPermitted,
  REPORT_WORKFLOW,
  type ReportContext,
  type Store,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** The refusal shown to a user with no part in a report. */
export const NO_REPORT_PART = '无权访问：您与该报告无关，不能查看';

/** The machine context of a report case. */
export function reportContextOf(c: Pick<CaseRecord, 'snapshot'>): ReportContext {
  return (c.snapshot as { context: ReportContext }).context;
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
 * Loads a report `user` may see: NotFound for an unknown case, another unit's or another
 * workflow's; NotPermitted when the user has no part in it — unless they may act on it now
 * as an approver's deputy (代理).
 */
export async function loadReport(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<CaseRecord> {
  const c = await app.engine.case(caseId, { actorId: user.id }).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'NOT_FOUND')
      throw new NotFound('报告不存在或已被删除', { caseId });
    throw e;
  });
  if (c.workflow !== REPORT_WORKFLOW || c.unitId !== user.unitId)
    throw new NotFound('报告不存在或已被删除', { caseId });
  if (takesPartInReport(user.id, reportContextOf(c))) return c;
  if ((await app.engine.can({ caseId, actorId: user.id })).length > 0) return c;
  throw new NotPermitted(NO_REPORT_PART, { caseId });
}

/** The user and the principals they deputise for in 报告审批 now (代理), whose open tasks are theirs to do. */
export async function reportActorsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  const now = app.clock.now();
  const delegations = await app.directory.delegationsOfDeputy(user.id, now);
  return [
    user.id,
    ...delegations
      .filter((d) => d.unitId === user.unitId && delegationCovers(d, now, REPORT_WORKFLOW))
      .map((d) => d.principalId),
  ];
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
