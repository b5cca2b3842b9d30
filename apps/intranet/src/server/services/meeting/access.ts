import {
  type CaseAccess,
  type CaseRecord,
  canViewMeeting,
  delegationCovers,
  MEETING_SEE_ALL_ROLES,
  MEETING_WORKFLOW,
  type MeetingContext,
  NotFound,
  NotPermitted,
  type Store,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

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

/**
 * `canViewMeeting` as the `CaseLists` access predicate, so a meeting list is filtered, paged
 * and counted in SQL: undefined when the user sees every meeting of the unit (leaders, the
 * office director, the secretariat); otherwise the meetings they organise, approve or
 * proofread, are invited to (by name, as attendee, deputy or replier, or through a department
 * they belong to or head), signed in to, or whose topics or resolutions their department owns.
 */
export async function meetingListAccess(
  app: AppServices,
  user: SessionUser,
): Promise<CaseAccess | undefined> {
  const viewer = await app.directory.getUser(user.id);
  if (!viewer?.active || viewer.unitId !== user.unitId) return { anyOf: [] };
  if (viewer.roles.some((r) => MEETING_SEE_ALL_ROLES.includes(r))) return undefined;
  const headed = (await app.directory.listDepartments(user.unitId))
    .filter((d) => d.headUserId === viewer.id)
    .map((d) => d.id);
  const departments = [...(viewer.departmentId ? [viewer.departmentId] : []), ...headed];
  const me = (...path: string[]): CaseAccess => ({
    snapshot: ['context', ...path],
    has: [viewer.id],
  });
  const ours = (...path: string[]): CaseAccess => ({
    snapshot: ['context', ...path],
    has: departments,
  });
  return {
    anyOf: [
      me('organiser'),
      me('plan', 'approverId'),
      me('plan', 'proofreaderId'),
      me('plan', 'participants', 'users'),
      { snapshotKeys: ['context', 'attendance'], has: [viewer.id] },
      me('replies', '*', 'by'),
      me('replies', '*', 'deputyId'),
      me('replies', '*', 'attendeeIds'),
      ours('plan', 'participants', 'departments'),
      ours('plan', 'topicDepartments'),
      ours('resolutions', 'ownerDepartmentId'),
    ],
  };
}

/** The user and the principals they deputise for in 会议 now (代理), whose open tasks are theirs to do. */
export async function meetingActorsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  const now = app.clock.now();
  const delegations = await app.directory.delegationsOfDeputy(user.id, now);
  return [
    user.id,
    ...delegations
      .filter((d) => d.unitId === user.unitId && delegationCovers(d, now, MEETING_WORKFLOW))
      .map((d) => d.principalId),
  ];
}

/** Every meeting case of a unit (all pages; the room calendar names the meetings with it). */
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
