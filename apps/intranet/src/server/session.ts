import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type SessionUser, toSessionUser } from '~/server/api/context';
import { getApp } from '~/server/app';
import { getSessionUserId } from '~/server/auth';

/** The active directory user of this request's session, or null. Read once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await getSessionUserId();
  if (!id) return null;
  const app = await getApp();
  const u = await app.directory.getUser(id);
  return u?.active ? toSessionUser(u) : null;
});

/** The signed-in user, or a redirect to 登录. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** True when the user holds the 系统管理员 role. */
export function isAdmin(user: SessionUser): boolean {
  return user.roles.includes('admin');
}
