import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Table types of the Gongwen schema (see migrations/). */
export interface Database {
  units: { id: string; name: string; issuer_code: string | null };
  departments: {
    id: string;
    unit_id: string;
    parent_id: string | null;
    name: string;
    head_user_id: string | null;
    sort: number;
  };
  users: {
    id: string;
    unit_id: string;
    department_id: string | null;
    name: string;
    roles: string[];
    superior_id: string | null;
    active: boolean;
  };
  delegations: {
    id: string;
    unit_id: string;
    principal_id: string;
    deputy_id: string;
    starts_at: Timestamp;
    ends_at: Timestamp;
    workflows: string[] | null;
  };
  cases: {
    id: string;
    unit_id: string;
    workflow: string;
    workflow_version: number;
    title: string;
    state: string;
    status: string;
    snapshot: Json;
    fields: Json;
    rev: number;
    started_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    ledger_seq: number;
    ledger_head: string;
    assignments: Json;
  };
  ledger: {
    case_id: string;
    seq: number;
    unit_id: string;
    at: Timestamp;
    actor_id: string;
    on_behalf_of: string | null;
    event: string;
    from_state: string | null;
    to_state: string;
    opinion: string | null;
    fields: Json;
    entry: string;
    prev_hash: string;
    hash: string;
  };
  tasks: {
    id: string;
    unit_id: string;
    case_id: string;
    workflow: string;
    key: string;
    kind: string;
    label: string;
    events: string[];
    candidates: string[];
    created_at: Timestamp;
    due_at: Timestamp | null;
    opened_at: Timestamp | null;
    done_at: Timestamp | null;
    done_by: string | null;
    done_on_behalf_of: string | null;
    done_event: string | null;
  };
  task_candidates: {
    principal_id: string;
    task_id: string;
    unit_id: string;
    case_id: string;
    workflow: string;
    kind: string;
    created_at: Timestamp;
    due_at: Timestamp | null;
  };
  timers: {
    case_id: string;
    send_id: string;
    unit_id: string;
    due_at: Timestamp;
    event: Json;
    claimed_by: string | null;
    lease_until: Timestamp | null;
  };
  serials: { unit_id: string; scope: string; value: number };
  commands: {
    id: string;
    unit_id: string;
    case_id: string;
    result: Json;
    created_at: Generated<Date>;
  };
  outbox: {
    id: string;
    unit_id: string;
    case_id: string | null;
    /** The task a 待办/待阅 notice announces. */
    task_id: string | null;
    channel: string;
    recipients: string[];
    title: string;
    body: string;
    created_at: Timestamp;
    sent_at: Timestamp | null;
    claimed_by: string | null;
    lease_until: Timestamp | null;
  };
}
