import 'server-only';
import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import type { SessionUser } from '~/server/api/context';
import { getApp } from '~/server/app';
import type { AppServices } from '~/server/app-types';
import { PATHNAME_HEADER } from '~/server/auth/security-headers';
import type { CaseKind } from '~/server/services/cases/case-kind';
import { type CaseVerdict, caseIdOf, caseVerdict } from '~/server/services/cases/case-verdict';
import { loadCase } from '~/server/services/cases/load-case';
import { INCOMING_CASE } from '~/server/services/incoming/access';
import { MEETING_CASE } from '~/server/services/meeting/access';
import { OUTGOING_CASE } from '~/server/services/outgoing/access';
import { maySeeDocNumberHistory } from '~/server/services/outgoing/doc-number-history';
import { REPORT_CASE } from '~/server/services/report/access';

/**
 * Whether a page behind sign-in opens for a user, decided from its path before anything of
 * the page renders.
 *
 * Why here and not only in the pages: every page under (app) sits inside the loading.tsx
 * Suspense boundary, so by the time a page refuses, the response has already begun with
 * `200` (Next.js streams; the status cannot change after the first byte). The (app) layout,
 * which renders before that boundary, asks this guard and calls `forbidden()` / `notFound()`
 * — and a browser loading the page gets a real 403 / 404. The pages keep their own checks,
 * with the same rules (the same role checks and case loaders), for navigations inside the app,
 * where the layout does not render again.
 */
export type PageVerdict = CaseVerdict;

/** Paths under these folders that are pages of their own, not case ids. */
const NOT_CASE_IDS: Record<string, ReadonlySet<string>> = {
  incoming: new Set(['new']),
  outgoing: new Set(['new', 'doc-numbers']),
  meetings: new Set(['new', 'rooms', 'statistics', 'supervision']),
  reports: new Set(['new']),
};

/** The case kind of each folder with case pages; `sheet` when /<folder>/<caseId>/sheet is one. */
const CASE_FOLDERS: Record<string, { kind: CaseKind; sheet: boolean }> = {
  incoming: { kind: INCOMING_CASE, sheet: true },
  outgoing: { kind: OUTGOING_CASE, sheet: true },
  meetings: { kind: MEETING_CASE, sheet: false },
  reports: { kind: REPORT_CASE, sheet: false },
};

/** The verdict for `user` opening `pathname` (null: the page opens, or is not guarded here). */
export async function pageVerdict(
  app: AppServices,
  user: SessionUser,
  pathname: string,
): Promise<PageVerdict> {
  const parts = pathname.split('/').filter((p) => p.length > 0);
  const [top, second, third] = parts;
  // The role-gated pages: the same rules (lib/page-access) as the pages and the menu.
  if (top === 'admin') {
    return mayOpen(user, 'admin') ? null : { status: 403, reason: REFUSALS.admin };
  }
  if (
    (top === 'statistics' && parts.length === 1) ||
    (top === 'meetings' && second === 'statistics' && parts.length === 2)
  ) {
    return mayOpen(user, 'statistics') ? null : { status: 403, reason: REFUSALS.statistics };
  }
  if (top === 'incoming' && second === 'new' && parts.length === 2) {
    return user.roles.includes('secretary')
      ? null
      : { status: 403, reason: '只有文秘（秘书科）可以签收登记收文。' };
  }
  if (top === 'outgoing' && second === 'doc-numbers' && parts.length === 2) {
    return maySeeDocNumberHistory(user)
      ? null
      : { status: 403, reason: '文号使用记录仅限文秘和系统管理员查看。' };
  }
  // Case pages: /<folder>/<caseId> and, for 收文 and 发文, /<folder>/<caseId>/sheet.
  const reserved = top ? NOT_CASE_IDS[top] : undefined;
  if (!reserved || !second || reserved.has(second)) return null;
  const sheet = third === 'sheet' && parts.length === 3;
  if (parts.length !== 2 && !sheet) return null;
  const folder = CASE_FOLDERS[top ?? ''];
  if (!folder || (sheet && !folder.sheet)) return null;
  return caseVerdict(() => loadCase(app, user, caseIdOf(second), folder.kind));
}

/** This request's verdict (the path comes from the proxy), computed once per request. */
const currentVerdict = cache(async (user: SessionUser): Promise<PageVerdict> => {
  const pathname = (await headers()).get(PATHNAME_HEADER);
  if (!pathname) return null;
  return pageVerdict(await getApp(), user, pathname);
});

/**
 * Called by the (app) layout: answers 403 (`forbidden()`) or 404 (`notFound()`) for a page
 * `user` may not open, before the page's streaming response begins.
 */
export async function enforcePageAccess(user: SessionUser): Promise<void> {
  const verdict = await currentVerdict(user);
  if (verdict?.status === 403) forbidden();
  if (verdict?.status === 404) notFound();
}

/** Why this request's page is refused (for the 无权访问 page), or null. */
export async function refusalOfCurrentPage(user: SessionUser | null): Promise<string | null> {
  if (!user) return null;
  const verdict = await currentVerdict(user);
  return verdict?.status === 403 ? verdict.reason : null;
}
