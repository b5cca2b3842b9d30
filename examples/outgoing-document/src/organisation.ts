import type { Department, DirectoryRepository, Unit, User } from '@gongwen/core';

/** The issuing unit: 示例县人民政府, whose office drafts the county's documents. */
export const COUNTY: Unit = { id: 'county', name: '示例县人民政府', issuerCode: '示政发' };

/** A township government on the same platform: it receives the document as 收文. */
export const TOWNSHIP: Unit = {
  id: 'chengguan',
  name: '示例县城关镇人民政府',
  issuerCode: '城政发',
};

/** Recipients that are not on the platform: they get paper or 机要交换 and send back a 回执. */
export const EXTERNAL_RECIPIENTS = { main: '示例县青山乡人民政府', cc: '示例市人民政府办公室' };

const DEPARTMENTS: Department[] = [
  { id: 'gov', unitId: 'county', parentId: null, name: '县政府', headUserId: 'zhang', sort: 0 },
  {
    id: 'office',
    unitId: 'county',
    parentId: 'gov',
    name: '县政府办公室',
    headUserId: 'li',
    sort: 1,
  },
  {
    id: 'secretariat',
    unitId: 'county',
    parentId: 'office',
    name: '秘书科',
    headUserId: 'wang',
    sort: 2,
  },
  {
    id: 'finance',
    unitId: 'county',
    parentId: 'gov',
    name: '县财政局',
    headUserId: 'zhao',
    sort: 3,
  },
  {
    id: 'budget',
    unitId: 'county',
    parentId: 'finance',
    name: '预算股',
    headUserId: 'qian',
    sort: 4,
  },
  {
    id: 'emergency',
    unitId: 'county',
    parentId: 'gov',
    name: '县应急管理局',
    headUserId: 'he',
    sort: 5,
  },
  {
    id: 'cg-office',
    unitId: 'chengguan',
    parentId: null,
    name: '城关镇党政办',
    headUserId: 'cg-ma',
    sort: 0,
  },
];

type Person = [
  id: string,
  name: string,
  unitId: string,
  dept: string,
  roles: string[],
  sup: string | null,
];

const PEOPLE: Person[] = [
  ['zhang', '张县长', 'county', 'gov', ['leader'], null],
  ['chen', '陈副县长', 'county', 'gov', ['leader'], 'zhang'],
  ['li', '李主任', 'county', 'office', ['officeDirector', 'departmentHead'], 'zhang'],
  ['xu', '徐科员', 'county', 'office', ['staff'], 'li'],
  ['wang', '王科长', 'county', 'secretariat', ['secretary', 'departmentHead'], 'li'],
  ['zhou', '周文秘', 'county', 'secretariat', ['secretary', 'staff'], 'wang'],
  ['zhao', '赵局长', 'county', 'finance', ['departmentHead'], 'chen'],
  ['qian', '钱股长', 'county', 'budget', ['departmentHead', 'staff'], 'zhao'],
  ['he', '何局长', 'county', 'emergency', ['departmentHead'], 'chen'],
  ['cg-ma', '马主任', 'chengguan', 'cg-office', ['officeDirector', 'departmentHead'], null],
  ['cg-lin', '林文秘', 'chengguan', 'cg-office', ['secretary', 'staff'], 'cg-ma'],
];

/** Everyone in the organisation, by id. */
export const USERS: User[] = PEOPLE.map(([id, name, unitId, departmentId, roles, superiorId]) => ({
  id,
  name,
  unitId,
  departmentId,
  roles,
  superiorId,
  active: true,
}));

/**
 * Loads the organisation into the store's directory (idempotent: every put is an upsert):
 * 示例县人民政府 with its office, secretariat (秘书科), 县财政局 (with 预算股) and 县应急管理局,
 * and 示例县城关镇人民政府 with a secretary who registers incoming documents.
 */
export async function loadOrganisation(directory: DirectoryRepository): Promise<void> {
  for (const unit of [COUNTY, TOWNSHIP]) await directory.putUnit(unit);
  for (const d of DEPARTMENTS) await directory.putDepartment(d);
  for (const u of USERS) await directory.putUser(u);
}
