import { createChineseCalendar } from '../calendar/working-calendar.ts';
import { systemClock } from '../clock.ts';
import { cacheUsers } from '../directory/cached-directory.ts';
import type { User } from '../directory/model.ts';
import { NotPermitted } from '../errors.ts';
import type { CaseRecord } from '../ports/store.ts';
import type { CaseFacts } from '../workflow/definition.ts';
import { createRegistry } from '../workflow/registry.ts';
import type { EngineContext, WorkflowEngineOptions } from './types.ts';

/** Resolves the engine's options into the context its rooms share. */
export function engineContext(options: WorkflowEngineOptions): EngineContext {
  return {
    store: options.store,
    directory: cacheUsers(options.directory, options.userCacheMs ?? 1000),
    clock: options.clock ?? systemClock,
    calendar: options.calendar ?? createChineseCalendar(),
    newId: options.ids ?? (() => globalThis.crypto.randomUUID()),
    registry: createRegistry(options.workflows),
    leaseMs: options.leaseMs ?? 60_000,
    reassigners: options.reassigners ?? { role: 'admin' },
  };
}

/** The actor as an active user; an unknown or inactive one is refused. */
export async function activeUser(ctx: EngineContext, actorId: string): Promise<User> {
  const user = await ctx.directory.getUser(actorId);
  if (!user?.active) throw new NotPermitted('未知或已停用的用户', { actorId });
  return user;
}

/** What a definition's functions may read about a case besides the machine context. */
export function factsOf(c: Pick<CaseRecord, 'id' | 'unitId' | 'startedBy'>): CaseFacts {
  return { caseId: c.id, unitId: c.unitId, startedBy: c.startedBy };
}
