import { NotPermitted } from '@gongwen/core';
import { mayOpen, REFUSALS } from '~/lib/page-access';
import type { SessionUser } from '~/server/api/context';

/** True when the user may see the unit's statistics (leaders, the office director, the secretariat). */
export function canSeeStatistics(user: SessionUser): boolean {
  return mayOpen(user, 'statistics');
}

/** Refuses users who may not see the unit's statistics. */
export function assertCanSeeStatistics(user: SessionUser): void {
  if (!canSeeStatistics(user)) throw new NotPermitted(REFUSALS.statistics);
}
