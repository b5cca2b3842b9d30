import type { Delegation, Department, Unit, User } from './model.ts';

/**
 * Port to the organisation (组织机构): what the engine needs to resolve who may act.
 * Back it with the store (`createStoreDirectory`), an HR system or LDAP.
 */
export interface Directory {
  /** A unit by id, or null. */
  getUnit(unitId: string): Promise<Unit | null>;
  /** A user by id, or null (inactive users are returned with `active: false`). */
  getUser(userId: string): Promise<User | null>;
  /** The users among `userIds` that exist, in any order. */
  getUsers(userIds: readonly string[]): Promise<User[]>;
  /** A department by id, or null. */
  getDepartment(departmentId: string): Promise<Department | null>;
  /** Every department of a unit (the caller builds the tree from `parentId`). */
  listDepartments(unitId: string): Promise<Department[]>;
  /** Active users of a unit holding `role`, optionally only in one department. */
  usersWithRole(unitId: string, role: string, departmentId?: string): Promise<User[]>;
  /** Delegations naming `deputyId` as the deputy that are in force at `at`. */
  delegationsOfDeputy(deputyId: string, at: Date): Promise<Delegation[]>;
  /** Delegations of a unit in force at `at` (a new task's notice also reaches the deputies). */
  delegationsOfUnit(unitId: string, at: Date): Promise<Delegation[]>;
}
