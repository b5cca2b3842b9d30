import type { DirectoryRepository } from '@gongwen/core';

/** Loads a small 示例县人民政府 into the store's directory (idempotent). */
export async function loadOrganisation(directory: DirectoryRepository): Promise<void> {
  await directory.putUnit({ id: 'county', name: '示例县人民政府', issuerCode: '示政发' });
  const departments = [
    { id: 'office', name: '县政府办公室', parentId: null, headUserId: 'liu' },
    { id: 'education', name: '县教育局', parentId: null, headUserId: 'he' },
  ];
  for (const [sort, d] of departments.entries())
    await directory.putDepartment({ ...d, unitId: 'county', sort });
  const users = [
    {
      id: 'liu',
      name: '刘主任',
      departmentId: 'office',
      roles: ['officeDirector'],
      superiorId: null,
    },
    {
      id: 'he',
      name: '何局长',
      departmentId: 'education',
      roles: ['departmentHead'],
      superiorId: null,
    },
    { id: 'xu', name: '徐老师', departmentId: 'education', roles: ['staff'], superiorId: 'he' },
  ];
  for (const u of users) await directory.putUser({ ...u, unitId: 'county', active: true });
}
