/**
 * Where an engine transition's time goes: Node CPU per engine.send on PostgreSQL at one
 * client, beside the same for the raw baseline. Run with --cpu-prof for a profile:
 *   GONGWEN_PG_URL=… npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/engine/profile.ts
 */
import { createPostgresStore } from '@gongwen/adapters/postgres';
import pg from 'pg';
import { prepareBaseline } from './baseline.ts';
import { countQueries, freshDatabase } from './databases.ts';
import type { Runner } from './runner.ts';
import { prepareEngine } from './transitions.ts';

const clusterUrl = process.env.GONGWEN_PG_URL!;
const n = Number(process.env.PROFILE_N ?? 2000);
const clients = Number(process.env.PROFILE_CLIENTS ?? 1);
const admin = new pg.Client({ connectionString: clusterUrl });
await admin.connect();
const lsn = async () =>
  BigInt((await admin.query(`SELECT pg_current_wal_lsn() - '0/0' AS b`)).rows[0].b as string);

async function measure(r: Runner) {
  const loop = async (c: number, k: number) => {
    for (let i = 0; i < k; i++) await r.op(c);
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c, 100)));
  const q0 = r.queries?.() ?? 0;
  const w0 = await lsn();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c, n / clients)));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const wal = Number((await lsn()) - w0) / n;
  const line =
    `${r.name} (${clients} clients): ${((n / wall) * 1000).toFixed(0)} tr/s, ` +
    `${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms Node CPU per transition, ` +
    `${(((r.queries?.() ?? 0) - q0) / n).toFixed(1)} queries, ${wal.toFixed(0)} WAL bytes`;
  process.stdout.write(`${line}\n`);
}

const baseUrl = await freshDatabase(clusterUrl, 'profile_baseline');
await (await createPostgresStore({ connectionString: baseUrl })).close();
const baseline = await prepareBaseline(baseUrl, clients);
const pool = new pg.Pool({ connectionString: await freshDatabase(clusterUrl, 'profile_engine') });
const counter = countQueries(pool);
const engine = await prepareEngine(
  'engine',
  await createPostgresStore({ pool }),
  clients,
  counter.count,
);
await measure(baseline);
await measure(engine);
await baseline.close();
await engine.close();
if (process.env.PROFILE_STATEMENTS) {
  // needs the cluster started with shared_preload_libraries=pg_stat_statements
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await admin.query(
    `SELECT d.datname, s.calls, round(s.total_exec_time::numeric / s.calls, 3) AS ms_per_call,
       s.wal_bytes / s.calls AS wal_per_call, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) AS q
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname LIKE 'profile_%' AND s.calls >= $1 ORDER BY d.datname, s.total_exec_time DESC`,
    [n / 2],
  );
  for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
}
await admin.end();
