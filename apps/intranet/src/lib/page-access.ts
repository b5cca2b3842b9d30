import { SEE_ALL_ROLES } from '@gongwen/core';

/** Who is asking: only the roles decide which pages open. */
export interface PageViewer {
  roles: readonly string[];
}

/**
 * The pages behind a role, and who may open them. The one source of truth for "may open
 * page X": the pages refuse with 无权访问, the services refuse the data and the menu offers
 * only what opens, all through `mayOpen`.
 */
const RULES = {
  /** 统计 (收文, 发文, 会议与报告): leaders, the office director and the secretariat. */
  statistics: (v: PageViewer) => v.roles.some((r) => SEE_ALL_ROLES.includes(r)),
  /** 组织机构与用户, 审计日志: system administrators. */
  admin: (v: PageViewer) => v.roles.includes('admin'),
} as const;

/** A page (or group of pages) guarded by a role check. */
export type GuardedPage = keyof typeof RULES;

/** True when `viewer` may open `page`. */
export function mayOpen(viewer: PageViewer, page: GuardedPage): boolean {
  return RULES[page](viewer);
}

/** Why a page refuses (shown on the 无权访问 page and in the error of its data calls). */
export const REFUSALS: Record<GuardedPage, string> = {
  statistics: '统计分析仅对领导、办公室主任和文秘开放',
  admin: '组织机构与用户、审计日志仅对系统管理员开放',
};

/** For each guarded page, whether `viewer` may open it (what the menu is built from). */
export function pageAccess(viewer: PageViewer): Record<GuardedPage, boolean> {
  return {
    statistics: mayOpen(viewer, 'statistics'),
    admin: mayOpen(viewer, 'admin'),
  };
}
