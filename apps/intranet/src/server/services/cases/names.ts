import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';

/** Names of a unit's users and departments, for showing ids as people and offices. */
export interface Names {
  user(id: string | null | undefined): string;
  department(id: string | null | undefined): string;
}

/** Loads the names of every user and department of `unitId` (one small query each). */
export async function loadNames(app: AppServices, unitId: string): Promise<Names> {
  const [users, departments] = await Promise.all([
    sql<{ id: string; name: string }>`SELECT id, name FROM users WHERE unit_id = ${unitId}`.execute(
      db(app),
    ),
    app.directory.listDepartments(unitId),
  ]);
  const u = new Map(users.rows.map((r) => [r.id, r.name]));
  const d = new Map(departments.map((r) => [r.id, r.name]));
  return {
    user: (id) => (id ? (u.get(id) ?? id) : ''),
    department: (id) => (id ? (d.get(id) ?? id) : ''),
  };
}
