import { draftableDepartments } from '@gongwen/core';
import { sql } from 'kysely';
import type { SessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import { loadUnitOrg } from '~/server/services/incoming/unit-org';

/**
 * What the 发文 forms pick from: the user's unit (departments, active people with their roles,
 * the unit's 机关代字, the 拟稿单位 the user may pick) and the other units on the platform
 * (主送 / 抄送).
 */
export async function loadOutgoingOrg(app: AppServices, user: SessionUser) {
  const [org, units, drafting] = await Promise.all([
    loadUnitOrg(app, user),
    sql<{
      id: string;
      name: string;
      issuer_code: string | null;
    }>`SELECT id, name, issuer_code FROM units ORDER BY name`.execute(db(app)),
    draftableDepartments({ directory: app.directory, unitId: user.unitId, drafterId: user.id }),
  ]);
  const own = units.rows.find((u) => u.id === user.unitId);
  return {
    ...org,
    unit: { id: user.unitId, name: own?.name ?? '', issuerCode: own?.issuer_code ?? null },
    /** Other units on the platform, as 主送 / 抄送 choices. */
    units: units.rows.filter((u) => u.id !== user.unitId).map((u) => ({ id: u.id, name: u.name })),
    me: { id: user.id, departmentId: user.departmentId, roles: user.roles },
    /** The departments this user may draft in the name of (拟稿单位), by the workflow's rule. */
    draftingDepartments: drafting.map((d) => d.id),
  };
}
