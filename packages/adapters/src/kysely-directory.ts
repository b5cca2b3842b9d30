import type { DirectoryRepository } from '@gongwen/core';
import { sql } from 'kysely';
import type { Connection, Row } from './kysely-connection.ts';
import { toDelegation, toDepartment, toUnit, toUser } from './rows.ts';

/** The organisation tables (units, departments, users, delegations) as a `DirectoryRepository`. */
export function kyselyDirectory(conn: Connection): DirectoryRepository {
  return {
    async putUnit(u) {
      await sql`INSERT INTO units (id, name, issuer_code) VALUES (${u.id}, ${u.name}, ${u.issuerCode})
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, issuer_code = EXCLUDED.issuer_code`.execute(
        conn(),
      );
    },
    async putDepartment(d) {
      await sql`INSERT INTO departments (id, unit_id, parent_id, name, head_user_id, sort)
        VALUES (${d.id}, ${d.unitId}, ${d.parentId}, ${d.name}, ${d.headUserId}, ${d.sort})
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, parent_id = EXCLUDED.parent_id,
          name = EXCLUDED.name, head_user_id = EXCLUDED.head_user_id, sort = EXCLUDED.sort`.execute(
        conn(),
      );
    },
    async putUser(u) {
      await sql`INSERT INTO users (id, unit_id, department_id, name, roles, superior_id, active)
        VALUES (${u.id}, ${u.unitId}, ${u.departmentId}, ${u.name}, ${u.roles}::text[], ${u.superiorId}, ${u.active})
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, department_id = EXCLUDED.department_id,
          name = EXCLUDED.name, roles = EXCLUDED.roles, superior_id = EXCLUDED.superior_id,
          active = EXCLUDED.active`.execute(conn());
    },
    async putDelegation(d) {
      await sql`INSERT INTO delegations (id, unit_id, principal_id, deputy_id, starts_at, ends_at, workflows)
        VALUES (${d.id}, ${d.unitId}, ${d.principalId}, ${d.deputyId}, ${d.startsAt}, ${d.endsAt}, ${d.workflows}::text[])
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, principal_id = EXCLUDED.principal_id,
          deputy_id = EXCLUDED.deputy_id, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
          workflows = EXCLUDED.workflows`.execute(conn());
    },
    async removeDelegation(id) {
      await sql`DELETE FROM delegations WHERE id = ${id}`.execute(conn());
    },
    async getUnit(id) {
      const { rows } = await sql<Row>`SELECT * FROM units WHERE id = ${id}`.execute(conn());
      return rows[0] ? toUnit(rows[0]) : null;
    },
    async getUser(id) {
      const { rows } = await sql<Row>`SELECT * FROM users WHERE id = ${id}`.execute(conn());
      return rows[0] ? toUser(rows[0]) : null;
    },
    async getUsers(ids) {
      if (ids.length === 0) return [];
      const { rows } =
        await sql<Row>`SELECT * FROM users WHERE id = ANY(${[...ids]}::text[])`.execute(conn());
      return rows.map(toUser);
    },
    async getDepartment(id) {
      const { rows } = await sql<Row>`SELECT * FROM departments WHERE id = ${id}`.execute(conn());
      return rows[0] ? toDepartment(rows[0]) : null;
    },
    async listDepartments(unitId) {
      const { rows } =
        await sql<Row>`SELECT * FROM departments WHERE unit_id = ${unitId} ORDER BY sort, id`.execute(
          conn(),
        );
      return rows.map(toDepartment);
    },
    async listUsers({ unitId, departmentId, role }) {
      const { rows } = await sql<Row>`SELECT * FROM users WHERE unit_id = ${unitId}
        ${departmentId === undefined ? sql`` : sql`AND department_id = ${departmentId}`}
        ${role === undefined ? sql`` : sql`AND active AND ${role} = ANY(roles)`}
        ORDER BY id`.execute(conn());
      return rows.map(toUser);
    },
    async delegationsOfDeputy(deputyId, at) {
      const { rows } = await sql<Row>`SELECT * FROM delegations
        WHERE deputy_id = ${deputyId} AND starts_at <= ${at} AND ends_at > ${at}
        ORDER BY starts_at, id`.execute(conn());
      return rows.map(toDelegation);
    },
    async listDelegations(unitId) {
      const { rows } =
        await sql<Row>`SELECT * FROM delegations WHERE unit_id = ${unitId} ORDER BY id`.execute(
          conn(),
        );
      return rows.map(toDelegation);
    },
  };
}
