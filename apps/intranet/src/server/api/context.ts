import type { User } from '@gongwen/core';
import type { AppServices } from '~/server/app-types';

/** The signed-in user as procedures see it: read fresh from the directory on every request. */
export interface SessionUser {
  id: string;
  name: string;
  unitId: string;
  departmentId: string | null;
  roles: string[];
}

/** What every procedure receives. */
export interface TRPCContext {
  /** The active directory user of the session, or null (signed out, unknown or deactivated). */
  user: SessionUser | null;
  /** The user id the session claims, even when the user is gone or inactive (for the message). */
  sessionUserId: string | null;
  app: AppServices;
  headers: Headers;
}

/** Projects a directory user onto the session shape. */
export function toSessionUser(u: User): SessionUser {
  return {
    id: u.id,
    name: u.name,
    unitId: u.unitId,
    departmentId: u.departmentId,
    roles: [...u.roles],
  };
}

/**
 * Builds the context for a session's user id: looks the user up in the directory now, so a
 * deactivated user or a changed role takes effect on the next request.
 */
export async function contextForUserId(
  app: AppServices,
  userId: string | null,
  headers: Headers = new Headers(),
): Promise<TRPCContext> {
  if (!userId) return { user: null, sessionUserId: null, app, headers };
  const u = await app.directory.getUser(userId);
  return {
    user: u?.active ? toSessionUser(u) : null,
    sessionUserId: userId,
    app,
    headers,
  };
}
