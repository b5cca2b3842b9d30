import { DEMO_PASSWORD } from '~demo/accounts';
import { DEMO_ORG, DEMO_UNIT_ID } from '~demo/org';

// The e2e tests pick their people from the demo organisation the server was seeded with.
const county = DEMO_ORG.users.filter((u) => u.unitId === DEMO_UNIT_ID && u.active);
const pick = (pred: (roles: string[]) => boolean, nth = 0) => {
  const u = county.filter((x) => pred(x.roles))[nth];
  if (!u) throw new Error('the demo organisation lacks a user the e2e tests need');
  return { username: u.id, name: u.name, password: DEMO_PASSWORD, departmentId: u.departmentId };
};

/** A system administrator. */
export const ADMIN = pick((r) => r.includes('admin'));
/** A secretary (签收登记, 拟办 …): has 待办 in the demo data. */
export const SECRETARY = pick((r) => r.includes('secretary') && !r.includes('departmentHead'));
/** Plain staff, not an administrator (forbidden pages, forged calls). */
export const STAFF = pick(
  (r) => r.includes('staff') && !r.includes('admin') && !r.includes('secretary'),
);
/** Another staff member whose account the lockout test locks. */
export const LOCK_VICTIM = pick(
  (r) =>
    r.includes('staff') &&
    !r.includes('admin') &&
    !r.includes('secretary') &&
    !r.includes('departmentHead'),
  1,
);
/** The demo county's first department below the top (for the new user). */
export const SOME_DEPARTMENT = DEMO_ORG.departments.find(
  (d) => d.unitId === DEMO_UNIT_ID && d.parentId !== null,
)!;
