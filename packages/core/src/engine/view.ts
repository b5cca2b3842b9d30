import { delegationCovers } from '../directory/model.ts';
import { NotFound, NotPermitted } from '../errors.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../ports/store.ts';
import { type CaseVisibility, seeAll } from '../workflow/visibility.ts';
import { availableEvents } from './authorize.ts';
import { activeUser } from './context.ts';
import type { AvailableEvent, EngineContext } from './types.ts';

/** Everything a case page needs for one user, from `engine.view`. */
export interface CaseView {
  /**
   * The case. When the workflow's visibility rule redacts the machine context (e.g. 发文
   * opinions of steps the user may not see), `snapshot.context` is the redacted one.
   */
  case: CaseRecord;
  /** How much the user sees: everything, or only their own steps and those below them. */
  scope: 'all' | 'downward';
  /** The ledger entries (流程台帐) the user may see, in order. */
  ledger: LedgerRecord[];
  /** The open tasks (待办) the user may see, oldest first. */
  openTasks: TaskRecord[];
  /** The events the user may send now, with their payload schemas (as `engine.can`). */
  actions: AvailableEvent[];
  /** The principals the user deputises for in this workflow now (代理). */
  actingFor: string[];
}

/**
 * One call for a case page: the case, what of its ledger and tasks the actor may see (the
 * definition's `visibility` rule, for the actor and every principal they deputise for) and
 * what they may do now — with one read of the actor's delegations. A user of another unit
 * gets NotFound; one who may neither see anything of the case nor act on it, NotPermitted.
 */
export async function viewCase(
  ctx: EngineContext,
  caseId: string,
  actorId: string,
): Promise<CaseView> {
  const actor = await activeUser(ctx, actorId);
  const caseRecord = await ctx.store.getCase(caseId);
  if (!caseRecord || caseRecord.unitId !== actor.unitId)
    throw new NotFound('办件不存在', { caseId });
  const def = ctx.registry.get(caseRecord.workflow, caseRecord.workflowVersion);
  const now = ctx.clock.now();
  const [ledger, tasks, delegations] = await Promise.all([
    ctx.store.listLedger(caseId),
    ctx.store.listTasks(caseId),
    ctx.directory.delegationsOfDeputy(actor.id, now),
  ]);
  const actingFor = [
    ...new Set(
      delegations
        .filter((d) => d.unitId === caseRecord.unitId && delegationCovers(d, now, def.name))
        .map((d) => d.principalId),
    ),
  ].filter((id) => id !== actor.id);
  const args = { viewerId: actor.id, actingFor, caseRecord, ledger, tasks };
  const [seen, actions]: [CaseVisibility, AvailableEvent[]] = await Promise.all([
    def.visibility ? def.visibility({ ...args, directory: ctx.directory }) : seeAll(args),
    availableEvents(ctx, {
      def,
      caseRecord,
      actor,
      now,
      delegations: () => Promise.resolve(delegations),
    }),
  ]);
  if (seen.scope === 'none' && actions.length === 0)
    throw new NotPermitted('无权访问：您与该办件无关，不能查看', { caseId });
  const principals = new Set([actor.id, ...actingFor]);
  // What the user must act on is theirs to see, whatever the rule says of the rest.
  const visibleTasks =
    seen.scope === 'none'
      ? tasks.filter((t) => t.doneAt === null && t.candidates.some((c) => principals.has(c)))
      : seen.tasks;
  return {
    case:
      seen.context === undefined
        ? caseRecord
        : {
            ...caseRecord,
            snapshot: { ...(caseRecord.snapshot as object), context: seen.context },
          },
    scope: seen.scope === 'all' ? 'all' : 'downward',
    ledger: seen.ledger,
    openTasks: visibleTasks.filter((t) => t.doneAt === null),
    actions,
    actingFor,
  };
}
