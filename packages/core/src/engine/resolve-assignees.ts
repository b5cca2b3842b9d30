import type { Directory } from '../directory/directory.ts';
import type { AssigneeRule } from '../workflow/assignee-rule.ts';
import type { CaseFacts } from '../workflow/definition.ts';

/**
 * Resolves a rule to the ids of active users of the case's unit. Ids named directly
 * (user, users, head, superior) are checked against the directory, so a payload that
 * names an unknown or foreign user assigns nobody rather than a ghost.
 */
export async function resolveAssignees(
  rule: AssigneeRule,
  facts: CaseFacts,
  directory: Directory,
): Promise<string[]> {
  const named = new Set<string>();
  const fromRoles: string[] = [];
  await collect(rule, facts, directory, named, fromRoles);
  const checked = named.size === 0 ? [] : await directory.getUsers([...named]);
  const valid = checked.filter((u) => u.active && u.unitId === facts.unitId).map((u) => u.id);
  return [...new Set([...fromRoles, ...valid])].sort();
}

async function collect(
  rule: AssigneeRule,
  facts: CaseFacts,
  directory: Directory,
  named: Set<string>,
  fromRoles: string[],
): Promise<void> {
  if ('user' in rule) named.add(rule.user);
  else if ('users' in rule) for (const id of rule.users) named.add(id);
  else if ('starter' in rule) named.add(facts.startedBy);
  else if ('role' in rule) {
    const users = await directory.usersWithRole(facts.unitId, rule.role, rule.department);
    for (const u of users) fromRoles.push(u.id);
  } else if ('headOf' in rule) {
    const dept = await directory.getDepartment(rule.headOf);
    if (dept?.headUserId && dept.unitId === facts.unitId) named.add(dept.headUserId);
  } else if ('superiorOf' in rule) {
    const user = await directory.getUser(rule.superiorOf);
    if (user?.superiorId) named.add(user.superiorId);
  } else {
    for (const r of rule.anyOf) await collect(r, facts, directory, named, fromRoles);
  }
}
