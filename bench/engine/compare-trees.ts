/**
 * Before/after in one process: the engine and store of another checkout of the repository
 * (BENCH_BEFORE_TREE, e.g. `git archive <rev> | tar -x -C /tmp/before` with a node_modules
 * whose @gongwen/* links point into it) beside this tree's, measured in alternating slices so
 * that the background load of a shared machine falls on both alike; one client. Two operations: a step
 * (`engine.send`, APPROVE on a relay case) and a start (`engine.start`, a new case each time),
 * each on PostgreSQL (GONGWEN_PG_URL) and PGlite. Knobs: BENCH_WARMUP_MS, BENCH_MEASURE_MS,
 * BENCH_ROUNDS. Not run by `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { freshDatabase } from './databases.ts';
import type { Runner } from './runner.ts';
import { relayActor, relayWorkflow } from './workflow.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const clusterUrl = process.env.GONGWEN_PG_URL;
const beforeTree = process.env.BENCH_BEFORE_TREE;
if (!clusterUrl || !beforeTree) throw new Error('set GONGWEN_PG_URL and BENCH_BEFORE_TREE');
const afterTree = resolve(import.meta.dirname, '../..');

// biome-ignore lint/suspicious/noExplicitAny: modules of two checkouts, typed alike at run time
type Module = any;

async function load(tree: string) {
  return {
    core: (await import(`${tree}/packages/core/src/index.ts`)) as Module,
    testing: (await import(`${tree}/packages/core/src/testing/index.ts`)) as Module,
    postgres: (await import(`${tree}/packages/adapters/src/postgres.ts`)) as Module,
    pglite: (await import(`${tree}/packages/adapters/src/pglite.ts`)) as Module,
  };
}

async function runners(label: string, tree: string, dialect: 'postgres' | 'pglite') {
  const m = await load(tree);
  const store =
    dialect === 'postgres'
      ? await m.postgres.createPostgresStore({
          connectionString: await freshDatabase(clusterUrl!, `bench_${label}`),
          max: 16,
        })
      : await m.pglite.createPgliteStore({ dataDir: 'memory://' });
  await m.testing.loadSampleOrg(store.directory);
  const engine = m.core.createWorkflowEngine({
    store,
    directory: m.core.createStoreDirectory(store.directory),
    workflows: [relayWorkflow],
  });
  const start = () =>
    engine.start({
      workflow: relayWorkflow.name,
      actorId: relayActor(0),
      commandId: randomUUID(),
      input: { title: '基准办件' },
    });
  const cases: { id: string; steps: number }[] = [];
  for (let i = 0; i < 1; i++) cases.push({ id: (await start()).caseId, steps: 0 });
  const send: Runner = {
    name: `send ${label}`,
    op: async (client) => {
      const c = cases[client]!;
      await engine.send({
        caseId: c.id,
        actorId: relayActor(c.steps),
        commandId: randomUUID(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      c.steps++;
    },
    close: () => store.close(),
  };
  const starts: Runner = {
    name: `start ${label}`,
    op: async () => void (await start()),
    close: async () => {},
  };
  return [send, starts];
}

/**
 * One client, the runners in alternating slices: operations per second (wall clock) and the
 * Node process's CPU time per operation — the latter barely moved by other processes' load
 * (on PGlite it includes the database, which runs in this process).
 */
async function measure(ordered: Runner[], rounds: number, sliceMs: number) {
  const acc = new Map(ordered.map((r) => [r.name, { ops: 0, ms: 0, cpuMs: 0 }]));
  for (const r of ordered) for (let i = 0; i < 20; i++) await r.op(0); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const r of ordered) {
      const a = acc.get(r.name)!;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      while (performance.now() - t0 < sliceMs) {
        await r.op(0);
        a.ops++;
      }
      a.ms += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      a.cpuMs += (cpu.user + cpu.system) / 1000;
    }
  }
  return acc;
}

const rounds = env('BENCH_ROUNDS', 6);
const sliceMs = env('BENCH_MEASURE_MS', 6000) / rounds;
const lines = [
  '| operation | before: per s | before: Node CPU ms/op | after: per s | after: Node CPU ms/op |',
  '| --- | --- | --- | --- | --- |',
];
for (const dialect of ['postgres', 'pglite'] as const) {
  const [sendBefore, startBefore] = await runners(`before_${dialect}`, beforeTree, dialect);
  const [sendAfter, startAfter] = await runners(`after_${dialect}`, afterTree, dialect);
  const ordered = [sendBefore!, sendAfter!, startBefore!, startAfter!];
  const r = await measure(ordered, rounds, sliceMs);
  const cell = (name: string) => {
    const a = r.get(name)!;
    return `${((a.ops * 1000) / a.ms).toFixed(0)} | ${(a.cpuMs / a.ops).toFixed(2)}`;
  };
  for (const op of ['send', 'start'])
    lines.push(
      `| ${op} on ${dialect} | ${cell(`${op} before_${dialect}`)} | ${cell(`${op} after_${dialect}`)} |`,
    );
  for (const runner of ordered) await runner.close();
}
process.stdout.write(`${lines.join('\n')}\n`);
