import { delegationCovers } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** The principals `user` may act for in `workflow` right now (代理授权 in force in their unit). */
export async function principalsOf(
  app: AppServices,
  user: SessionUser,
  workflow: string,
): Promise<string[]> {
  const now = app.clock.now();
  const delegations = await app.directory.delegationsOfDeputy(user.id, now);
  return [
    ...new Set(
      delegations
        .filter((d) => d.unitId === user.unitId && delegationCovers(d, now, workflow))
        .map((d) => d.principalId),
    ),
  ];
}

/** The user and the principals they deputise for in `workflow` now, whose open tasks are theirs to do. */
export async function actorsOf(
  app: AppServices,
  user: SessionUser,
  workflow: string,
): Promise<string[]> {
  return [user.id, ...(await principalsOf(app, user, workflow))];
}
