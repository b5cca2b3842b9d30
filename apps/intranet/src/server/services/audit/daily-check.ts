import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { verifyAndRecord } from './verify-audit';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily check: verifies the chain and records the outcome (`audit.verify`, trigger
 * `daily`) unless a daily check was recorded in the last 24 hours — so several processes, or a
 * restart, do not check twice. Returns whether it ran. A failed chain is also logged to stderr.
 */
export async function runDailyAuditCheck(app: AppServices): Promise<boolean> {
  const since = new Date(app.clock.now().getTime() - DAY_MS);
  const recent = await db(app)
    .selectFrom('app_audit_log')
    .select('id')
    .where('action', '=', 'audit.verify')
    .where('at', '>', since)
    .where(sql<boolean>`detail->>'trigger' = 'daily'`)
    .limit(1)
    .executeTakeFirst();
  if (recent) return false;
  const result = await verifyAndRecord(app, { kind: 'daily' });
  if (!result.ok) {
    console.error(
      `[gongwen] 审计日志完整性校验失败：${result.problems
        .slice(0, 5)
        .map((p) => `第 ${p.seq ?? '—'} 条 ${p.problem}`)
        .join('；')}`,
    );
  }
  return true;
}

/**
 * Starts the daily audit check in this process: first a minute after start, then every hour
 * (`runDailyAuditCheck` runs the check only when the last one is a day old). Returns a stopper.
 */
export function startAuditVerifier(
  app: AppServices,
  opts: { firstDelayMs?: number; everyMs?: number; onError?: (e: unknown) => void } = {},
): () => Promise<void> {
  const onError = opts.onError ?? ((e: unknown) => console.error('[gongwen] audit check error', e));
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDailyAuditCheck(app)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? 60_000);
  const every = setInterval(tick, opts.everyMs ?? 60 * 60 * 1000);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
