import type { Delegation, Department, Unit, User } from '../directory/model.ts';
import type { DirectoryRepository } from '../ports/store.ts';

/** A small county government (示例县人民政府) for tests and examples. */
export const SAMPLE_ORG: { units: Unit[]; departments: Department[]; users: User[] } = {
  units: [
    { id: 'demo', name: '示例县人民政府', issuerCode: '示政发' },
    { id: 'other', name: '邻县人民政府', issuerCode: '邻政发' },
  ],
  departments: [
    { id: 'gov', unitId: 'demo', parentId: null, name: '县政府', headUserId: 'zhang', sort: 0 },
    {
      id: 'office',
      unitId: 'demo',
      parentId: 'gov',
      name: '县政府办公室',
      headUserId: 'li',
      sort: 1,
    },
    {
      id: 'secretariat',
      unitId: 'demo',
      parentId: 'office',
      name: '秘书科',
      headUserId: 'wang',
      sort: 2,
    },
    {
      id: 'finance',
      unitId: 'demo',
      parentId: 'gov',
      name: '县财政局',
      headUserId: 'zhao',
      sort: 3,
    },
    {
      id: 'budget',
      unitId: 'demo',
      parentId: 'finance',
      name: '预算股',
      headUserId: 'qian',
      sort: 4,
    },
    {
      id: 'other-office',
      unitId: 'other',
      parentId: null,
      name: '邻县政府办',
      headUserId: 'outsider',
      sort: 0,
    },
  ],
  users: [
    u('zhang', '张县长', 'gov', ['leader'], null),
    u('chen', '陈副县长', 'gov', ['leader'], 'zhang'),
    u('li', '李主任', 'office', ['officeDirector', 'departmentHead'], 'zhang'),
    u('wang', '王秘书', 'secretariat', ['secretary', 'departmentHead'], 'li'),
    u('zhou', '周文秘', 'secretariat', ['secretary', 'staff'], 'wang'),
    u('zhao', '赵局长', 'finance', ['departmentHead'], 'chen'),
    u('qian', '钱股长', 'budget', ['departmentHead', 'staff'], 'zhao'),
    u('sun', '孙科员', 'budget', ['staff'], 'qian'),
    u('gao', '高管理员', 'office', ['admin'], 'li'),
    { ...u('retired', '吴退休', 'budget', ['staff'], 'qian'), active: false },
    { ...u('outsider', '郑外县', 'other-office', ['leader'], null), unitId: 'other' },
  ],
};

function u(
  id: string,
  name: string,
  departmentId: string,
  roles: string[],
  superiorId: string | null,
): User {
  return { id, unitId: 'demo', departmentId, name, roles, superiorId, active: true };
}

/** Writes the sample organisation (and any delegations) into a store's directory. */
export async function loadSampleOrg(
  repo: DirectoryRepository,
  delegations: Delegation[] = [],
): Promise<void> {
  for (const unit of SAMPLE_ORG.units) await repo.putUnit(unit);
  for (const d of SAMPLE_ORG.departments) await repo.putDepartment(d);
  for (const user of SAMPLE_ORG.users) await repo.putUser(user);
  for (const d of delegations) await repo.putDelegation(d);
}
