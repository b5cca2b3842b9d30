/**
 * The text of `gongwen_apply_transition`, the PL/pgSQL function that writes a step, in the
 * pieces its versions share: migration 0003 created it, 0007 added the outbox's `task_id`,
 * 0009 lets it create the case of a start. Each migration assembles exactly the SQL it has
 * always sent; a new version adds a new assembly here and never changes an old one.
 */

/** `CREATE` (0003) or `CREATE OR REPLACE` (later versions). */
type Create = 'CREATE' | 'CREATE OR REPLACE';

const SIGNATURE = ` FUNCTION gongwen_apply_transition(w jsonb) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_case text := w->>'case_id';
      v_c jsonb := w->'case';
      v_l jsonb := w->'ledger';
      v_n integer;
    BEGIN
`;

/** Updates the case row if its rev is still the expected one; otherwise returns 0. */
const UPDATE_CASE = `      UPDATE cases SET rev = (v_c->>'rev')::int, state = v_c->>'state', status = v_c->>'status',
        snapshot = v_c->'snapshot', title = v_c->>'title', fields = v_c->'fields',
        updated_at = (v_c->>'updated_at')::timestamptz, ledger_seq = (v_c->>'ledger_seq')::int,
        ledger_head = v_c->>'ledger_head', assignments = v_c->'assignments'
      WHERE id = v_case AND rev = (w->>'expected_rev')::int;
      GET DIAGNOSTICS v_n = ROW_COUNT;
      IF v_n = 0 THEN
        RETURN 0;
      END IF;

`;

/** Ledger entry, tasks closed and opened, timers deleted and upserted. */
const LEDGER_TASKS_TIMERS = `      INSERT INTO ledger (case_id, seq, unit_id, at, actor_id, on_behalf_of, event, from_state,
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

`;

/** The outbox insert as 0003 wrote it (no task_id). */
const OUTBOX_0003 = `      IF jsonb_array_length(w->'outbox') > 0 THEN
        INSERT INTO outbox (id, unit_id, case_id, channel, recipients, title, body, created_at)
        SELECT id, unit_id, case_id, channel, recipients, title, body, created_at
        FROM jsonb_to_recordset(w->'outbox') AS x(id text, unit_id text, case_id text,
          channel text, recipients text[], title text, body text, created_at timestamptz);
      END IF;

`;

/** The outbox insert since 0007 (with task_id). */
const OUTBOX_0007 = `      IF jsonb_array_length(w->'outbox') > 0 THEN
        INSERT INTO outbox (id, unit_id, case_id, task_id, channel, recipients, title, body,
          created_at)
        SELECT id, unit_id, case_id, task_id, channel, recipients, title, body, created_at
        FROM jsonb_to_recordset(w->'outbox') AS x(id text, unit_id text, case_id text,
          task_id text, channel text, recipients text[], title text, body text,
          created_at timestamptz);
      END IF;

`;

const COMMAND_AND_END = `      IF jsonb_typeof(w->'command') = 'object' THEN
        INSERT INTO commands (id, unit_id, case_id, result)
        VALUES (w->'command'->>'id', v_l->>'unit_id', v_case, w->'command'->'result');
      END IF;
      RETURN 1;
    END
    $fn$;
  `;

/** 0009: a step that starts a case inserts it (`new_case` holds what only the first step knows). */
const CREATE_OR_UPDATE_CASE = `      IF jsonb_typeof(w->'new_case') = 'object' THEN
        INSERT INTO cases (id, unit_id, workflow, workflow_version, title, state, status,
          snapshot, fields, rev, started_by, created_at, updated_at, ledger_seq, ledger_head,
          assignments)
        VALUES (v_case, w->'new_case'->>'unit_id', w->'new_case'->>'workflow',
          (w->'new_case'->>'workflow_version')::int, v_c->>'title', v_c->>'state',
          v_c->>'status', v_c->'snapshot', v_c->'fields', (v_c->>'rev')::int,
          w->'new_case'->>'started_by', (w->'new_case'->>'created_at')::timestamptz,
          (v_c->>'updated_at')::timestamptz, (v_c->>'ledger_seq')::int, v_c->>'ledger_head',
          v_c->'assignments');
      ELSE
${UPDATE_CASE}      END IF;

`;

function assemble(create: Create, caseWrite: string, outbox: string): string {
  return `\n    ${create}${SIGNATURE}${caseWrite}${LEDGER_TASKS_TIMERS}${outbox}${COMMAND_AND_END}`;
}

/** The function as migration 0003 created it. */
export const applyTransition0003 = (create: Create): string =>
  assemble(create, UPDATE_CASE, OUTBOX_0003);

/** The function as migration 0007 replaced it: the outbox row names its task. */
export const APPLY_TRANSITION_0007: string = assemble(
  'CREATE OR REPLACE',
  UPDATE_CASE,
  OUTBOX_0007,
);

/** The function as migration 0009 replaced it: it also inserts the case a start creates. */
export const APPLY_TRANSITION_0009: string = assemble(
  'CREATE OR REPLACE',
  CREATE_OR_UPDATE_CASE,
  OUTBOX_0007,
);
