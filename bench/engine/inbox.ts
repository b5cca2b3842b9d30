import { createStoreDirectory, createWorkflowEngine, type Store } from '@gongwen/core';
import { approvalWorkflow, loadSampleOrg } from '@gongwen/core/testing';
import pg from 'pg';
import { percentile } from './stats.ts';

export interface InboxOptions {
  users: number;
  tasks: number;
  openTasks: number;
  queries: number;
  warmup: number;
}

export interface InboxRun {
  seedSeconds: number;
  rows: { tasks: number; open: number; candidates: number; cases: number; users: number };
  engine: { p50: number; p99: number; n: number };
  store: { p50: number; p99: number; n: number };
  meanItems: number;
}

/**
 * Seeds the inbox tables straight with SQL (INSERT … SELECT over generate_series): `users`
 * users, `openTasks` cases each with `tasks / openTasks` tasks of which the last is open,
 * one candidate per open task (closed tasks keep no candidate rows, as the store does).
 */
async function seed(url: string, o: InboxOptions): Promise<void> {
  const perCase = Math.round(o.tasks / o.openTasks);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `INSERT INTO users (id, unit_id, department_id, name, roles, superior_id, active)
       SELECT 'u' || g, 'demo', 'secretariat', '用户' || g, '{staff}', 'wang', true
       FROM generate_series(1, $1::int) g`,
      [o.users],
    );
    await client.query(
      `INSERT INTO cases (id, unit_id, workflow, workflow_version, title, state, status, snapshot,
        fields, rev, started_by, created_at, updated_at, ledger_seq, ledger_head, assignments)
       SELECT 'c' || g, 'demo', 'approval', 1, '关于第' || g || '号事项的请示', 'reviewing', 'active',
         '{"status":"active","value":"reviewing","context":{}}', '{"reminders":0}', $2::int,
         'u' || (1 + g % $3::int), t, t, $2::int, repeat('0', 64), '[]'
       FROM generate_series(1, $1::int) g,
         LATERAL (SELECT timestamptz '2026-01-01' + g * interval '1 minute' AS t) x`,
      [o.openTasks, perCase, o.users],
    );
    await client.query(
      `INSERT INTO tasks (id, unit_id, case_id, workflow, key, kind, label, events, candidates,
        created_at, due_at, done_at, done_by, done_event)
       SELECT 't' || g, 'demo', 'c' || (1 + (g - 1) / $2::int), 'approval',
         'approve:' || ((g - 1) % $2::int), 'act', '审批', '{APPROVE,RETURN}', ARRAY[u], t,
         t + interval '3 days', CASE WHEN open THEN NULL ELSE t + interval '1 hour' END,
         CASE WHEN open THEN NULL ELSE u END, CASE WHEN open THEN NULL ELSE 'APPROVE' END
       FROM generate_series(1, $1::int) g,
         LATERAL (SELECT 'u' || (1 + floor(random() * $3::int))::int AS u,
           (g - 1) % $2::int = $2::int - 1 AS open,
           timestamptz '2026-01-01' + g * interval '10 seconds' AS t) x`,
      [o.tasks, perCase, o.users],
    );
    await client.query(
      `INSERT INTO task_candidates (principal_id, task_id, unit_id, case_id, workflow, kind,
        created_at, due_at)
       SELECT candidates[1], id, unit_id, case_id, workflow, kind, created_at, due_at
       FROM tasks WHERE done_at IS NULL`,
    );
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE users, cases, tasks, task_candidates');
  } finally {
    await client.end();
  }
}

async function counts(url: string): Promise<InboxRun['rows']> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM tasks)::int AS tasks,
      (SELECT count(*) FROM tasks WHERE done_at IS NULL)::int AS open,
      (SELECT count(*) FROM task_candidates)::int AS candidates,
      (SELECT count(*) FROM cases)::int AS cases,
      (SELECT count(*) FROM users)::int AS users`);
    return rows[0] as InboxRun['rows'];
  } finally {
    await client.end();
  }
}

/** A small deterministic PRNG so both runs query the same users. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Inbox p50/p99 through `engine.inbox({ actorId })` and the raw `store.inbox`, one client. */
export async function benchInbox(store: Store, url: string, o: InboxOptions): Promise<InboxRun> {
  await loadSampleOrg(store.directory);
  const t0 = performance.now();
  await seed(url, o);
  const seedSeconds = (performance.now() - t0) / 1000;
  const rows = await counts(url);
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    workflows: [approvalWorkflow],
  });
  const rnd = lcg(7);
  const user = () => `u${1 + Math.floor(rnd() * o.users)}`;
  const engineSamples: number[] = [];
  const storeSamples: number[] = [];
  let items = 0;
  for (let i = 0; i < o.warmup + o.queries; i++) {
    const s = performance.now();
    const page = await engine.inbox({ actorId: user() });
    if (i >= o.warmup) {
      engineSamples.push(performance.now() - s);
      items += page.items.length;
    }
  }
  const now = new Date();
  for (let i = 0; i < o.warmup + o.queries; i++) {
    const s = performance.now();
    await store.inbox({
      unitId: 'demo',
      principals: [{ id: user(), workflows: null }],
      now,
      sort: 'newest',
      limit: 20,
      offset: 0,
    });
    if (i >= o.warmup) storeSamples.push(performance.now() - s);
  }
  const sum = (s: number[]) => ({ p50: percentile(s, 0.5), p99: percentile(s, 0.99), n: s.length });
  return {
    seedSeconds,
    rows,
    engine: sum(engineSamples),
    store: sum(storeSamples),
    meanItems: items / o.queries,
  };
}
