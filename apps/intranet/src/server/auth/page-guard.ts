import 'server-only';
import { isGongwenError } from '@gongwen/core';
import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import type { SessionUser } from '~/server/api/context';
import { getApp } from '~/server/app';
import type { AppServices } from '~/server/app-types';
import { PATHNAME_HEADER } from '~/server/auth/security-headers';
import { loadIncomingAccess } from '~/server/services/incoming/access';
import { loadMeeting } from '~/server/services/meeting/access';
import { loadOutgoingAccess } from '~/server/services/outgoing/access';
import { maySeeDocNumberHistory } from '~/server/services/outgoing/doc-number-history';
import { loadReport } from '~/server/services/report/access';

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
export type PageVerdict = { status: 403; reason: string } | { status: 404 } | null;

/** Paths under these folders that are pages of their own, not case ids. */
const NOT_CASE_IDS: Record<string, ReadonlySet<string>> = {
  incoming: new Set(['new']),
  outgoing: new Set(['new', 'doc-numbers']),
  meetings: new Set(['new', 'rooms', 'statistics', 'supervision']),
  reports: new Set(['new']),
};

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Runs a case loader: NotPermitted → 403 with its message, NotFound → 404. */
async function caseVerdict(load: () => Promise<unknown>): Promise<PageVerdict> {
  try {
    await load();
    return null;
  } catch (e) {
    if (isGongwenError(e) && e.code === 'NOT_PERMITTED') return { status: 403, reason: e.message };
    if (isGongwenError(e) && e.code === 'NOT_FOUND') return { status: 404 };
    throw e;
  }
}

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
  const caseId = decode(second);
  switch (top) {
    case 'incoming':
      return caseVerdict(() => loadIncomingAccess(app, user, caseId));
    case 'outgoing':
      return caseVerdict(() => loadOutgoingAccess(app, user, caseId));
    case 'meetings':
      return sheet ? null : caseVerdict(() => loadMeeting(app, user, caseId));
    case 'reports':
      return sheet ? null : caseVerdict(() => loadReport(app, user, caseId));
    default:
      return null;
  }
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
