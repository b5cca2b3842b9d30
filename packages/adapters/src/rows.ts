import type {
  Assignment,
  CaseRecord,
  Delegation,
  Department,
  LedgerRecord,
  OutboxRecord,
  TaskKind,
  TaskRecord,
  TimerRecord,
  Unit,
  User,
} from '@gongwen/core';

/** Row shapes as the drivers return them (jsonb parsed, timestamptz as Date). */
type Row = Record<string, unknown>;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function toCase(r: Row): CaseRecord {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    workflow: r.workflow as string,
    workflowVersion: r.workflow_version as number,
    title: r.title as string,
    state: r.state as string,
    status: r.status as CaseRecord['status'],
    snapshot: json(r.snapshot),
    fields: json(r.fields),
    rev: r.rev as number,
    startedBy: r.started_by as string,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    ledgerSeq: r.ledger_seq as number,
    ledgerHead: r.ledger_head as string,
    assignments: json<Array<Omit<Assignment, 'dueAt'> & { dueAt: string | null }>>(
      r.assignments,
    ).map((a) => ({ ...a, dueAt: dateOrNull(a.dueAt) })),
  };
}

export function toLedger(r: Row): LedgerRecord {
  return {
    caseId: r.case_id as string,
    seq: r.seq as number,
    unitId: r.unit_id as string,
    at: date(r.at),
    actorId: r.actor_id as string,
    onBehalfOf: (r.on_behalf_of as string | null) ?? null,
    event: r.event as string,
    fromState: (r.from_state as string | null) ?? null,
    toState: r.to_state as string,
    opinion: (r.opinion as string | null) ?? null,
    fields: json(r.fields),
    entry: r.entry as string,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

export function toTask(r: Row): TaskRecord {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    caseId: r.case_id as string,
    workflow: r.workflow as string,
    key: r.key as string,
    kind: r.kind as TaskKind,
    label: r.label as string,
    events: r.events as string[],
    candidates: r.candidates as string[],
    createdAt: date(r.created_at),
    dueAt: dateOrNull(r.due_at),
    openedAt: dateOrNull(r.opened_at),
    doneAt: dateOrNull(r.done_at),
    doneBy: (r.done_by as string | null) ?? null,
    doneOnBehalfOf: (r.done_on_behalf_of as string | null) ?? null,
    doneEvent: (r.done_event as string | null) ?? null,
  };
}

export function toTimer(r: Row): TimerRecord {
  return {
    caseId: r.case_id as string,
    sendId: r.send_id as string,
    unitId: r.unit_id as string,
    dueAt: date(r.due_at),
    event: json(r.event),
  };
}

export function toOutbox(r: Row): OutboxRecord {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    caseId: (r.case_id as string | null) ?? null,
    taskId: (r.task_id as string | null) ?? null,
    channel: r.channel as OutboxRecord['channel'],
    recipients: r.recipients as string[],
    title: r.title as string,
    body: r.body as string,
    createdAt: date(r.created_at),
  };
}

export const toUnit = (r: Row): Unit => ({
  id: r.id as string,
  name: r.name as string,
  issuerCode: (r.issuer_code as string | null) ?? null,
});

export const toDepartment = (r: Row): Department => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  parentId: (r.parent_id as string | null) ?? null,
  name: r.name as string,
  headUserId: (r.head_user_id as string | null) ?? null,
  sort: r.sort as number,
});

export const toUser = (r: Row): User => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  departmentId: (r.department_id as string | null) ?? null,
  name: r.name as string,
  roles: r.roles as string[],
  superiorId: (r.superior_id as string | null) ?? null,
  active: r.active as boolean,
});

export const toDelegation = (r: Row): Delegation => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  principalId: r.principal_id as string,
  deputyId: r.deputy_id as string,
  startsAt: date(r.starts_at),
  endsAt: date(r.ends_at),
  workflows: (r.workflows as string[] | null) ?? null,
});
