import { NotPermitted, SEE_ALL_ROLES } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';

/** True when the user may see the unit's statistics (leaders, the office director, the secretariat). */
export function canSeeStatistics(user: SessionUser): boolean {
  return user.roles.some((r) => SEE_ALL_ROLES.includes(r));
}

/** Refuses users who may not see the unit's statistics. */
export function assertCanSeeStatistics(user: SessionUser): void {
  if (!canSeeStatistics(user)) throw new NotPermitted('统计分析仅对领导、办公室主任和文秘开放');
}
