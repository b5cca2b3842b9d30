import type { Directory } from '../../directory/directory.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import { SEE_ALL_ROLES, type VisibleFlow, visibleIncomingFlow } from '../incoming/visibility.ts';

/**
 * Who may see a 发文 case and how much, as for 收文 (leaders, the office director and the
 * secretariat see all; others see their own steps and those of people below them), plus:
 * someone who neither took part nor is above anyone who did sees nothing (`none`), and a
 * classified document (密级 other than 非密) is shown only to those who took part in it
 * (or hold a see-all role) — being above a participant is not enough.
 */
export async function visibleOutgoingFlow(args: {
  viewerId: string;
  caseRecord: Pick<CaseRecord, 'unitId' | 'fields'>;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
  directory: Directory;
}): Promise<VisibleFlow> {
  const flow = await visibleIncomingFlow(args);
  if (flow.scope !== 'downward') return flow;
  const none: VisibleFlow = { scope: 'none', ledger: [], tasks: [] };
  const involved =
    args.ledger.some((e) => e.actorId === args.viewerId || e.onBehalfOf === args.viewerId) ||
    args.tasks.some((t) => t.candidates.includes(args.viewerId) || t.doneBy === args.viewerId);
  const secrecy = args.caseRecord.fields.secrecy;
  if (typeof secrecy === 'string' && secrecy !== '非密' && !involved) return none;
  const seesSomeone = flow.ledger.some((e) => e.actorId !== '$timer') || flow.tasks.length > 0;
  return involved || seesSomeone ? flow : none;
}

export { SEE_ALL_ROLES };
