import type { Directory } from './directory.ts';
import {
  type Delegation,
  type Department,
  type Unit,
  type User,
  ZDelegation,
  ZDepartment,
  ZUnit,
  ZUser,
} from './model.ts';

/** Input of `createStaticDirectory`: plain records, validated on creation. */
export interface OrgInput {
  units: Array<Partial<Unit> & Pick<Unit, 'id' | 'name'>>;
  departments?: Array<Partial<Department> & Pick<Department, 'id' | 'unitId' | 'name'>>;
  users?: Array<Partial<User> & Pick<User, 'id' | 'unitId' | 'name'>>;
  delegations?: Array<Omit<Delegation, 'workflows'> & { workflows?: string[] | null }>;
}

/** A read-only in-memory directory, e.g. loaded from an HR export at start-up. */
export function createStaticDirectory(org: OrgInput): Directory {
  const units = new Map(org.units.map((u) => [u.id, ZUnit.parse(u)]));
  const departments = new Map((org.departments ?? []).map((d) => [d.id, ZDepartment.parse(d)]));
  const users = new Map((org.users ?? []).map((u) => [u.id, ZUser.parse(u)]));
  const delegations = (org.delegations ?? []).map((d) => ZDelegation.parse(d));
  return {
    getUnit: async (id) => units.get(id) ?? null,
    getUser: async (id) => users.get(id) ?? null,
    getUsers: async (ids) => ids.flatMap((id) => users.get(id) ?? []),
    getDepartment: async (id) => departments.get(id) ?? null,
    listDepartments: async (unitId) => [...departments.values()].filter((d) => d.unitId === unitId),
    usersWithRole: async (unitId, role, departmentId) =>
      [...users.values()].filter(
        (u) =>
          u.active &&
          u.unitId === unitId &&
          u.roles.includes(role) &&
          (departmentId === undefined || u.departmentId === departmentId),
      ),
    delegationsOfDeputy: async (deputyId, at) =>
      delegations.filter((d) => d.deputyId === deputyId && d.startsAt <= at && at < d.endsAt),
    delegationsOfUnit: async (unitId, at) =>
      delegations.filter((d) => d.unitId === unitId && d.startsAt <= at && at < d.endsAt),
  };
}
