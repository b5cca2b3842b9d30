/**
 * The engine benchmark (npm run bench): transitions, inbox and timers on the PostgreSQL
 * cluster at GONGWEN_PG_URL (scripts/bench.sh starts one), PGlite in memory beside it.
 * Environment knobs for quick runs: BENCH_ONLY=transitions,inbox,timers, BENCH_MEASURE_MS,
 * BENCH_WARMUP_MS, BENCH_ROUNDS, BENCH_INBOX_TASKS, BENCH_TIMERS, BENCH_TIMER_WINDOWS_MS (comma-separated).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import { createPostgresStore } from '@gongwen/adapters/postgres';
import pg from 'pg';
import { prepareBaseline } from './baseline.ts';
import { countQueries, freshDatabase } from './databases.ts';
import { benchInbox } from './inbox.ts';
import { compare } from './runner.ts';
import { inboxTable, timerTable, transitionTable } from './table.ts';
import { benchTimers } from './timers.ts';
import { prepareEngine } from './transitions.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const clusterUrl = process.env.GONGWEN_PG_URL;
if (!clusterUrl) throw new Error('GONGWEN_PG_URL is not set (run through scripts/bench.sh)');
const only = new Set((process.env.BENCH_ONLY ?? 'transitions,inbox,timers').split(','));
const clients = [1, 8] as const;
const warmupMs = env('BENCH_WARMUP_MS', 3000);
const measureMs = env('BENCH_MEASURE_MS', 10_000);
const rounds = env('BENCH_ROUNDS', 4);
const timerWorkers = 4;

function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

function readVersion(path: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

async function machine(): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  const fsync = await client.query('SHOW fsync');
  const sync = await client.query('SHOW synchronous_commit');
  await client.end();
  const pglite = readVersion('../../node_modules/@electric-sql/pglite/package.json');
  return [
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · ` +
      `PostgreSQL ${(rows[0] as { server_version: string }).server_version} ` +
      `(fsync ${(fsync.rows[0] as { fsync: string }).fsync}, synchronous_commit ` +
      `${(sync.rows[0] as { synchronous_commit: string }).synchronous_commit}) · PGlite ${pglite} · load average at start ${loadavg()[0]!.toFixed(2)}`,
  ].join('\n');
}

async function transitions(): Promise<string[]> {
  const max = Math.max(...clients);
  log('preparing: raw pg baseline, engine on PostgreSQL, engine on PGlite (memory://)');
  const baseUrl = await freshDatabase(clusterUrl!, 'bench_baseline');
  await (await createPostgresStore({ connectionString: baseUrl })).close(); // the same schema
  const baseline = await prepareBaseline(baseUrl, max);
  // The store gets a pool made here so that every connection's queries are counted.
  const pool = new pg.Pool({
    connectionString: await freshDatabase(clusterUrl!, 'bench_engine'),
    max: 16,
  });
  const counter = countQueries(pool);
  const postgres = await prepareEngine(
    'postgres',
    await createPostgresStore({ pool }),
    max,
    counter.count,
  );
  const pglite = await prepareEngine(
    'pglite',
    await createPgliteStore({ dataDir: 'memory://' }),
    max,
  );
  const runners = [baseline, postgres, pglite];
  log(`measuring ${clients.join(' and ')} clients, ${rounds} alternating rounds`);
  try {
    const r = await compare(runners, { clients, warmupMs, measureMs, rounds });
    return transitionTable({
      baseline: r.get('baseline')!,
      postgres: r.get('postgres')!,
      pglite: r.get('pglite')!,
      measureMs,
      rounds,
    });
  } finally {
    for (const runner of runners) await runner.close();
  }
}

async function inbox(): Promise<string[]> {
  const url = await freshDatabase(clusterUrl!, 'bench_inbox');
  const store = await createPostgresStore({ connectionString: url, max: 16 });
  const tasks = env('BENCH_INBOX_TASKS', 1_000_000);
  log(`inbox: seeding ${tasks} tasks`);
  try {
    const r = await benchInbox(store, url, {
      users: 5000,
      tasks,
      openTasks: tasks / 5,
      queries: 2000,
      warmup: 200,
    });
    return inboxTable(r);
  } finally {
    await store.close();
  }
}

async function timers(): Promise<string[]> {
  const url = await freshDatabase(clusterUrl!, 'bench_timers');
  const store = await createPostgresStore({ connectionString: url, max: 16 });
  const n = env('BENCH_TIMERS', 10_000);
  log(`timers: ${n} timers, ${timerWorkers} workers`);
  try {
    const r = await benchTimers(store, store.pool, {
      timers: n,
      workers: timerWorkers,
      windowsMs: (process.env.BENCH_TIMER_WINDOWS_MS ?? '20000,60000').split(',').map(Number),
    });
    return timerTable(r, timerWorkers);
  } finally {
    await store.close();
  }
}

const started = performance.now();
const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
print(['## Engine benchmark', '', await machine()]);
if (only.has('transitions')) print(await transitions());
if (only.has('inbox')) print(await inbox());
if (only.has('timers')) print(await timers());
print([`Total ${((performance.now() - started) / 1000).toFixed(0)} s.`]);
