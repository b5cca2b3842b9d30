import type { Directory } from '../../directory/directory.ts';
import type { CaseRecord } from '../../ports/store.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_ROLES } from './steps.ts';

/** Roles that see every meeting of their unit. */
export const MEETING_SEE_ALL_ROLES: readonly string[] = [
  MEETING_ROLES.leader,
  MEETING_ROLES.officeDirector,
  MEETING_ROLES.secretary,
];

/**
 * Whether a user may see a meeting case: leaders, the office director and the secretariat see
 * every meeting of their unit; anyone else only meetings they organise, approve or proofread,
 * are invited to (themselves, as head of an invited department, as deputy or named attendee),
 * submitted topics for, or whose resolutions their department owns.
 */
export async function canViewMeeting(args: {
  viewerId: string;
  caseRecord: Pick<CaseRecord, 'unitId' | 'snapshot'>;
  directory: Directory;
}): Promise<boolean> {
  const viewer = await args.directory.getUser(args.viewerId);
  if (!viewer?.active || viewer.unitId !== args.caseRecord.unitId) return false;
  if (viewer.roles.some((r) => MEETING_SEE_ALL_ROLES.includes(r))) return true;
  const ctx = (args.caseRecord.snapshot as { context: MeetingContext }).context;
  const id = viewer.id;
  if (ctx.organiser === id || ctx.plan.approverId === id || ctx.plan.proofreaderId === id)
    return true;
  if (ctx.plan.participants.users.includes(id) || ctx.attendance[id]) return true;
  for (const r of Object.values(ctx.replies)) {
    if (r.by === id || r.deputyId === id || r.attendeeIds.includes(id)) return true;
  }
  const departments = new Set([
    ...ctx.plan.participants.departments,
    ...ctx.plan.topicDepartments,
    ...ctx.resolutions.map((r) => r.ownerDepartmentId),
  ]);
  for (const d of departments) {
    const dept = await args.directory.getDepartment(d);
    if (dept?.headUserId === id || viewer.departmentId === d) return true;
  }
  return false;
}
