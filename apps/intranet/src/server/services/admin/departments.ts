import { type Department, ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import type { ZSaveDepartment } from '~/lib/schemas/admin';
import { type AppServices, db } from '~/server/app-types';
import { writeAudit } from '~/server/services/audit/write-audit';
import { putDepartmentTx } from './directory-sql';
import type { AdminActor } from './users';

const invalid = (path: string, message: string) =>
  new ValidationFailed(message, { issues: [{ path: [path], message }] });

/**
 * 新建 / 编辑部门 (`mode` says which, so that a typo in an id never overwrites another
 * department). The parent must be of the same unit and not the department or one below it;
 * the head must be an active user of the unit.
 */
export async function saveDepartment(
  app: AppServices,
  actor: AdminActor,
  mode: 'create' | 'update',
  input: z.output<typeof ZSaveDepartment>,
): Promise<Department> {
  const unitId = actor.user.unitId;
  const all = await app.directory.listDepartments(unitId);
  const existing = await app.directory.getDepartment(input.id);
  if (mode === 'create' && existing) throw invalid('id', '该部门编号已被使用');
  if (mode === 'update' && (!existing || existing.unitId !== unitId))
    throw invalid('id', '部门不存在');
  if (input.parentId !== null) {
    const byId = new Map(all.map((d) => [d.id, d]));
    if (!byId.has(input.parentId)) throw invalid('parentId', '上级部门不存在');
    let cur: string | null = input.parentId;
    const seen = new Set<string>();
    while (cur !== null && !seen.has(cur)) {
      if (cur === input.id) throw invalid('parentId', '上级部门不能是本部门或其下级部门');
      seen.add(cur);
      cur = byId.get(cur)?.parentId ?? null;
    }
  }
  if (input.headUserId !== null) {
    const head = await app.directory.getUser(input.headUserId);
    if (!head || head.unitId !== unitId || !head.active)
      throw invalid('headUserId', '所选部门负责人不存在或已停用');
  }
  const dept: Department = { ...input, unitId };
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      await putDepartmentTx(trx, dept);
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: mode === 'create' ? 'admin.department.create' : 'admin.department.update',
        target: dept.id,
        detail: existing ? { before: existing, after: dept } : { after: dept },
        ip: actor.ip,
      });
    });
  return dept;
}
