import {
  type CaseRecord,
  canViewMeeting,
  MEETING_SEE_ALL_ROLES,
  MEETING_WORKFLOW,
  type MeetingContext,
  NotFound,
  NotPermitted,
  type Store,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app';

/** The refusal shown to a user with no part in a meeting. */
export const NO_MEETING_PART = '无权访问：您与该会议无关，不能查看';

/** The machine context of a meeting case. */
export function meetingContextOf(c: Pick<CaseRecord, 'snapshot'>): MeetingContext {
  return (c.snapshot as { context: MeetingContext }).context;
}

/**
 * Loads a meeting case `user` may see (`canViewMeeting`): NotFound for an unknown case, another
 * unit's or another workflow's; NotPermitted when the user has no part in it.
 */
export async function loadMeeting(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<CaseRecord> {
  const c = await app.engine.case(caseId, { actorId: user.id }).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'NOT_FOUND')
      throw new NotFound('会议不存在或已被删除', { caseId });
    throw e;
  });
  if (c.workflow !== MEETING_WORKFLOW || c.unitId !== user.unitId)
    throw new NotFound('会议不存在或已被删除', { caseId });
  if (!(await canViewMeeting({ viewerId: user.id, caseRecord: c, directory: app.directory })))
    throw new NotPermitted(NO_MEETING_PART, { caseId });
  return c;
}

/** Every meeting case of a unit (all pages). */
export async function allMeetingCases(store: Store, unitId: string): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({ unitId, workflow: MEETING_WORKFLOW, limit: 200, offset });
    out.push(...page.items);
    if (page.items.length < 200) break;
  }
  return out;
}

/** Whether the user sees every meeting of the unit (leaders, office director, secretariat). */
export function seesAllMeetings(user: SessionUser): boolean {
  return user.roles.some((r) => MEETING_SEE_ALL_ROLES.includes(r));
}
