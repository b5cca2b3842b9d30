import type { Directory } from '../../directory/directory.ts';
import type { Department } from '../../directory/model.ts';
import { departmentSubtree } from '../../directory/org-tree.ts';
import { NotPermitted, ValidationFailed } from '../../errors.ts';
import type { RoomBookings } from '../../ports/room-bookings.ts';
import type { CaseFacts, EventMeta, EventSpec } from '../../workflow/definition.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_ROLES } from './steps.ts';

type Check = NonNullable<EventSpec['check']>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function refuse(problems: string[]): void {
  if (problems.length > 0) {
    throw new ValidationFailed(problems.join('；'), {
      issues: problems.map((message) => ({ path: [], message })),
    });
  }
}

async function activeOfUnit(directory: Directory, unitId: string, ids: readonly string[]) {
  const found = await directory.getUsers(ids);
  const ok = new Set(found.filter((u) => u.active && u.unitId === unitId).map((u) => u.id));
  return ids.filter((id) => !ok.has(id));
}

async function departmentOf(directory: Directory, unitId: string, id: string) {
  const d = await directory.getDepartment(id);
  return d && d.unitId === unitId ? d : null;
}

/** The sender must be the head of the department (a deputy counts as the principal). */
async function assertHead(
  directory: Directory,
  facts: CaseFacts,
  meta: EventMeta,
  departmentId: string,
) {
  const d = await departmentOf(directory, facts.unitId, departmentId);
  if (!d) throw new ValidationFailed(`部门“${departmentId}”不存在`);
  if (d.headUserId !== (meta.onBehalfOf ?? meta.actorId))
    throw new NotPermitted(`只有${d.name}负责人可以办理此步骤`);
  return d;
}

/**
 * The organisation rules of 送审 (SUBMIT_PLAN): the approver is an active leader of the unit,
 * invited people are active users of the unit, invited and topic departments exist (topic
 * departments with a head), and a named proofreader is an active user. Returns problems in
 * Chinese (empty when none); the workflow runs it as the event's check.
 */
export async function checkMeetingPlan(args: {
  directory: Directory;
  unitId: string;
  plan: MeetingContext['plan'];
}): Promise<string[]> {
  const { directory, unitId, plan } = args;
  const problems: string[] = [];
  const approver = await directory.getUser(plan.approverId);
  if (
    !approver?.active ||
    approver.unitId !== unitId ||
    !approver.roles.includes(MEETING_ROLES.leader)
  )
    problems.push(`审批人须为本单位领导：${plan.approverId}`);
  const badUsers = await activeOfUnit(directory, unitId, plan.participants.users);
  if (badUsers.length > 0) problems.push(`参会人员须为本单位在职人员：${badUsers.join('、')}`);
  for (const id of plan.participants.departments) {
    const d = await departmentOf(directory, unitId, id);
    if (!d) problems.push(`参会部门“${id}”不存在`);
    else if (!d.headUserId) problems.push(`${d.name}未设负责人，无法回复会议通知`);
  }
  for (const id of plan.topicDepartments) {
    const d = await departmentOf(directory, unitId, id);
    if (!d) problems.push(`议题征集部门“${id}”不存在`);
  }
  if (plan.proofreaderId !== undefined) {
    const bad = await activeOfUnit(directory, unitId, [plan.proofreaderId]);
    if (bad.length > 0) problems.push(`纪要审核人须为本单位在职人员：${plan.proofreaderId}`);
  }
  return problems;
}

/** The `check` of each 会议 event that needs the organisation (or the room bookings). */
export function meetingEventCheck(type: string, roomBookings: RoomBookings | null): Check {
  return async ({ payload, context, facts, meta, directory }) => {
    const ctx = context as MeetingContext;
    const principal = meta.onBehalfOf ?? meta.actorId;
    if (type === 'SUBMIT_TOPICS') {
      await assertHead(directory, facts, meta, String(payload.departmentId));
      const presenters = (payload.topics as Array<{ presenterId?: string }>)
        .map((t) => t.presenterId)
        .filter((p): p is string => p !== undefined);
      const bad = await activeOfUnit(directory, facts.unitId, presenters);
      refuse(bad.length > 0 ? [`汇报人须为本单位在职人员：${bad.join('、')}`] : []);
    } else if (type === 'BOOK_ROOM') {
      if (!roomBookings) throw new ValidationFailed('未配置会议室预订服务');
      const b = await roomBookings.getBooking(String(payload.bookingId));
      const problems: string[] = [];
      if (!b || b.unitId !== facts.unitId) problems.push('会议室预订不存在');
      else {
        if (b.cancelledAt !== null) problems.push('该会议室预订已取消');
        if (b.meetingCaseId !== facts.caseId) problems.push('该会议室预订不属于本会议');
        if (
          b.roomId !== payload.roomId ||
          b.start.getTime() !== Date.parse(String(payload.start)) ||
          b.end.getTime() !== Date.parse(String(payload.end))
        )
          problems.push('会议室预订内容与登记不一致');
        else if (payload.roomName !== undefined) {
          const room = (await roomBookings.listRooms(facts.unitId)).find((r) => r.id === b.roomId);
          if (room?.name !== payload.roomName) problems.push('会议室名称与会议室不一致');
        }
      }
      if (
        Date.parse(String(payload.start)) > Date.parse(ctx.plan.start) ||
        Date.parse(String(payload.end)) < Date.parse(ctx.plan.end)
      )
        problems.push('会议室预订时间须覆盖会议时间');
      refuse(problems);
    } else if (type === 'SUBMIT_PLAN') {
      refuse(await checkMeetingPlan({ directory, unitId: facts.unitId, plan: ctx.plan }));
    } else if (type === 'REPLY') {
      const problems: string[] = [];
      let dept: Department | null = null;
      if (typeof payload.departmentId === 'string')
        dept = await assertHead(directory, facts, meta, payload.departmentId);
      if (typeof payload.deputyId === 'string') {
        if (payload.deputyId === principal) problems.push('不能委托本人参会');
        else if ((await activeOfUnit(directory, facts.unitId, [payload.deputyId])).length > 0)
          problems.push(`受委托人须为本单位在职人员：${payload.deputyId}`);
      }
      const attendees = strings(payload.attendeeIds);
      if (attendees.length > 0) {
        if (!dept) problems.push('只有代表部门回复时才能指定参会人员');
        else {
          const allowed = departmentSubtree(await directory.listDepartments(facts.unitId), dept.id);
          const found = await directory.getUsers(attendees);
          const ok = new Set(
            found
              .filter((u) => u.active && u.departmentId !== null && allowed.has(u.departmentId))
              .map((u) => u.id),
          );
          const bad = attendees.filter((a) => !ok.has(a));
          if (bad.length > 0)
            problems.push(`参会人员须为${dept.name}或其下属科室人员：${bad.join('、')}`);
        }
      }
      refuse(problems);
    } else if (type === 'SIGN_IN') {
      if (typeof payload.userId === 'string') {
        const bad = await activeOfUnit(directory, facts.unitId, [payload.userId]);
        refuse(bad.length > 0 ? [`签到人员须为本单位在职人员：${payload.userId}`] : []);
      }
    } else if (type === 'DRAFT_MINUTES') {
      const problems: string[] = [];
      for (const r of payload.resolutions as Array<{ ownerDepartmentId: string }>) {
        const d = await departmentOf(directory, facts.unitId, r.ownerDepartmentId);
        if (!d) problems.push(`责任部门“${r.ownerDepartmentId}”不存在`);
        else if (!d.headUserId) problems.push(`${d.name}未设负责人`);
      }
      refuse([...new Set(problems)]);
    } else if (type === 'REPORT_PROGRESS' || type === 'COMPLETE_RESOLUTION') {
      const r = ctx.resolutions.find((x) => x.id === payload.resolutionId);
      if (r) await assertHead(directory, facts, meta, r.ownerDepartmentId);
    }
  };
}
