import type { Department } from './model.ts';

/**
 * The ids of `rootIds` and of every department below them (children, grandchildren …),
 * read from the `parentId` links of `departments` (one unit's list, as
 * `Directory.listDepartments` returns it). Ids not in the list are kept as given.
 */
export function departmentSubtree(
  departments: readonly Pick<Department, 'id' | 'parentId'>[],
  rootIds: string | readonly string[],
): Set<string> {
  const out = new Set(typeof rootIds === 'string' ? [rootIds] : rootIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}
