import { randomUUID } from 'node:crypto';
import { createStoreDirectory, createWorkflowEngine, type Store, TIMER_ACTOR } from '@gongwen/core';
import { approvalWorkflow, loadSampleOrg } from '@gongwen/core/testing';
import type pg from 'pg';
import { sleep } from './stats.ts';

export interface TimerOptions {
  timers: number;
  workers: number;
  /** Due times of the "spread" phase are spaced evenly over this window. */
  windowsMs: readonly number[];
}

export interface TimerPhase {
  label: string;
  due: number;
  fired: number;
  /** Cases with exactly one timer ledger entry for this phase / more than one / none. */
  exactlyOnce: number;
  duplicated: number;
  missing: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  /** Timers fired per second from the first due time to the last firing. */
  perSecond: number;
}

export interface TimerRun {
  startSeconds: number;
  phases: TimerPhase[];
}

/** Starts `n` approval cases (each schedules one 催办 REMIND timer) with 8 concurrent clients. */
async function startCases(engine: ReturnType<typeof createWorkflowEngine>, n: number) {
  let next = 0;
  const client = async () => {
    while (next < n) {
      const i = next++;
      await engine.start({
        workflow: approvalWorkflow.name,
        actorId: 'zhou',
        commandId: randomUUID(),
        input: { title: `催办基准 ${i + 1}`, approvers: ['li'] },
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
}

/**
 * Timer lag with `workers` timer workers (engine.startTimerWorker, distinct workerIds, one
 * process). The timers' due times are rewritten with SQL: phase 1 spreads them evenly over
 * each of `windowsMs` from now (a realistic arrival rate); the last phase makes them all due
 * at once (a drain).
 * Lag = the ledger entry's time minus the timer's due time; exactly-once is checked per case.
 */
export async function benchTimers(store: Store, pool: pg.Pool, o: TimerOptions): Promise<TimerRun> {
  await loadSampleOrg(store.directory);
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    workflows: [approvalWorkflow],
  });
  const t0 = performance.now();
  await startCases(engine, o.timers);
  const startSeconds = (performance.now() - t0) / 1000;
  await pool.query(
    'CREATE TABLE bench_due (phase int, case_id text, due_at timestamptz, PRIMARY KEY (phase, case_id))',
  );
  await pool.query('VACUUM ANALYZE timers, cases, ledger');
  const phases: TimerPhase[] = [];
  const count = o.timers.toLocaleString('en');
  const plan = [
    ...o.windowsMs.map((w) => ({
      label: `spread: ${count} due over ${w / 1000} s (${Math.round((o.timers * 1000) / w)}/s)`,
      spread: w,
    })),
    { label: `drain: ${count} due at once`, spread: 0 },
  ];
  for (const [index, p] of plan.entries()) {
    const phase = index + 1;
    const from = new Date(Date.now() + 1000);
    await pool.query(
      `WITH o AS (SELECT case_id, send_id, row_number() OVER (ORDER BY case_id) - 1 AS i FROM timers)
       UPDATE timers t SET due_at = $1::timestamptz + (o.i * $2::float8 / $3::int) * interval '1 ms',
         claimed_by = NULL, lease_until = NULL
       FROM o WHERE t.case_id = o.case_id AND t.send_id = o.send_id`,
      [from, p.spread, o.timers],
    );
    await pool.query(
      'INSERT INTO bench_due (phase, case_id, due_at) SELECT $1, case_id, due_at FROM timers',
      [phase],
    );
    const workers = Array.from({ length: o.workers }, (_, w) =>
      engine.startTimerWorker({ workerId: `bench-${phase}-${w}` }),
    );
    const deadline = Date.now() + 1000 + p.spread + 120_000;
    for (;;) {
      await sleep(250);
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM ledger WHERE actor_id = $1 AND seq = $2',
        [TIMER_ACTOR, phase + 1],
      );
      if ((rows[0] as { n: number }).n >= o.timers || Date.now() > deadline) break;
    }
    await sleep(500); // let a duplicate, if any, land before checking
    await Promise.all(workers.map((w) => w.stop()));
    phases.push({ label: p.label, ...(await measurePhase(pool, phase)) });
  }
  return { startSeconds, phases };
}

async function measurePhase(pool: pg.Pool, phase: number): Promise<Omit<TimerPhase, 'label'>> {
  await pool.query('ANALYZE ledger, bench_due');
  const lag = await pool.query(
    `SELECT count(*)::int AS fired,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
       max(ms) AS max,
       extract(epoch FROM max(at) - min(due_at)) AS span
     FROM (SELECT l.at, d.due_at, extract(epoch FROM l.at - d.due_at) * 1000 AS ms
       FROM bench_due d JOIN ledger l ON l.case_id = d.case_id AND l.seq = $1 + 1
         AND l.actor_id = $2
       WHERE d.phase = $1) x`,
    [phase, TIMER_ACTOR],
  );
  const once = await pool.query(
    `SELECT count(*)::int AS due,
       count(*) FILTER (WHERE n = $1)::int AS ok,
       count(*) FILTER (WHERE n > $1)::int AS dup,
       count(*) FILTER (WHERE n < $1)::int AS missing
     FROM (SELECT d.case_id, coalesce(f.n, 0) AS n
       FROM bench_due d LEFT JOIN (SELECT case_id, count(*) AS n FROM ledger
         WHERE actor_id = $2 GROUP BY case_id) f ON f.case_id = d.case_id
       WHERE d.phase = $1) x`,
    [phase, TIMER_ACTOR],
  );
  const l = lag.rows[0] as { fired: number; p50: number; p99: number; max: number; span: number };
  const c = once.rows[0] as { due: number; ok: number; dup: number; missing: number };
  return {
    due: c.due,
    fired: l.fired,
    exactlyOnce: c.ok,
    duplicated: c.dup,
    missing: c.missing,
    lagP50: Number(l.p50),
    lagP99: Number(l.p99),
    lagMax: Number(l.max),
    perSecond: l.fired / Math.max(Number(l.span), 1e-3),
  };
}
