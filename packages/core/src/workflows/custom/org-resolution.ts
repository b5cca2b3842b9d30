import type { Directory } from '../../directory/directory.ts';
import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import type { ResolvedOrg } from './context.ts';
import type { AssigneeSpec, FlowDefinition } from './format.ts';

/** Walks up the superior chain of a user (at most `levels`), returning the ids met. */
async function superiorsOf(
  directory: Directory,
  userId: string,
  levels: number,
): Promise<string[]> {
  const out: string[] = [];
  let at = await directory.getUser(userId);
  while (at?.superiorId && out.length < levels && !out.includes(at.superiorId)) {
    out.push(at.superiorId);
    at = await directory.getUser(at.superiorId);
  }
  return out;
}

/**
 * The organisation facts of a case, resolved at 提交 inside the transaction: for each node whose
 * rule needs the directory, the users it names now. 部门负责人 (no department given) is the head of
 * the starter's department — or, when the starter is that head, their direct superior. 分管领导 is
 * the nearest holder of the `leader` role up the starter's superior chain.
 */
export async function resolveFlowOrg(
  def: FlowDefinition,
  starterId: string,
  unitId: string,
  form: Readonly<Record<string, unknown>>,
  directory: Directory,
): Promise<ResolvedOrg> {
  const assignees: Record<string, string[]> = {};
  const starter = await directory.getUser(starterId);
  for (const n of def.nodes) {
    if (!('assignee' in n)) continue;
    const a: AssigneeSpec = n.assignee;
    let ids: string[] = [];
    if (a.kind === 'user') ids = [a.userId];
    else if (a.kind === 'users') ids = [...a.userIds];
    else if (a.kind === 'role')
      ids = (await directory.usersWithRole(unitId, a.role, a.departmentId)).map((u) => u.id);
    else if (a.kind === 'departmentHead') {
      const deptId = a.departmentId ?? starter?.departmentId ?? null;
      const dept = deptId ? await directory.getDepartment(deptId) : null;
      const head = dept?.unitId === unitId ? dept.headUserId : null;
      if (head && head === starterId && a.departmentId === undefined)
        ids = (await superiorsOf(directory, starterId, 1)).slice(0, 1);
      else if (head) ids = [head];
    } else if (a.kind === 'superior') {
      const chain = await superiorsOf(directory, starterId, a.levels);
      ids = chain.length === a.levels ? [chain.at(-1)!] : [];
    } else if (a.kind === 'supervisingLeader') {
      for (const id of await superiorsOf(directory, starterId, 10)) {
        const u = await directory.getUser(id);
        if (u?.roles.includes('leader')) {
          ids = [id];
          break;
        }
      }
    } else if (a.kind === 'field') {
      const v = form[a.field];
      if (Array.isArray(v)) ids = v.map(String);
      else if (typeof v === 'string' && v !== '') {
        if (def.form.schema.properties[a.field]?.format === 'department') {
          const dept = await directory.getDepartment(v);
          ids = dept?.headUserId ? [dept.headUserId] : [];
        } else ids = [v];
      }
    }
    if (ids.length > 0) {
      const found = await directory.getUsers(ids);
      const ok = new Set(found.filter((u) => u.active && u.unitId === unitId).map((u) => u.id));
      ids = [...new Set(ids)].filter((id) => ok.has(id));
    }
    assignees[n.id] = ids;
  }
  return { assignees };
}

/** The starters rule of a flow (who may start it), or undefined for everyone. */
export function starterRule(spec: AssigneeSpec | undefined): AssigneeRule | undefined {
  if (!spec) return undefined;
  if (spec.kind === 'user') return { user: spec.userId };
  if (spec.kind === 'users') return { users: spec.userIds };
  if (spec.kind === 'role')
    return spec.departmentId === undefined
      ? { role: spec.role }
      : { role: spec.role, department: spec.departmentId };
  if (spec.kind === 'departmentHead' && spec.departmentId) return { headOf: spec.departmentId };
  return undefined;
}
