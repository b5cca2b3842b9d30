import 'server-only';
import { notFound } from 'next/navigation';
import type { SessionUser } from '~/server/api/context';
import { getApp } from '~/server/app';
import { requireUser } from '~/server/session';
import type { CaseKind } from './case-kind';
import { caseIdOf, caseVerdict } from './case-verdict';
import { loadCase } from './load-case';

/**
 * Runs a page's case read on the server: `notFound()` when the case is unknown (or another
 * unit's or workflow's), the 无权访问 reason when the user has no part, null when it passes.
 */
export async function refusalOf(read: () => Promise<unknown>): Promise<string | null> {
  const verdict = await caseVerdict(read);
  if (verdict?.status === 404) notFound();
  return verdict?.status === 403 ? verdict.reason : null;
}

/**
 * The check every case page makes before it renders: the signed-in user (or 登录), the case
 * id of the path, and the refusal to show instead of the page (null: the user may see it).
 */
export async function requireCaseAccess(
  kind: CaseKind,
  rawCaseId: string,
): Promise<{ user: SessionUser; caseId: string; refusal: string | null }> {
  const caseId = caseIdOf(rawCaseId);
  const user = await requireUser();
  const app = await getApp();
  const refusal = await refusalOf(() => loadCase(app, user, caseId, kind));
  return { user, caseId, refusal };
}
