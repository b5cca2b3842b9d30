import { randomUUID } from 'node:crypto';
import { type Delegation, NotFound, ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import type { ZCreateDelegation } from '~/lib/schemas/admin';
import { type AppServices, db } from '~/server/app-types';
import { writeAudit } from '~/server/services/audit/write-audit';
import { insertDelegationTx } from './directory-sql';
import type { AdminActor } from './users';

const invalid = (path: string, message: string) =>
  new ValidationFailed(message, { issues: [{ path: [path], message }] });

/** 新建代理授权: both people active users of the admin's unit; workflows known to the engine. */
export async function createDelegation(
  app: AppServices,
  actor: AdminActor,
  input: z.output<typeof ZCreateDelegation>,
): Promise<Delegation> {
  const unitId = actor.user.unitId;
  const [principal, deputy] = await Promise.all([
    app.directory.getUser(input.principalId),
    app.directory.getUser(input.deputyId),
  ]);
  if (!principal || principal.unitId !== unitId) throw invalid('principalId', '被代理人不存在');
  if (!deputy || deputy.unitId !== unitId || !deputy.active)
    throw invalid('deputyId', '代理人不存在或已停用');
  const known = new Set(app.engine.registry.all().map((d) => d.name));
  const workflows = input.workflows && input.workflows.length > 0 ? input.workflows : null;
  const unknown = workflows?.find((w) => !known.has(w));
  if (unknown) throw invalid('workflows', `未知的流程：${unknown}`);
  const delegation: Delegation = {
    id: randomUUID(),
    unitId,
    principalId: input.principalId,
    deputyId: input.deputyId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    workflows,
  };
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      await insertDelegationTx(trx, delegation);
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: 'admin.delegation.create',
        target: delegation.id,
        detail: {
          principalId: delegation.principalId,
          deputyId: delegation.deputyId,
          startsAt: delegation.startsAt.toISOString(),
          endsAt: delegation.endsAt.toISOString(),
          workflows,
        },
        ip: actor.ip,
      });
    });
  return delegation;
}

/** 撤销代理授权. */
export async function removeDelegation(
  app: AppServices,
  actor: AdminActor,
  id: string,
): Promise<void> {
  const unitId = actor.user.unitId;
  const now = app.clock.now();
  await db(app)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom('delegations')
        .selectAll()
        .where('id', '=', id)
        .where('unit_id', '=', unitId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw new NotFound('代理授权不存在', { id });
      await trx.deleteFrom('delegations').where('id', '=', id).execute();
      await writeAudit(trx, {
        unitId,
        at: now,
        actorId: actor.user.id,
        action: 'admin.delegation.remove',
        target: id,
        detail: { principalId: row.principal_id, deputyId: row.deputy_id },
        ip: actor.ip,
      });
    });
}
