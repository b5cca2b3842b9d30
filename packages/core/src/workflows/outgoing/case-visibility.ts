import type { VisibilityRule } from '../../workflow/visibility.ts';
import { visibleOutgoingFlow } from './visibility.ts';

/**
 * Who sees what of a 发文 case (`engine.view`): `visibleOutgoingFlow` for the user and every
 * principal they deputise for — the steps, the tasks, and the context with the opinions of
 * steps they may not see removed.
 */
export const outgoingVisibility: VisibilityRule = (args) => visibleOutgoingFlow(args);
