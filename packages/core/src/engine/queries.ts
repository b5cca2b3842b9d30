import { delegationCovers } from '../directory/model.ts';
import { NotFound, NotPermitted } from '../errors.ts';
import { type LedgerVerification, verifyLedgerChain } from '../ledger/chain.ts';
import type { CaseRecord, DoneItem, InboxItem, Page } from '../ports/store.ts';
import {
  type DoneOptions,
  type InboxOptions,
  parseOrThrow,
  ZDoneQuery,
  ZInboxQuery,
} from './commands.ts';
import { activeUser } from './context.ts';
import type { EngineContext } from './types.ts';

/** Open tasks (待办) of the actor and of the principals they deputise for. */
export async function inbox(ctx: EngineContext, options: InboxOptions): Promise<Page<InboxItem>> {
  const q = parseOrThrow(ZInboxQuery, options, '查询条件');
  const actor = await activeUser(ctx, q.actorId);
  const now = ctx.clock.now();
  const delegations = await ctx.directory.delegationsOfDeputy(actor.id, now);
  const principals = [
    { id: actor.id, workflows: null },
    ...delegations
      .filter((d) => d.unitId === actor.unitId)
      .map((d) => ({ id: d.principalId, workflows: d.workflows })),
  ];
  return ctx.store.inbox({
    unitId: actor.unitId,
    principals,
    now,
    sort: q.sort,
    limit: q.limit,
    offset: q.offset,
    ...(q.workflow !== undefined && { workflow: q.workflow }),
    ...(q.kind !== undefined && { kind: q.kind }),
    ...(q.overdue !== undefined && { overdue: q.overdue }),
    ...(q.search ? { search: q.search } : {}),
  });
}

/** Cases the actor has acted on (已办), most recent first. */
export async function done(ctx: EngineContext, options: DoneOptions): Promise<Page<DoneItem>> {
  const q = parseOrThrow(ZDoneQuery, options, '查询条件');
  const actor = await activeUser(ctx, q.actorId);
  return ctx.store.done({
    unitId: actor.unitId,
    userId: actor.id,
    limit: q.limit,
    offset: q.offset,
    ...(q.workflow !== undefined && { workflow: q.workflow }),
    ...(q.search ? { search: q.search } : {}),
  });
}

/** A case; with `actorId`, only when the actor belongs to the case's unit. */
export async function getCase(
  ctx: EngineContext,
  caseId: string,
  opts: { actorId?: string } = {},
): Promise<CaseRecord> {
  const caseRecord = await ctx.store.getCase(caseId);
  if (!caseRecord) throw new NotFound('办件不存在', { caseId });
  if (opts.actorId !== undefined) {
    const actor = await activeUser(ctx, opts.actorId);
    if (actor.unitId !== caseRecord.unitId) throw new NotFound('办件不存在', { caseId });
  }
  return caseRecord;
}

/** Records that an assignee opened their task (签收时间: the first time counts). */
export async function openTask(
  ctx: EngineContext,
  args: { caseId: string; taskId: string; actorId: string },
): Promise<void> {
  const actor = await activeUser(ctx, args.actorId);
  const task = (await ctx.store.listTasks(args.caseId)).find((t) => t.id === args.taskId);
  if (!task || task.unitId !== actor.unitId)
    throw new NotFound('待办不存在', { taskId: args.taskId });
  const now = ctx.clock.now();
  const principals = new Set([
    actor.id,
    ...(await ctx.directory.delegationsOfDeputy(actor.id, now))
      .filter((d) => d.unitId === task.unitId && delegationCovers(d, now, task.workflow))
      .map((d) => d.principalId),
  ]);
  if (!task.candidates.some((c) => principals.has(c))) throw new NotPermitted('这不是您的待办');
  await ctx.store.markTaskOpened(task.id, now);
}

/** Recomputes the case's hash chain and reports any edit, deletion or reordering. */
export async function verifyLedger(
  ctx: EngineContext,
  caseId: string,
): Promise<LedgerVerification> {
  const caseRecord = await ctx.store.getCase(caseId);
  if (!caseRecord) throw new NotFound('办件不存在', { caseId });
  return verifyLedgerChain(caseRecord, await ctx.store.listLedger(caseId));
}
