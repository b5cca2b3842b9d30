import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { countQueries } from './databases.ts';
import type { Runner } from './runner.ts';
import { relayActor } from './workflow.ts';

const GENESIS = '0'.repeat(64);

/** A persisted snapshot the size and shape of a relay case's. */
function snapshotOf(steps: number, title: string) {
  return {
    status: 'active',
    value: steps % 2 === 0 ? 'first' : 'second',
    context: { title, steps, lastOpinion: '同意' },
    historyValue: {},
    children: {},
  };
}

/**
 * The raw-PostgreSQL baseline: the same durable write per transition with plain `pg`,
 * one transaction — lock the case row, update snapshot + version, append a hash-chained
 * ledger row, upsert the open task, commit (6 round trips).
 */
export async function prepareBaseline(url: string, maxClients: number): Promise<Runner> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  const counter = countQueries(pool);
  const cases: { id: string; steps: number }[] = [];
  for (let i = 0; i < maxClients; i++) {
    const id = randomUUID();
    const title = `基准办件 ${i + 1}`;
    const now = new Date();
    await pool.query(
      `INSERT INTO cases (id, unit_id, workflow, workflow_version, title, state, status, snapshot,
        fields, rev, started_by, created_at, updated_at, ledger_seq, ledger_head, assignments)
       VALUES ($1, 'demo', 'bench-relay', 1, $2, 'first', 'active', $3, '{"steps":0}', 1, $4, $5, $5,
        0, $6, '[]')`,
      [id, title, JSON.stringify(snapshotOf(0, title)), relayActor(0), now, GENESIS],
    );
    cases.push({ id, steps: 0 });
  }

  async function step(c: { id: string; steps: number }) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT rev, ledger_seq, ledger_head, title, state FROM cases WHERE id = $1 FOR UPDATE',
        [c.id],
      );
      const row = rows[0] as {
        rev: number;
        ledger_seq: number;
        ledger_head: string;
        title: string;
        state: string;
      };
      const now = new Date();
      const steps = c.steps + 1;
      const toState = steps % 2 === 0 ? 'first' : 'second';
      const actor = relayActor(c.steps);
      const entry = JSON.stringify({
        caseId: c.id,
        seq: row.ledger_seq + 1,
        at: now.toISOString(),
        actorId: actor,
        event: 'APPROVE',
        fromState: row.state,
        toState,
        opinion: '同意',
        prevHash: row.ledger_head,
      });
      const hash = createHash('sha256').update(`${row.ledger_head}\n${entry}`).digest('hex');
      await client.query(
        `UPDATE cases SET snapshot = $2, rev = $3, state = $4, fields = $5, updated_at = $6,
          ledger_seq = $7, ledger_head = $8 WHERE id = $1`,
        [
          c.id,
          JSON.stringify(snapshotOf(steps, row.title)),
          row.rev + 1,
          toState,
          JSON.stringify({ steps }),
          now,
          row.ledger_seq + 1,
          hash,
        ],
      );
      await client.query(
        `INSERT INTO ledger (case_id, seq, unit_id, at, actor_id, on_behalf_of, event, from_state,
          to_state, opinion, fields, entry, prev_hash, hash)
         VALUES ($1, $2, 'demo', $3, $4, NULL, 'APPROVE', $5, $6, '同意', '{}', $7, $8, $9)`,
        [c.id, row.ledger_seq + 1, now, actor, row.state, toState, entry, row.ledger_head, hash],
      );
      await client.query(
        `INSERT INTO tasks (id, unit_id, case_id, workflow, key, kind, label, events, candidates,
          created_at)
         VALUES ($1, 'demo', $2, 'bench-relay', 'approve', 'act', '审批', '{APPROVE}', $3, $4)
         ON CONFLICT (case_id, key) WHERE done_at IS NULL
         DO UPDATE SET candidates = EXCLUDED.candidates, created_at = EXCLUDED.created_at`,
        [randomUUID(), c.id, [relayActor(steps)], now],
      );
      await client.query('COMMIT');
      c.steps = steps;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  return {
    name: 'baseline',
    queries: counter.count,
    op: (client) => step(cases[client]!),
    close: () => pool.end(),
  };
}
