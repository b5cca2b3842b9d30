import { SEE_ALL_ROLES, TIMER_ACTOR, type User } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/**
 * What of a unit's cases a viewer may see, as the workflows' visibility rules say
 * (`visibleIncomingFlow`, `visibleOutgoingFlow`): leaders, the office director and the
 * secretariat see every case of their unit (`all`); anyone else sees a case only where they
 * or someone below them took part (`downward`) — `visible` holds the viewer and everyone
 * below them (in the departments they head and their sub-departments, or whose chain of
 * direct superiors reaches them).
 */
export interface ViewerScope {
  all: boolean;
  viewerId: string;
  unitId: string;
  /** The viewer and the people below them (only meaningful when `all` is false). */
  visible: ReadonlySet<string>;
}

/** Resolves a viewer's scope from the directory, once per request. */
export async function viewerScope(app: AppServices, user: SessionUser): Promise<ViewerScope> {
  if (user.roles.some((r) => SEE_ALL_ROLES.includes(r))) {
    return { all: true, viewerId: user.id, unitId: user.unitId, visible: new Set([user.id]) };
  }
  const [departments, users] = await Promise.all([
    app.directory.listDepartments(user.unitId),
    app.store.directory.listUsers({ unitId: user.unitId }),
  ]);
  // the departments the viewer heads and everything under them
  const below = new Set(departments.filter((d) => d.headUserId === user.id).map((d) => d.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && below.has(d.parentId) && !below.has(d.id)) {
        below.add(d.id);
        grew = true;
      }
    }
  }
  const byId = new Map<string, User>(users.map((u) => [u.id, u]));
  const visible = new Set<string>([user.id]);
  for (const u of users) {
    if (u.departmentId !== null && below.has(u.departmentId)) {
      visible.add(u.id);
      continue;
    }
    // the chain of direct superiors (bounded, in case the data has a cycle)
    let cur: User | undefined = u;
    for (let depth = 0; depth < 32 && cur?.superiorId; depth++) {
      if (cur.superiorId === user.id) {
        visible.add(u.id);
        break;
      }
      cur = byId.get(cur.superiorId);
    }
  }
  return { all: false, viewerId: user.id, unitId: user.unitId, visible };
}

/** True when the viewer may see the steps of `userId` (timer entries are seen by all). */
export function sees(scope: ViewerScope, userId: string | null | undefined): boolean {
  if (!userId) return false;
  return scope.all || userId === TIMER_ACTOR || scope.visible.has(userId);
}
