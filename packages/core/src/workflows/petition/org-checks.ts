import type { Directory } from '../../directory/directory.ts';
import { departmentSubtree } from '../../directory/org-tree.ts';
import { ValidationFailed } from '../../errors.ts';
import type { EventSpec, WorkflowDefinition } from '../../workflow/definition.ts';
import type { PetitionContext } from './context.ts';

function refuse(path: string, message: string): never {
  throw new ValidationFailed(message, { issues: [{ path: [path], message }] });
}

async function activeUserOfUnit(directory: Directory, unitId: string, id: string) {
  const user = await directory.getUser(id);
  return user?.active && user.unitId === unitId ? user : null;
}

/** 登记: the 接谈人 of a visit and the 被反映部门 belong to the unit. */
export const petitionStartCheck: NonNullable<WorkflowDefinition['startCheck']> = async ({
  payload,
  facts,
  directory,
}) => {
  if (payload.channel === 'visit' && typeof payload.receptionist === 'string') {
    if (!(await activeUserOfUnit(directory, facts.unitId, payload.receptionist)))
      refuse('receptionist', `接谈人须为本单位在职人员：${payload.receptionist}`);
  }
  for (const id of (payload.subjectDepartments as string[] | undefined) ?? []) {
    const d = await directory.getDepartment(id);
    if (d?.unitId !== facts.unitId) refuse('subjectDepartments', `被反映部门不存在：${id}`);
  }
};

/**
 * The organisation rules of the 信访 steps: 交办 names a department of the unit that has a
 * head; the handler works in that department (or below it); a 复查/复核 reviewer is an active
 * user of the unit.
 */
export const petitionEventCheck: NonNullable<EventSpec['check']> = async ({
  payload,
  context,
  facts,
  directory,
}) => {
  const ctx = context as PetitionContext;
  if (typeof payload.departmentId === 'string') {
    const d = await directory.getDepartment(payload.departmentId);
    if (d?.unitId !== facts.unitId)
      refuse('departmentId', `承办部门不存在：${payload.departmentId}`);
    if (!d.headUserId) refuse('departmentId', `承办部门未设负责人：${d.name}`);
  }
  if (typeof payload.handlerId === 'string' && ctx.department) {
    const user = await activeUserOfUnit(directory, facts.unitId, payload.handlerId);
    const departments = await directory.listDepartments(facts.unitId);
    const below = departmentSubtree(departments, ctx.department.id);
    if (!user?.departmentId || !below.has(user.departmentId))
      refuse('handlerId', `承办人须为承办部门的在职人员：${payload.handlerId}`);
  }
  if (typeof payload.reviewerId === 'string') {
    if (!(await activeUserOfUnit(directory, facts.unitId, payload.reviewerId)))
      refuse('reviewerId', `复查（复核）经办人须为本单位在职人员：${payload.reviewerId}`);
  }
};
