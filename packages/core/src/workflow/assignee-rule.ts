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
  /** One named user. */
  user: (id: string): AssigneeRule => ({ user: id }),
  /** Several named users. */
  users: (ids: readonly string[]): AssigneeRule => ({ users: ids }),
  /** The active holders of a role in the case's unit, optionally in one department. */
  role: (role: string, department?: string): AssigneeRule =>
    department === undefined ? { role } : { role, department },
  /** The head of a department. */
  headOf: (departmentId: string): AssigneeRule => ({ headOf: departmentId }),
  /** A user's superior. */
  superiorOf: (userId: string): AssigneeRule => ({ superiorOf: userId }),
  /** Whoever started the case. */
  starter: (): AssigneeRule => ({ starter: true }),
  /** Everyone any of the rules names. */
  anyOf: (...rules: AssigneeRule[]): AssigneeRule => ({ anyOf: rules }),
};
