import { DEMO_ORG } from './org';

// Looking people up in the demo organisation, for the plans.

const users = new Map(DEMO_ORG.users.map((u) => [u.id, u]));
const departments = new Map(DEMO_ORG.departments.map((d) => [d.id, d]));

/** The demo user `id`, if any. */
export function demoUser(id: string) {
  return users.get(id);
}

/** The name of the demo department `id` (the id when unknown). */
export function deptName(id: string): string {
  return departments.get(id)?.name ?? id;
}

/** The head of the demo department `id`. */
export function headOf(id: string): string {
  const head = departments.get(id)?.headUserId;
  if (!head) throw new Error(`demo department ${id} has no head`);
  return head;
}
/** People working in the department itself (not its head). */
export function staffOf(id: string): string[] {
  const head = headOf(id);
  return DEMO_ORG.users
    .filter((u) => u.departmentId === id && u.id !== head && u.active)
    .map((u) => u.id);
}
