import { type Kysely, sql } from 'kysely';

/** The engine's tables: organisation, cases, ledger, tasks, timers, commands, outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE units (
      id text PRIMARY KEY,
      name text NOT NULL,
      issuer_code text
    );
    CREATE TABLE departments (
      id text PRIMARY KEY,
      unit_id text NOT NULL REFERENCES units(id),
      parent_id text REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
      name text NOT NULL,
      head_user_id text,
      sort integer NOT NULL DEFAULT 0
    );
    CREATE INDEX departments_unit ON departments (unit_id, sort);
    CREATE TABLE users (
      id text PRIMARY KEY,
      unit_id text NOT NULL REFERENCES units(id),
      department_id text REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
      name text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      superior_id text,
      active boolean NOT NULL DEFAULT true
    );
    CREATE INDEX users_unit ON users (unit_id, department_id);
    CREATE TABLE delegations (
      id text PRIMARY KEY,
      unit_id text NOT NULL REFERENCES units(id),
      principal_id text NOT NULL REFERENCES users(id),
      deputy_id text NOT NULL REFERENCES users(id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      workflows text[],
      CHECK (ends_at > starts_at),
      CHECK (principal_id <> deputy_id)
    );
    CREATE INDEX delegations_deputy ON delegations (deputy_id, starts_at);

    CREATE TABLE cases (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      workflow text NOT NULL,
      workflow_version integer NOT NULL,
      title text NOT NULL,
      state text NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'done')),
      snapshot jsonb NOT NULL,
      fields jsonb NOT NULL,
      rev integer NOT NULL,
      started_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      ledger_seq integer NOT NULL,
      ledger_head text NOT NULL,
      assignments jsonb NOT NULL
    );
    CREATE INDEX cases_unit_workflow ON cases (unit_id, workflow, created_at DESC);

    CREATE TABLE ledger (
      case_id text NOT NULL,
      seq integer NOT NULL,
      unit_id text NOT NULL,
      at timestamptz NOT NULL,
      actor_id text NOT NULL,
      on_behalf_of text,
      event text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      opinion text,
      fields jsonb NOT NULL,
      entry text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (case_id, seq)
    );
    CREATE INDEX ledger_actor ON ledger (actor_id, at DESC);
    CREATE INDEX ledger_on_behalf_of ON ledger (on_behalf_of, at DESC) WHERE on_behalf_of IS NOT NULL;

    CREATE TABLE tasks (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      case_id text NOT NULL,
      workflow text NOT NULL,
      key text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('act', 'read', 'remind')),
      label text NOT NULL,
      events text[] NOT NULL,
      candidates text[] NOT NULL,
      created_at timestamptz NOT NULL,
      due_at timestamptz,
      opened_at timestamptz,
      done_at timestamptz,
      done_by text,
      done_on_behalf_of text,
      done_event text
    );
    CREATE INDEX tasks_case ON tasks (case_id, created_at);
    CREATE UNIQUE INDEX tasks_open_key ON tasks (case_id, key) WHERE done_at IS NULL;

    CREATE TABLE task_candidates (
      principal_id text NOT NULL,
      task_id text NOT NULL,
      unit_id text NOT NULL,
      case_id text NOT NULL,
      workflow text NOT NULL,
      kind text NOT NULL,
      created_at timestamptz NOT NULL,
      due_at timestamptz,
      PRIMARY KEY (principal_id, task_id)
    );
    CREATE INDEX task_candidates_newest ON task_candidates (principal_id, created_at DESC, task_id DESC);
    CREATE INDEX task_candidates_due ON task_candidates (principal_id, due_at);
    CREATE INDEX task_candidates_task ON task_candidates (task_id);

    CREATE TABLE timers (
      case_id text NOT NULL,
      send_id text NOT NULL,
      unit_id text NOT NULL,
      due_at timestamptz NOT NULL,
      event jsonb NOT NULL,
      claimed_by text,
      lease_until timestamptz,
      PRIMARY KEY (case_id, send_id)
    );
    CREATE INDEX timers_due ON timers (due_at);

    CREATE TABLE commands (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      case_id text NOT NULL,
      result jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE outbox (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      case_id text,
      channel text NOT NULL CHECK (channel IN ('inApp', 'sms', 'mail')),
      recipients text[] NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      claimed_by text,
      lease_until timestamptz
    );
    CREATE INDEX outbox_pending ON outbox (created_at) WHERE sent_at IS NULL;
  `.execute(db);
}

/** Drops everything `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE outbox, commands, timers, task_candidates, tasks, ledger, cases,
      delegations, users, departments, units;
  `.execute(db);
}
