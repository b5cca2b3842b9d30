import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import {
  type CaseVisibility,
  forViewerAndPrincipals,
  seeNothing,
  type VisibilityRule,
} from '../../workflow/visibility.ts';
import { visibleDownwardFlow } from '../shared/department-visibility.ts';

/**
 * Who sees what of a 收文 case (`engine.view`): the status view only downward
 * (`visibleDownwardFlow`) for the user and every principal they deputise for; leaders, the
 * office director and the secretariat see all. A user with no part in it — nothing of theirs
 * or of anyone below them in its ledger or tasks besides 催办 entries — sees nothing.
 */
export const incomingVisibility: VisibilityRule = async (args) =>
  withPart(await forViewerAndPrincipals(visibleDownwardFlow)(args));

/** Nothing unless the view holds a task or a step of someone (催办 entries alone do not count). */
export function withPart(seen: CaseVisibility): CaseVisibility {
  const hasPart =
    seen.scope === 'all' ||
    seen.tasks.length > 0 ||
    seen.ledger.some((e) => e.actorId !== TIMER_ACTOR);
  return hasPart ? seen : seeNothing();
}
