import 'server-only';
import { isGongwenError } from '@gongwen/core';
import { notFound } from 'next/navigation';
import type { SessionUser } from '~/server/api/context';
import { getApp } from '~/server/app';
import { loadIncomingAccess } from '~/server/services/incoming/access';

/** Checks on the server that `user` has a part in the case: null if so, else the refusal text. */
export async function refusalFor(user: SessionUser, caseId: string): Promise<string | null> {
  const app = await getApp();
  try {
    await loadIncomingAccess(app, user, caseId);
    return null;
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return e.message;
    if (isGongwenError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

/** The route's case id, decoded. */
export function caseIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
