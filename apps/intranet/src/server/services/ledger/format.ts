import type { AppServices } from '~/server/app-types';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD HH:mm` in Beijing time (the unit's calendar zone), or '' for null. */
export function formatTime(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '';
  const t = new Date(d);
  if (Number.isNaN(t.getTime())) return '';
  return new Date(t.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD` in Beijing time. */
export function formatDate(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Display names of users, departments and units, loaded in bulk. */
export interface Names {
  user(id: string | null | undefined): string;
  department(id: string | null | undefined): string;
  unit(id: string | null | undefined): string;
}

/** Loads the names of the given users and of every department and unit the ids name. */
export async function loadNames(
  app: AppServices,
  unitId: string,
  ids: { users: Iterable<string>; units?: Iterable<string> },
): Promise<Names> {
  const userIds = [...new Set(ids.users)].filter((id) => id.length > 0 && !id.startsWith('$'));
  const unitIds = [...new Set(ids.units ?? [])];
  const [users, departments, units] = await Promise.all([
    userIds.length > 0 ? app.directory.getUsers(userIds) : [],
    app.directory.listDepartments(unitId),
    Promise.all(unitIds.map((id) => app.directory.getUnit(id))),
  ]);
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const deptNames = new Map(departments.map((d) => [d.id, d.name]));
  const unitNames = new Map(units.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
  return {
    user: (id) => (id ? (id === '$timer' ? '系统' : (userNames.get(id) ?? id)) : ''),
    department: (id) => (id ? (deptNames.get(id) ?? id) : ''),
    unit: (id) => (id ? (unitNames.get(id) ?? id) : ''),
  };
}
