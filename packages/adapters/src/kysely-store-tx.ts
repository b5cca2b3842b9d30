import {
  CommandReplayed,
  type OutboxRecord,
  type StoreTx,
  type TaskRecord,
  type TransitionWrite,
  VersionConflict,
} from '@gongwen/core';
import { sql, type Transaction } from 'kysely';
import { json, type Row } from './kysely-connection.ts';
import { toCase, toTimer } from './rows.ts';
import type { Database } from './schema.ts';

/** PostgreSQL error code of a unique violation and the constraint it names. */
function uniqueViolation(e: unknown): string | null {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (err?.code !== '23505') return null;
  if (typeof err.constraint === 'string') return err.constraint;
  const m = /constraint "([^"]+)"/.exec(String(err.message ?? ''));
  return m?.[1] ?? '';
}

function rethrow(e: unknown, commandId: string | null): never {
  const constraint = uniqueViolation(e);
  if (constraint === 'commands_pkey' && commandId !== null) throw new CommandReplayed(commandId);
  if (constraint === 'cases_pkey') throw new VersionConflict('办件编号已存在', { constraint });
  if (constraint === 'ledger_pkey')
    throw new VersionConflict('该办件已被他人处理，请刷新后重试', { constraint });
  if (constraint === 'tasks_open_key')
    throw new VersionConflict('待办已变化，请重试', { constraint });
  throw e;
}

function taskRecords(tasks: readonly TaskRecord[]) {
  return tasks.map((t) => ({
    id: t.id,
    unit_id: t.unitId,
    case_id: t.caseId,
    workflow: t.workflow,
    key: t.key,
    kind: t.kind,
    label: t.label,
    events: t.events,
    candidates: t.candidates,
    created_at: t.createdAt,
    due_at: t.dueAt,
  }));
}

function outboxRecords(rows: readonly OutboxRecord[]) {
  return rows.map((o) => ({
    id: o.id,
    unit_id: o.unitId,
    case_id: o.caseId,
    task_id: o.taskId ?? null,
    channel: o.channel,
    recipients: o.recipients,
    title: o.title,
    body: o.body,
    created_at: o.createdAt,
  }));
}

/** What only the step that starts a case knows: `gongwen_apply_transition` inserts the case. */
interface NewCaseColumns {
  unit_id: string;
  workflow: string;
  workflow_version: number;
  started_by: string;
  created_at: Date;
}

/** The one jsonb document `gongwen_apply_transition` takes (migrations 0003, 0007, 0009). */
function transitionDocument(w: TransitionWrite, newCase: NewCaseColumns | null) {
  const c = w.case;
  const l = w.ledger;
  const scheduled = new Set(w.scheduleTimers.map((t) => t.sendId));
  const deleteAll = w.deleteTimers.includes('*');
  return {
    case_id: w.caseId,
    expected_rev: w.expectedRev,
    new_case: newCase,
    case: {
      rev: c.rev,
      state: c.state,
      status: c.status,
      snapshot: c.snapshot,
      title: c.title,
      fields: c.fields,
      updated_at: c.updatedAt,
      ledger_seq: c.ledgerSeq,
      ledger_head: c.ledgerHead,
      assignments: c.assignments,
    },
    ledger: {
      seq: l.seq,
      unit_id: l.unitId,
      at: l.at,
      actor_id: l.actorId,
      on_behalf_of: l.onBehalfOf,
      event: l.event,
      from_state: l.fromState,
      to_state: l.toState,
      opinion: l.opinion,
      fields: l.fields,
      entry: l.entry,
      prev_hash: l.prevHash,
      hash: l.hash,
    },
    closed_at: w.closedAt,
    close_tasks: w.closeTasks.map((t) => ({
      key: t.key,
      done_by: t.doneBy,
      done_on_behalf_of: t.doneOnBehalfOf,
      done_event: t.doneEvent,
    })),
    open_tasks: taskRecords(w.openTasks),
    delete_all_timers: deleteAll,
    // A timer scheduled again in this step is replaced by the upsert, not deleted.
    delete_timers: w.deleteTimers.filter((id) => id !== '*' && !scheduled.has(id)),
    timers: deleteAll
      ? []
      : w.scheduleTimers.map((t) => ({
          case_id: t.caseId,
          send_id: t.sendId,
          unit_id: t.unitId,
          due_at: t.dueAt,
          event: t.event,
        })),
    outbox: outboxRecords(w.outbox),
    command: w.command,
  };
}

/**
 * The one write path: every step, the first included, is one call of the PL/pgSQL function
 * `gongwen_apply_transition` with one jsonb document. It returns 0 when the case's rev moved.
 */
async function applyStep(
  trx: Transaction<Database>,
  w: TransitionWrite,
  newCase: NewCaseColumns | null,
): Promise<void> {
  let updated: number;
  try {
    const { rows } = await sql<{
      n: number;
    }>`SELECT gongwen_apply_transition(${json(transitionDocument(w, newCase))}::jsonb) AS n`.execute(
      trx,
    );
    updated = rows[0]?.n ?? 0;
  } catch (e) {
    rethrow(e, w.command?.id ?? null);
  }
  if (updated !== 1)
    throw new VersionConflict('该办件已被他人处理，请刷新后重试', { caseId: w.caseId });
}

/** The operations of one store transaction on its Kysely transaction. */
export function kyselyStoreTx(trx: Transaction<Database>): StoreTx {
  return {
    async lockCase(caseId, commandId) {
      const { rows } = await sql<Row>`
        SELECT c.*, (SELECT to_jsonb(cmd) FROM commands cmd WHERE cmd.id = ${commandId}) AS command_row
        FROM cases c WHERE c.id = ${caseId} FOR UPDATE OF c`.execute(trx);
      const row = rows[0];
      let commandRow = row?.command_row as Row | null | undefined;
      if (!row && commandId !== null) {
        const r =
          await sql<Row>`SELECT to_jsonb(cmd) AS command_row FROM commands cmd WHERE cmd.id = ${commandId}`.execute(
            trx,
          );
        commandRow = r.rows[0]?.command_row as Row | undefined;
      }
      const command = commandRow
        ? {
            id: commandRow.id as string,
            caseId: commandRow.case_id as string,
            result: commandRow.result,
          }
        : null;
      return { caseRecord: row ? toCase(row) : null, command };
    },

    async createCase(w) {
      const c = w.case;
      await applyStep(
        trx,
        {
          caseId: c.id,
          expectedRev: 0,
          case: c,
          ledger: w.ledger,
          closeTasks: [],
          closedAt: c.createdAt,
          openTasks: w.openTasks,
          deleteTimers: [],
          scheduleTimers: w.scheduleTimers,
          outbox: w.outbox,
          command: w.command,
        },
        {
          unit_id: c.unitId,
          workflow: c.workflow,
          workflow_version: c.workflowVersion,
          started_by: c.startedBy,
          created_at: c.createdAt,
        },
      );
    },

    applyTransition: (w) => applyStep(trx, w, null),

    async nextSerial(unitId, scope) {
      const { rows } = await sql<{ value: number }>`
        INSERT INTO serials (unit_id, scope, value) VALUES (${unitId}, ${scope}, 1)
        ON CONFLICT (unit_id, scope) DO UPDATE SET value = serials.value + 1
        RETURNING value`.execute(trx);
      return rows[0]!.value;
    },

    async takeTimer(caseId, sendId, workerId) {
      const { rows } = await sql<Row>`
        DELETE FROM timers WHERE case_id = ${caseId} AND send_id = ${sendId} AND claimed_by = ${workerId}
        RETURNING *`.execute(trx);
      return rows[0] ? toTimer(rows[0]) : null;
    },

    async setWorkflowVersion(caseId, workflowVersion) {
      await sql`UPDATE cases SET workflow_version = ${workflowVersion} WHERE id = ${caseId}`.execute(
        trx,
      );
    },
  };
}
