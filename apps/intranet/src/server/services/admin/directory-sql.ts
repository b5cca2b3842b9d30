import type { Delegation, Department, User } from '@gongwen/core';
import { sql, type Transaction } from 'kysely';
import type { AppDatabase } from '~/server/db/schema';

// The same upserts as the store's DirectoryRepository, but inside the caller's transaction,
// so that a directory change, its account row and its audit row commit together.

type Trx = Transaction<AppDatabase>;

/** Inserts or replaces a user in the directory tables. */
export async function putUserTx(trx: Trx, u: User): Promise<void> {
  await sql`INSERT INTO users (id, unit_id, department_id, name, roles, superior_id, active)
    VALUES (${u.id}, ${u.unitId}, ${u.departmentId}, ${u.name}, ${u.roles}::text[], ${u.superiorId}, ${u.active})
    ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, department_id = EXCLUDED.department_id,
      name = EXCLUDED.name, roles = EXCLUDED.roles, superior_id = EXCLUDED.superior_id,
      active = EXCLUDED.active`.execute(trx);
}

/** Inserts or replaces a department. */
export async function putDepartmentTx(trx: Trx, d: Department): Promise<void> {
  await sql`INSERT INTO departments (id, unit_id, parent_id, name, head_user_id, sort)
    VALUES (${d.id}, ${d.unitId}, ${d.parentId}, ${d.name}, ${d.headUserId}, ${d.sort})
    ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, parent_id = EXCLUDED.parent_id,
      name = EXCLUDED.name, head_user_id = EXCLUDED.head_user_id, sort = EXCLUDED.sort`.execute(
    trx,
  );
}

/** Inserts a delegation. */
export async function insertDelegationTx(trx: Trx, d: Delegation): Promise<void> {
  await sql`INSERT INTO delegations (id, unit_id, principal_id, deputy_id, starts_at, ends_at, workflows)
    VALUES (${d.id}, ${d.unitId}, ${d.principalId}, ${d.deputyId}, ${d.startsAt}, ${d.endsAt}, ${d.workflows}::text[])`.execute(
    trx,
  );
}
