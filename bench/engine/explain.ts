/**
 * Diagnostic (not part of npm run bench): EXPLAIN (ANALYZE, BUFFERS, WAL) of the store's
 * one-statement transition write, taken inside a live engine.send under a savepoint that is
 * rolled back before the real statement runs.
 *   GONGWEN_PG_URL=… npx tsx bench/engine/explain.ts
 */
import { createPostgresStore } from '@gongwen/adapters/postgres';
import pg from 'pg';
import { freshDatabase } from './databases.ts';
import { prepareEngine } from './transitions.ts';

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, string>[] }>;

const url = await freshDatabase(process.env.GONGWEN_PG_URL!, 'explain_engine');
const pool = new pg.Pool({ connectionString: url, max: 2 });
let explainNext = false;
pool.on('connect', (client) => {
  const query = client.query.bind(client) as unknown as Query;
  (client as unknown as { query: Query }).query = async (text, values) => {
    if (explainNext && typeof text === 'string' && /^\s*WITH upd AS/.test(text)) {
      explainNext = false;
      const size = JSON.stringify(values ?? []).length;
      process.stdout.write(
        `statement ${text.length} chars, ${values?.length ?? 0} parameters (${size} bytes)\n`,
      );
      await query('SAVEPOINT bench_explain');
      const plan = await query(`EXPLAIN (ANALYZE, BUFFERS, WAL, SUMMARY) ${text}`, values);
      await query('ROLLBACK TO SAVEPOINT bench_explain');
      for (const r of plan.rows) process.stdout.write(`${r['QUERY PLAN']}\n`);
      // The same write 300 times under a savepoint: unnamed (parsed and planned each time, as
      // Kysely sends it) versus a named prepared statement (planned once, then cached).
      const named = client.query.bind(client) as unknown as (cfg: object) => Promise<unknown>;
      for (const [label, run] of [
        ['unnamed', () => query(text, values)],
        ['named prepared', () => named({ name: 'bench_transition', text, values })],
      ] as const) {
        const t0 = performance.now();
        for (let i = 0; i < 300; i++) {
          await query('SAVEPOINT bench_replay');
          await run();
          await query('ROLLBACK TO SAVEPOINT bench_replay');
        }
        const ms = (performance.now() - t0) / 300;
        process.stdout.write(
          `${label}: ${ms.toFixed(3)} ms per write (incl. 2 savepoint round trips)\n`,
        );
      }
    }
    return query(text, values);
  };
});
const engine = await prepareEngine('engine', await createPostgresStore({ pool }), 1);
for (let i = 0; i < 500; i++) await engine.op(0);
explainNext = true;
await engine.op(0);
await engine.close();
