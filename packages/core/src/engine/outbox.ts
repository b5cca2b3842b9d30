import { delegationCovers } from '../directory/model.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { OutboxRecord, TaskRecord } from '../ports/store.ts';
import type { NotifyRequest } from './machine-effects.ts';
import { type BackgroundWorker, pollLoop } from './poll-loop.ts';
import type { EngineContext } from './types.ts';

/**
 * The outbox rows of a step: a 待办/待阅 notice for each opened act or read task, and the
 * machine's own notifications. A candidate with a delegation in force for the workflow is
 * told who covers (待办：批示（刘洋代理）); the deputy gets the notice too, saying for whom
 * (待办：批示（代陈志强）) — unless the deputy is a candidate already.
 */
export async function outboxRows(
  ctx: EngineContext,
  c: { unitId: string; caseId: string; title: string },
  opened: readonly TaskRecord[],
  notify: readonly NotifyRequest[],
  now: Date,
): Promise<OutboxRecord[]> {
  const { unitId, caseId } = c;
  const rows: OutboxRecord[] = [];
  const notices = opened.filter((t) => t.kind !== 'remind');
  const delegations =
    notices.length === 0 ? [] : await ctx.directory.delegationsOfUnit(unitId, now);
  for (const t of notices) {
    const heading = `${t.kind === 'read' ? '待阅' : '待办'}：${t.label}`;
    const row = (recipients: string[], note = ''): OutboxRecord => ({
      id: ctx.newId(),
      unitId,
      caseId,
      taskId: t.id,
      channel: 'inApp',
      recipients,
      title: `${heading}${note}`,
      body: c.title,
      createdAt: now,
    });
    const deputies = await activeDeputies(
      ctx,
      delegations.filter(
        (d) =>
          d.unitId === unitId &&
          delegationCovers(d, now, t.workflow) &&
          d.deputyId !== d.principalId &&
          t.candidates.includes(d.principalId),
      ),
    );
    if (deputies.length === 0) {
      rows.push(row(t.candidates));
      continue;
    }
    const names = new Map(
      (
        await ctx.directory.getUsers([
          ...new Set(deputies.flatMap((d) => [d.principalId, d.deputyId])),
        ])
      ).map((u) => [u.id, u.name]),
    );
    const list = (ids: string[]) => [...new Set(ids)].map((id) => names.get(id) ?? id).join('、');
    const covered = new Set(deputies.map((d) => d.principalId));
    const uncovered = t.candidates.filter((x) => !covered.has(x));
    if (uncovered.length > 0) rows.push(row(uncovered));
    for (const principal of covered) {
      const by = deputies.filter((d) => d.principalId === principal).map((d) => d.deputyId);
      rows.push(row([principal], `（${list(by)}代理）`));
    }
    for (const deputy of new Set(deputies.map((d) => d.deputyId))) {
      if (t.candidates.includes(deputy)) continue;
      const of = deputies.filter((d) => d.deputyId === deputy).map((d) => d.principalId);
      rows.push(row([deputy], `（代${list(of)}）`));
    }
  }
  for (const n of notify) {
    rows.push({
      id: ctx.newId(),
      unitId,
      caseId,
      channel: n.channel,
      recipients: n.to,
      title: n.title,
      body: n.body,
      createdAt: now,
    });
  }
  return rows;
}

/** The delegations whose deputy is an active user (an inactive deputy cannot act). */
async function activeDeputies<D extends { deputyId: string }>(
  ctx: EngineContext,
  delegations: D[],
): Promise<D[]> {
  if (delegations.length === 0) return [];
  const active = new Set(
    (await ctx.directory.getUsers([...new Set(delegations.map((d) => d.deputyId))]))
      .filter((u) => u.active)
      .map((u) => u.id),
  );
  return delegations.filter((d) => active.has(d.deputyId));
}

/** Claims pending outbox rows and sends them; a failed send stays for a later pass. */
export async function deliverNotifications(
  ctx: EngineContext,
  notifier: Notifier,
  opts: { limit?: number; workerId?: string } = {},
): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.store.claimOutbox(
    now,
    opts.limit ?? 100,
    opts.workerId ?? `outbox-${ctx.newId()}`,
    new Date(now.getTime() + ctx.leaseMs),
  );
  const sent: string[] = [];
  for (const row of rows) {
    try {
      await notifier.send({
        id: row.id,
        unitId: row.unitId,
        channel: row.channel,
        to: row.recipients,
        title: row.title,
        body: row.body,
        createdAt: row.createdAt,
        ...(row.caseId ? { caseId: row.caseId } : {}),
        ...(row.taskId ? { taskId: row.taskId } : {}),
      });
      sent.push(row.id);
    } catch {
      // stays in the outbox; retried once the lease lapses
    }
  }
  if (sent.length > 0) await ctx.store.markOutboxSent(sent, ctx.clock.now());
  return sent.length;
}

/** Options of `engine.startNotificationWorker`. */
export interface NotificationWorkerOptions {
  notifier: Notifier;
  workerId?: string;
  pollMs?: number;
  batch?: number;
  onError?: (error: unknown) => void;
}

/** Delivers outbox notifications through `notifier` until stopped. */
export function startNotificationWorker(
  ctx: EngineContext,
  opts: NotificationWorkerOptions,
): BackgroundWorker {
  const workerId = opts.workerId ?? `outbox-${ctx.newId()}`;
  const batch = opts.batch ?? 50;
  return pollLoop(
    async () => ({
      full: (await deliverNotifications(ctx, opts.notifier, { limit: batch, workerId })) === batch,
    }),
    async () => opts.pollMs ?? 500,
    opts.onError,
  );
}
