import { sql } from 'kysely';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';

/** The user's unit as the pickers need it: the department tree and active people. */
export async function loadUnitOrg(app: AppServices, user: SessionUser) {
  const [departments, users] = await Promise.all([
    app.directory.listDepartments(user.unitId),
    sql<{
      id: string;
      name: string;
      department_id: string | null;
      roles: string[];
    }>`SELECT id, name, department_id, roles FROM users WHERE unit_id = ${user.unitId} AND active
      ORDER BY name`.execute(db(app)),
  ]);
  return {
    departments: [...departments]
      .sort((a, b) => a.sort - b.sort)
      .map((d) => ({ id: d.id, name: d.name, parentId: d.parentId, headUserId: d.headUserId })),
    users: users.rows.map((u) => ({
      id: u.id,
      name: u.name,
      departmentId: u.department_id,
      roles: u.roles,
    })),
  };
}
