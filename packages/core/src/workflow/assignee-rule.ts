/**
 * Who a task goes to, or who may send an event outside tasks. Rules are data, so a
 * definition (or an admin-authored custom flow) can be stored, validated and shown.
 */
export type AssigneeRule =
  /** One user. */
  | { user: string }
  /** Several named users (e.g. the people picked in an earlier step). */
  | { users: readonly string[] }
  /** Active users holding a role in the case's unit, optionally in one department. */
  | { role: string; department?: string }
  /** The head (负责人) of a department. */
  | { headOf: string }
  /** The direct superior (直接上级) of a user. */
  | { superiorOf: string }
  /** The user who started the case (the drafter/registrar). */
  | { starter: true }
  /** The union of several rules. */
  | { anyOf: readonly AssigneeRule[] };

/** Rule helpers that read like the specification. */
export const assignee = {
  user: (id: string): AssigneeRule => ({ user: id }),
  users: (ids: readonly string[]): AssigneeRule => ({ users: ids }),
  role: (role: string, department?: string): AssigneeRule =>
    department === undefined ? { role } : { role, department },
  headOf: (departmentId: string): AssigneeRule => ({ headOf: departmentId }),
  superiorOf: (userId: string): AssigneeRule => ({ superiorOf: userId }),
  starter: (): AssigneeRule => ({ starter: true }),
  anyOf: (...rules: AssigneeRule[]): AssigneeRule => ({ anyOf: rules }),
};
