import {
  type CaseAccess,
  type CaseRecord,
  canViewMeeting,
  MEETING_SEE_ALL_ROLES,
  MEETING_WORKFLOW,
  type MeetingContext,
  type Store,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type CaseKind, contextOf, refusalsOf } from '~/server/services/cases/case-kind';
import { loadCase } from '~/server/services/cases/load-case';
import { actorsOf } from '~/server/services/cases/principals';

/**
 * 会议 on the shared case path: who sees a meeting is `canViewMeeting` (its organiser,
 * approver, proofreader, invitees, repliers, the departments of its topics and resolutions;
 * leaders, the office director and the secretariat see every meeting of the unit), and they
 * see its whole flow.
 */
export const MEETING_CASE: CaseKind<MeetingContext> = {
  workflow: MEETING_WORKFLOW,
  ...refusalsOf('会议'),
  async visibility({ app, user, caseRecord, ledger, tasks }) {
    const may = await canViewMeeting({ viewerId: user.id, caseRecord, directory: app.directory });
    return may ? { scope: 'all', ledger, tasks, ctx: meetingContextOf(caseRecord) } : null;
  },
};

/** The refusal shown to a user with no part in a meeting. */
export const NO_MEETING_PART = MEETING_CASE.noPart;

/** The machine context of a meeting case. */
export function meetingContextOf(c: Pick<CaseRecord, 'snapshot'>): MeetingContext {
  return contextOf<MeetingContext>(c);
}

/** Loads a meeting `user` may see (see `MEETING_CASE`). */
export async function loadMeeting(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<CaseRecord> {
  return (await loadCase(app, user, caseId, MEETING_CASE)).caseRecord;
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
export function meetingActorsOf(app: AppServices, user: SessionUser): Promise<string[]> {
  return actorsOf(app, user, MEETING_WORKFLOW);
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
