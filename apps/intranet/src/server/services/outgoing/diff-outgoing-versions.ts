import { diffCaseVersions } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadOutgoingAccess } from './access';

/**
 * Side-by-side comparison of two saved versions of a case's 正文 (`diffCaseVersions`: blocks
 * aligned, then character by character, tables cell by cell), for a user who may see the case.
 */
export async function diffOutgoingVersions(
  app: AppServices,
  user: SessionUser,
  input: { caseId: string; from: number; to: number },
) {
  const { ctx } = await loadOutgoingAccess(app, user, input.caseId);
  const diff = diffCaseVersions(ctx.versions, input.from, input.to);
  return { from: input.from, to: input.to, ...diff };
}
