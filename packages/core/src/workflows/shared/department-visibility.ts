import type { Directory } from '../../directory/directory.ts';
import type { User } from '../../directory/model.ts';
import { departmentSubtree } from '../../directory/org-tree.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';

/** What a viewer may see of a case's flow. */
export interface VisibleFlow {
  /** `all` for leaders, the office director and the secretariat; `downward` otherwise; `none` for outsiders. */
  scope: 'all' | 'downward' | 'none';
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
}

/**
 * Roles that see every step of every case of their unit: 领导 (`leader`), 办公室主任
 * (`officeDirector`) and 文秘 (`secretary`), as each workflow's roles spell them.
 */
export const SEE_ALL_ROLES: readonly string[] = ['leader', 'officeDirector', 'secretary'];

/**
 * The status view only downward (只能向下查看): a user sees their own steps and those of
 * people below them — in the departments they head (and all sub-departments), or whose
 * chain of direct superiors reaches them. Leaders, the office director and the secretariat
 * see all. Timer entries (催办) are shown to everyone who sees anything.
 */
export async function visibleDownwardFlow(args: {
  viewerId: string;
  caseRecord: Pick<CaseRecord, 'unitId'>;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
  directory: Directory;
}): Promise<VisibleFlow> {
  const { viewerId, caseRecord, directory } = args;
  const viewer = await directory.getUser(viewerId);
  if (!viewer?.active || viewer.unitId !== caseRecord.unitId)
    return { scope: 'none', ledger: [], tasks: [] };
  if (viewer.roles.some((r) => SEE_ALL_ROLES.includes(r)))
    return { scope: 'all', ledger: [...args.ledger], tasks: [...args.tasks] };

  const departments = await directory.listDepartments(caseRecord.unitId);
  const headed = departments.filter((d) => d.headUserId === viewer.id).map((d) => d.id);
  const below = departmentSubtree(departments, headed);
  const involved = new Set<string>();
  for (const e of args.ledger) {
    involved.add(e.actorId);
    if (e.onBehalfOf) involved.add(e.onBehalfOf);
  }
  for (const t of args.tasks) {
    for (const c of t.candidates) involved.add(c);
    if (t.doneBy) involved.add(t.doneBy);
  }
  const users = new Map<string, User>();
  const load = async (ids: string[]) => {
    const missing = ids.filter((id) => !users.has(id));
    if (missing.length > 0) for (const u of await directory.getUsers(missing)) users.set(u.id, u);
  };
  await load([...involved]);
  const visible = new Set<string>([viewer.id]);
  for (const id of involved) {
    let user = users.get(id);
    if (!user || user.unitId !== viewer.unitId) continue;
    if (user.departmentId !== null && below.has(user.departmentId)) {
      visible.add(id);
      continue;
    }
    // walk the chain of direct superiors (bounded, in case the data has a cycle)
    for (let depth = 0; depth < 32 && user?.superiorId; depth++) {
      const superiorId: string = user.superiorId;
      if (superiorId === viewer.id) {
        visible.add(id);
        break;
      }
      await load([superiorId]);
      user = users.get(superiorId);
    }
  }
  const sees = (id: string | null) => id !== null && visible.has(id);
  return {
    scope: 'downward',
    ledger: args.ledger.filter(
      (e) => e.actorId === TIMER_ACTOR || sees(e.actorId) || sees(e.onBehalfOf),
    ),
    tasks: args.tasks.filter((t) => sees(t.doneBy) || t.candidates.some((c) => visible.has(c))),
  };
}
