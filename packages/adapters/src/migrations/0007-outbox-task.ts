import { type Kysely, sql } from 'kysely';

/**
 * An outbox row names the task its 待办/待阅 notice announces (\`task_id\`), so that whoever
 * keeps the notices can tell when the task closed; \`gongwen_apply_transition\` writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN task_id text;`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION gongwen_apply_transition(w jsonb) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_case text := w->>'case_id';
      v_c jsonb := w->'case';
      v_l jsonb := w->'ledger';
      v_n integer;
    BEGIN
      UPDATE cases SET rev = (v_c->>'rev')::int, state = v_c->>'state', status = v_c->>'status',
        snapshot = v_c->'snapshot', title = v_c->>'title', fields = v_c->'fields',
        updated_at = (v_c->>'updated_at')::timestamptz, ledger_seq = (v_c->>'ledger_seq')::int,
        ledger_head = v_c->>'ledger_head', assignments = v_c->'assignments'
      WHERE id = v_case AND rev = (w->>'expected_rev')::int;
      GET DIAGNOSTICS v_n = ROW_COUNT;
      IF v_n = 0 THEN
        RETURN 0;
      END IF;

      INSERT INTO ledger (case_id, seq, unit_id, at, actor_id, on_behalf_of, event, from_state,
        to_state, opinion, fields, entry, prev_hash, hash)
      VALUES (v_case, (v_l->>'seq')::int, v_l->>'unit_id', (v_l->>'at')::timestamptz,
        v_l->>'actor_id', v_l->>'on_behalf_of', v_l->>'event', v_l->>'from_state',
        v_l->>'to_state', v_l->>'opinion', v_l->'fields', v_l->>'entry', v_l->>'prev_hash',
        v_l->>'hash');

      IF jsonb_array_length(w->'close_tasks') > 0 THEN
        WITH closed AS (
          UPDATE tasks t SET done_at = (w->>'closed_at')::timestamptz, done_by = x.done_by,
            done_on_behalf_of = x.done_on_behalf_of, done_event = x.done_event
          FROM jsonb_to_recordset(w->'close_tasks')
            AS x(key text, done_by text, done_on_behalf_of text, done_event text)
          WHERE t.case_id = v_case AND t.done_at IS NULL AND t.key = x.key
          RETURNING t.id)
        DELETE FROM task_candidates WHERE task_id IN (SELECT id FROM closed);
      END IF;

      IF jsonb_array_length(w->'open_tasks') > 0 THEN
        INSERT INTO tasks (id, unit_id, case_id, workflow, key, kind, label, events, candidates,
          created_at, due_at)
        SELECT id, unit_id, case_id, workflow, key, kind, label, events, candidates, created_at, due_at
        FROM jsonb_to_recordset(w->'open_tasks') AS x(id text, unit_id text, case_id text,
          workflow text, key text, kind text, label text, events text[], candidates text[],
          created_at timestamptz, due_at timestamptz);
        INSERT INTO task_candidates (principal_id, task_id, unit_id, case_id, workflow, kind,
          created_at, due_at)
        SELECT p, x.id, x.unit_id, x.case_id, x.workflow, x.kind, x.created_at, x.due_at
        FROM jsonb_to_recordset(w->'open_tasks') AS x(id text, unit_id text, case_id text,
          workflow text, kind text, candidates text[], created_at timestamptz, due_at timestamptz),
          unnest(x.candidates) AS p;
      END IF;

      IF (w->>'delete_all_timers')::boolean THEN
        DELETE FROM timers WHERE case_id = v_case;
      ELSIF jsonb_array_length(w->'delete_timers') > 0 THEN
        DELETE FROM timers WHERE case_id = v_case
          AND send_id IN (SELECT jsonb_array_elements_text(w->'delete_timers'));
      END IF;

      IF jsonb_array_length(w->'timers') > 0 THEN
        INSERT INTO timers (case_id, send_id, unit_id, due_at, event)
        SELECT case_id, send_id, unit_id, due_at, event
        FROM jsonb_to_recordset(w->'timers')
          AS x(case_id text, send_id text, unit_id text, due_at timestamptz, event jsonb)
        ON CONFLICT (case_id, send_id) DO UPDATE
          SET due_at = EXCLUDED.due_at, event = EXCLUDED.event, claimed_by = NULL, lease_until = NULL;
      END IF;

      IF jsonb_array_length(w->'outbox') > 0 THEN
        INSERT INTO outbox (id, unit_id, case_id, task_id, channel, recipients, title, body,
          created_at)
        SELECT id, unit_id, case_id, task_id, channel, recipients, title, body, created_at
        FROM jsonb_to_recordset(w->'outbox') AS x(id text, unit_id text, case_id text,
          task_id text, channel text, recipients text[], title text, body text,
          created_at timestamptz);
      END IF;

      IF jsonb_typeof(w->'command') = 'object' THEN
        INSERT INTO commands (id, unit_id, case_id, result)
        VALUES (w->'command'->>'id', v_l->>'unit_id', v_case, w->'command'->'result');
      END IF;
      RETURN 1;
    END
    $fn$;
  `.execute(db);
}

/** The function as 0003 made it, and the outbox without the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION gongwen_apply_transition(w jsonb) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_case text := w->>'case_id';
      v_c jsonb := w->'case';
      v_l jsonb := w->'ledger';
      v_n integer;
    BEGIN
      UPDATE cases SET rev = (v_c->>'rev')::int, state = v_c->>'state', status = v_c->>'status',
        snapshot = v_c->'snapshot', title = v_c->>'title', fields = v_c->'fields',
        updated_at = (v_c->>'updated_at')::timestamptz, ledger_seq = (v_c->>'ledger_seq')::int,
        ledger_head = v_c->>'ledger_head', assignments = v_c->'assignments'
      WHERE id = v_case AND rev = (w->>'expected_rev')::int;
      GET DIAGNOSTICS v_n = ROW_COUNT;
      IF v_n = 0 THEN
        RETURN 0;
      END IF;

      INSERT INTO ledger (case_id, seq, unit_id, at, actor_id, on_behalf_of, event, from_state,
        to_state, opinion, fields, entry, prev_hash, hash)
      VALUES (v_case, (v_l->>'seq')::int, v_l->>'unit_id', (v_l->>'at')::timestamptz,
        v_l->>'actor_id', v_l->>'on_behalf_of', v_l->>'event', v_l->>'from_state',
        v_l->>'to_state', v_l->>'opinion', v_l->'fields', v_l->>'entry', v_l->>'prev_hash',
        v_l->>'hash');

      IF jsonb_array_length(w->'close_tasks') > 0 THEN
        WITH closed AS (
          UPDATE tasks t SET done_at = (w->>'closed_at')::timestamptz, done_by = x.done_by,
            done_on_behalf_of = x.done_on_behalf_of, done_event = x.done_event
          FROM jsonb_to_recordset(w->'close_tasks')
            AS x(key text, done_by text, done_on_behalf_of text, done_event text)
          WHERE t.case_id = v_case AND t.done_at IS NULL AND t.key = x.key
          RETURNING t.id)
        DELETE FROM task_candidates WHERE task_id IN (SELECT id FROM closed);
      END IF;

      IF jsonb_array_length(w->'open_tasks') > 0 THEN
        INSERT INTO tasks (id, unit_id, case_id, workflow, key, kind, label, events, candidates,
          created_at, due_at)
        SELECT id, unit_id, case_id, workflow, key, kind, label, events, candidates, created_at, due_at
        FROM jsonb_to_recordset(w->'open_tasks') AS x(id text, unit_id text, case_id text,
          workflow text, key text, kind text, label text, events text[], candidates text[],
          created_at timestamptz, due_at timestamptz);
        INSERT INTO task_candidates (principal_id, task_id, unit_id, case_id, workflow, kind,
          created_at, due_at)
        SELECT p, x.id, x.unit_id, x.case_id, x.workflow, x.kind, x.created_at, x.due_at
        FROM jsonb_to_recordset(w->'open_tasks') AS x(id text, unit_id text, case_id text,
          workflow text, kind text, candidates text[], created_at timestamptz, due_at timestamptz),
          unnest(x.candidates) AS p;
      END IF;

      IF (w->>'delete_all_timers')::boolean THEN
        DELETE FROM timers WHERE case_id = v_case;
      ELSIF jsonb_array_length(w->'delete_timers') > 0 THEN
        DELETE FROM timers WHERE case_id = v_case
          AND send_id IN (SELECT jsonb_array_elements_text(w->'delete_timers'));
      END IF;

      IF jsonb_array_length(w->'timers') > 0 THEN
        INSERT INTO timers (case_id, send_id, unit_id, due_at, event)
        SELECT case_id, send_id, unit_id, due_at, event
        FROM jsonb_to_recordset(w->'timers')
          AS x(case_id text, send_id text, unit_id text, due_at timestamptz, event jsonb)
        ON CONFLICT (case_id, send_id) DO UPDATE
          SET due_at = EXCLUDED.due_at, event = EXCLUDED.event, claimed_by = NULL, lease_until = NULL;
      END IF;

      IF jsonb_array_length(w->'outbox') > 0 THEN
        INSERT INTO outbox (id, unit_id, case_id, channel, recipients, title, body, created_at)
        SELECT id, unit_id, case_id, channel, recipients, title, body, created_at
        FROM jsonb_to_recordset(w->'outbox') AS x(id text, unit_id text, case_id text,
          channel text, recipients text[], title text, body text, created_at timestamptz);
      END IF;

      IF jsonb_typeof(w->'command') = 'object' THEN
        INSERT INTO commands (id, unit_id, case_id, result)
        VALUES (w->'command'->>'id', v_l->>'unit_id', v_case, w->'command'->'result');
      END IF;
      RETURN 1;
    END
    $fn$;
  `.execute(db);
  await sql`ALTER TABLE outbox DROP COLUMN task_id;`.execute(db);
}
