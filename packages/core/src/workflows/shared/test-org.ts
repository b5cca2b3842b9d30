import type { Delegation, Department, User } from '../../directory/model.ts';
import type { DirectoryRepository } from '../../ports/store.ts';
import { loadSampleOrg } from '../../testing/sample-org.ts';

/**
 * The organisation most workflow tests run on (tests only): the sample county government plus
 * 县教育局 (head he, staff lu) and 县农业农村局 (head feng, staff tang), two staff members
 * working in 县财政局 itself (fang, kong; 传阅 readers come from the department itself), a third
 * leader (ma, 马副县长), and xu (徐秘书长) who may act for zhang in 收文 during a delegation window.
 */
export const TEST_ORG_DEPARTMENTS: Department[] = [
  { id: 'education', unitId: 'demo', parentId: 'gov', name: '县教育局', headUserId: 'he', sort: 5 },
  {
    id: 'agri',
    unitId: 'demo',
    parentId: 'gov',
    name: '县农业农村局',
    headUserId: 'feng',
    sort: 6,
  },
];

function u(id: string, name: string, dept: string, roles: string[], sup: string | null): User {
  return {
    id,
    unitId: 'demo',
    departmentId: dept,
    name,
    roles,
    superiorId: sup,
    active: true,
  };
}

/** Users added to the sample organisation. */
export const TEST_ORG_USERS: User[] = [
  u('he', '何局长', 'education', ['departmentHead'], 'chen'),
  u('lu', '陆科员', 'education', ['staff'], 'he'),
  u('feng', '冯局长', 'agri', ['departmentHead'], 'chen'),
  u('tang', '唐科员', 'agri', ['staff'], 'feng'),
  u('ma', '马副县长', 'gov', ['leader'], 'zhang'),
  u('fang', '方科员', 'finance', ['staff'], 'zhao'),
  u('kong', '孔科员', 'finance', ['staff'], 'zhao'),
  u('xu', '徐秘书长', 'office', ['staff'], 'li'),
];

/** xu acts for zhang in 收文 during the last week of November 2026. */
export const TEST_ORG_DELEGATION: Delegation = {
  id: 'dlg-zhang-xu',
  unitId: 'demo',
  principalId: 'zhang',
  deputyId: 'xu',
  startsAt: new Date('2026-11-23T00:00:00Z'),
  endsAt: new Date('2026-11-30T00:00:00Z'),
  workflows: ['incoming'],
};

/** Loads the sample org, the extra bureaus and users, and the delegation. */
export async function loadTestOrg(repo: DirectoryRepository): Promise<void> {
  await loadSampleOrg(repo);
  for (const d of TEST_ORG_DEPARTMENTS) await repo.putDepartment(d);
  for (const user of TEST_ORG_USERS) await repo.putUser(user);
  await repo.putDelegation(TEST_ORG_DELEGATION);
}
