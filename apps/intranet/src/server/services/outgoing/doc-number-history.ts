import { NotPermitted, OUTGOING_WORKFLOW, outgoingDocNumberHistory } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf } from '~/server/services/tasks/case-lists';
import { loadOutgoingNames } from './names';

/** Whether `user` may read the 文号 usage history (the secretariat and administrators). */
export function maySeeDocNumberHistory(user: SessionUser): boolean {
  return user.roles.includes('secretary') || user.roles.includes('admin');
}

/**
 * 文号使用记录 of one 机关代字 and year in the user's unit: which number went to which case,
 * which were voided (作废), why and by whom, and any number the sequence gave out that no case
 * records. Only for the secretariat and administrators.
 */
export async function getDocNumberHistory(
  app: AppServices,
  user: SessionUser,
  input: { issuerCode: string; year: number },
) {
  if (!maySeeDocNumberHistory(user))
    throw new NotPermitted('无权访问：文号使用记录仅限文秘和管理员查看');
  const [history, names] = await Promise.all([
    outgoingDocNumberHistory({
      store: app.store,
      unitId: user.unitId,
      issuerCode: input.issuerCode,
      year: input.year,
    }),
    loadOutgoingNames(app, user.unitId),
  ]);
  return {
    ...history,
    entries: history.entries.map((e) => ({
      docNumber: e.docNumber,
      serial: e.serial,
      caseId: e.caseId,
      caseTitle: e.caseTitle,
      status: e.status,
      allocatedAt: new Date(e.allocatedAt),
      allocatedBy: names.user(e.allocatedBy),
      event: e.event,
      voidedAt: e.voidedAt ? new Date(e.voidedAt) : null,
      voidedBy: e.voidedBy ? names.user(e.voidedBy) : null,
      voidReason: e.voidReason,
    })),
  };
}

/** The 机关代字 used in the user's unit (the unit's own and every one a 发文 took), for the picker. */
export async function listIssuerCodes(app: AppServices, user: SessionUser): Promise<string[]> {
  const [unit, used] = await Promise.all([
    app.directory.getUnit(user.unitId),
    caseListsOf(app).cases({
      unitId: user.unitId,
      workflow: OUTGOING_WORKFLOW,
      columns: 'header',
      countBy: { field: 'issuerCode' },
      limit: 1,
    }),
  ]);
  const codes = [unit?.issuerCode, ...Object.keys(used.counts ?? {})];
  return [...new Set(codes.filter((c): c is string => !!c))].sort();
}
