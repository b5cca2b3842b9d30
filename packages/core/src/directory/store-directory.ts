import type { DirectoryRepository } from '../ports/store.ts';
import type { Directory } from './directory.ts';

/** The standard `Directory`, reading the organisation kept in the store. */
export function createStoreDirectory(repo: DirectoryRepository): Directory {
  return {
    getUnit: (id) => repo.getUnit(id),
    getUser: (id) => repo.getUser(id),
    getUsers: (ids) => (ids.length === 0 ? Promise.resolve([]) : repo.getUsers(ids)),
    getDepartment: (id) => repo.getDepartment(id),
    listDepartments: (unitId) => repo.listDepartments(unitId),
    usersWithRole: (unitId, role, departmentId) =>
      repo.listUsers({ unitId, role, ...(departmentId === undefined ? {} : { departmentId }) }),
    delegationsOfDeputy: (deputyId, at) => repo.delegationsOfDeputy(deputyId, at),
    delegationsOfUnit: async (unitId, at) =>
      (await repo.listDelegations(unitId)).filter((d) => d.startsAt <= at && at < d.endsAt),
  };
}
