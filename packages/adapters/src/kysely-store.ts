import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type CommandRecord,
  CommandReplayed,
  type DirectoryRepository,
  type InboxItem,
  type LedgerRecord,
  type OutboxRecord,
  type Store,
  type StoreTx,
  type TaskRecord,
  type TimerRecord,
  VersionConflict,
} from '@gongwen/core';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import {
  toCase,
  toDelegation,
  toDepartment,
  toLedger,
  toOutbox,
  toTask,
  toTimer,
  toUnit,
  toUser,
} from './rows.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/** Options of `createKyselyStore`. */
export interface KyselyStoreOptions {
  /** Called by `close()` after the store stops (e.g. to end a pool or close PGlite). */
  onClose?: () => Promise<void>;
}

const json = (v: unknown) => JSON.stringify(v);

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

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

function candidateValues(tasks: readonly TaskRecord[]) {
  return json(
    tasks.flatMap((t) =>
      t.candidates.map((p) => ({
        principal_id: p,
        task_id: t.id,
        unit_id: t.unitId,
        case_id: t.caseId,
        workflow: t.workflow,
        kind: t.kind,
        created_at: t.createdAt,
        due_at: t.dueAt,
      })),
    ),
  );
}

function timerRecords(timers: readonly TimerRecord[]) {
  return timers.map((t) => ({
    case_id: t.caseId,
    send_id: t.sendId,
    unit_id: t.unitId,
    due_at: t.dueAt,
    event: t.event,
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

/** CTE members shared by createCase and applyTransition; each is skipped when it has no rows. */
function insertCtes(w: {
  openTasks: readonly TaskRecord[];
  scheduleTimers: readonly TimerRecord[];
  outbox: readonly OutboxRecord[];
  command: CommandRecord | null;
  unitId: string;
}): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (w.openTasks.length > 0) {
    parts.push(sql`new_tasks AS (
      INSERT INTO tasks (id, unit_id, case_id, workflow, key, kind, label, events, candidates, created_at, due_at)
      SELECT id, unit_id, case_id, workflow, key, kind, label, events, candidates, created_at, due_at
      FROM jsonb_to_recordset(${json(taskRecords(w.openTasks))}::jsonb) AS x(id text, unit_id text, case_id text,
        workflow text, key text, kind text, label text, events text[], candidates text[],
        created_at timestamptz, due_at timestamptz)
      RETURNING 1)`);
    parts.push(sql`new_candidates AS (
      INSERT INTO task_candidates (principal_id, task_id, unit_id, case_id, workflow, kind, created_at, due_at)
      SELECT principal_id, task_id, unit_id, case_id, workflow, kind, created_at, due_at
      FROM jsonb_to_recordset(${candidateValues(w.openTasks)}::jsonb) AS x(principal_id text, task_id text,
        unit_id text, case_id text, workflow text, kind text, created_at timestamptz, due_at timestamptz)
      RETURNING 1)`);
  }
  if (w.scheduleTimers.length > 0) {
    parts.push(sql`new_timers AS (
      INSERT INTO timers (case_id, send_id, unit_id, due_at, event)
      SELECT case_id, send_id, unit_id, due_at, event
      FROM jsonb_to_recordset(${json(timerRecords(w.scheduleTimers))}::jsonb) AS x(case_id text, send_id text,
        unit_id text, due_at timestamptz, event jsonb)
      ON CONFLICT (case_id, send_id) DO UPDATE
        SET due_at = EXCLUDED.due_at, event = EXCLUDED.event, claimed_by = NULL, lease_until = NULL
      RETURNING 1)`);
  }
  if (w.outbox.length > 0) {
    parts.push(sql`new_outbox AS (
      INSERT INTO outbox (id, unit_id, case_id, task_id, channel, recipients, title, body, created_at)
      SELECT id, unit_id, case_id, task_id, channel, recipients, title, body, created_at
      FROM jsonb_to_recordset(${json(outboxRecords(w.outbox))}::jsonb) AS x(id text, unit_id text, case_id text,
        task_id text, channel text, recipients text[], title text, body text, created_at timestamptz)
      RETURNING 1)`);
  }
  if (w.command) {
    parts.push(sql`new_command AS (
      INSERT INTO commands (id, unit_id, case_id, result)
      VALUES (${w.command.id}, ${w.unitId}, ${w.command.caseId}, ${json(w.command.result)}::jsonb)
      RETURNING 1)`);
  }
  return parts;
}

function ledgerInsert(l: LedgerRecord) {
  return sql`new_ledger AS (
    INSERT INTO ledger (case_id, seq, unit_id, at, actor_id, on_behalf_of, event, from_state, to_state,
      opinion, fields, entry, prev_hash, hash)
    VALUES (${l.caseId}, ${l.seq}, ${l.unitId}, ${l.at}, ${l.actorId}, ${l.onBehalfOf}, ${l.event},
      ${l.fromState}, ${l.toState}, ${l.opinion}, ${json(l.fields)}::jsonb, ${l.entry}, ${l.prevHash}, ${l.hash})
    RETURNING 1)`;
}

/** Per Kysely instance: the connection to use now (the store's open transaction, if any). */
export const storeConnections = new WeakMap<Kysely<Database>, () => Db>();

/**
 * A `Store` on any Kysely PostgreSQL dialect (pg, PGlite). Each transition is written
 * with one statement of data-modifying CTEs inside the transaction, after one row-locking
 * read, so a step costs four round trips: BEGIN, lock, write, COMMIT.
 */

export function createKyselyStore(db: Kysely<Database>, options: KyselyStoreOptions = {}): Store {
  /** Directory reads made inside a transaction use its connection (no second connection, no deadlock). */
  const current = new AsyncLocalStorage<Transaction<Database>>();
  const conn = (): Db => current.getStore() ?? db;
  storeConnections.set(db, conn);

  function makeTx(trx: Transaction<Database>): StoreTx {
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
        const ctes = [
          sql`new_case AS (
            INSERT INTO cases (id, unit_id, workflow, workflow_version, title, state, status, snapshot, fields,
              rev, started_by, created_at, updated_at, ledger_seq, ledger_head, assignments)
            VALUES (${c.id}, ${c.unitId}, ${c.workflow}, ${c.workflowVersion}, ${c.title}, ${c.state}, ${c.status},
              ${json(c.snapshot)}::jsonb, ${json(c.fields)}::jsonb, ${c.rev}, ${c.startedBy}, ${c.createdAt},
              ${c.updatedAt}, ${c.ledgerSeq}, ${c.ledgerHead}, ${json(c.assignments)}::jsonb)
            RETURNING 1)`,
          ledgerInsert(w.ledger),
          ...insertCtes({ ...w, unitId: c.unitId }),
        ];
        try {
          await sql`WITH ${sql.join(ctes)} SELECT 1`.execute(trx);
        } catch (e) {
          rethrow(e, w.command?.id ?? null);
        }
      },

      async applyTransition(w) {
        const c = w.case;
        const l = w.ledger;
        const scheduled = new Set(w.scheduleTimers.map((t) => t.sendId));
        const deleteAll = w.deleteTimers.includes('*');
        const doc = {
          case_id: w.caseId,
          expected_rev: w.expectedRev,
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
          timers: deleteAll ? [] : timerRecords(w.scheduleTimers),
          outbox: outboxRecords(w.outbox),
          command: w.command,
        };
        let updated: number;
        try {
          const { rows } = await sql<{
            n: number;
          }>`SELECT gongwen_apply_transition(${json(doc)}::jsonb) AS n`.execute(trx);
          updated = rows[0]?.n ?? 0;
        } catch (e) {
          rethrow(e, w.command?.id ?? null);
        }
        if (updated !== 1)
          throw new VersionConflict('该办件已被他人处理，请刷新后重试', { caseId: w.caseId });
      },

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

  const directory: DirectoryRepository = {
    async putUnit(u) {
      await sql`INSERT INTO units (id, name, issuer_code) VALUES (${u.id}, ${u.name}, ${u.issuerCode})
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, issuer_code = EXCLUDED.issuer_code`.execute(
        conn(),
      );
    },
    async putDepartment(d) {
      await sql`INSERT INTO departments (id, unit_id, parent_id, name, head_user_id, sort)
        VALUES (${d.id}, ${d.unitId}, ${d.parentId}, ${d.name}, ${d.headUserId}, ${d.sort})
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, parent_id = EXCLUDED.parent_id,
          name = EXCLUDED.name, head_user_id = EXCLUDED.head_user_id, sort = EXCLUDED.sort`.execute(
        conn(),
      );
    },
    async putUser(u) {
      await sql`INSERT INTO users (id, unit_id, department_id, name, roles, superior_id, active)
        VALUES (${u.id}, ${u.unitId}, ${u.departmentId}, ${u.name}, ${u.roles}::text[], ${u.superiorId}, ${u.active})
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, department_id = EXCLUDED.department_id,
          name = EXCLUDED.name, roles = EXCLUDED.roles, superior_id = EXCLUDED.superior_id,
          active = EXCLUDED.active`.execute(conn());
    },
    async putDelegation(d) {
      await sql`INSERT INTO delegations (id, unit_id, principal_id, deputy_id, starts_at, ends_at, workflows)
        VALUES (${d.id}, ${d.unitId}, ${d.principalId}, ${d.deputyId}, ${d.startsAt}, ${d.endsAt}, ${d.workflows}::text[])
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, principal_id = EXCLUDED.principal_id,
          deputy_id = EXCLUDED.deputy_id, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
          workflows = EXCLUDED.workflows`.execute(conn());
    },
    async removeDelegation(id) {
      await sql`DELETE FROM delegations WHERE id = ${id}`.execute(conn());
    },
    async getUnit(id) {
      const { rows } = await sql<Row>`SELECT * FROM units WHERE id = ${id}`.execute(conn());
      return rows[0] ? toUnit(rows[0]) : null;
    },
    async getUser(id) {
      const { rows } = await sql<Row>`SELECT * FROM users WHERE id = ${id}`.execute(conn());
      return rows[0] ? toUser(rows[0]) : null;
    },
    async getUsers(ids) {
      if (ids.length === 0) return [];
      const { rows } =
        await sql<Row>`SELECT * FROM users WHERE id = ANY(${[...ids]}::text[])`.execute(conn());
      return rows.map(toUser);
    },
    async getDepartment(id) {
      const { rows } = await sql<Row>`SELECT * FROM departments WHERE id = ${id}`.execute(conn());
      return rows[0] ? toDepartment(rows[0]) : null;
    },
    async listDepartments(unitId) {
      const { rows } =
        await sql<Row>`SELECT * FROM departments WHERE unit_id = ${unitId} ORDER BY sort, id`.execute(
          conn(),
        );
      return rows.map(toDepartment);
    },
    async listUsers({ unitId, departmentId, role }) {
      const { rows } = await sql<Row>`SELECT * FROM users WHERE unit_id = ${unitId}
        ${departmentId === undefined ? sql`` : sql`AND department_id = ${departmentId}`}
        ${role === undefined ? sql`` : sql`AND active AND ${role} = ANY(roles)`}
        ORDER BY id`.execute(conn());
      return rows.map(toUser);
    },
    async delegationsOfDeputy(deputyId, at) {
      const { rows } = await sql<Row>`SELECT * FROM delegations
        WHERE deputy_id = ${deputyId} AND starts_at <= ${at} AND ends_at > ${at}
        ORDER BY starts_at, id`.execute(conn());
      return rows.map(toDelegation);
    },
    async listDelegations(unitId) {
      const { rows } =
        await sql<Row>`SELECT * FROM delegations WHERE unit_id = ${unitId} ORDER BY id`.execute(
          conn(),
        );
      return rows.map(toDelegation);
    },
  };

  return {
    directory,

    transaction: (fn) => db.transaction().execute((trx) => current.run(trx, () => fn(makeTx(trx)))),

    async currentSerial(unitId, scope) {
      const { rows } = await sql<{ value: number }>`SELECT value FROM serials
        WHERE unit_id = ${unitId} AND scope = ${scope}`.execute(conn());
      return rows[0]?.value ?? 0;
    },

    async getCase(id) {
      const { rows } = await sql<Row>`SELECT * FROM cases WHERE id = ${id}`.execute(conn());
      return rows[0] ? toCase(rows[0]) : null;
    },

    async getCommand(id) {
      const { rows } =
        await sql<Row>`SELECT id, case_id, result FROM commands WHERE id = ${id}`.execute(conn());
      const r = rows[0];
      return r ? { id: r.id as string, caseId: r.case_id as string, result: r.result } : null;
    },

    async listLedger(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM ledger WHERE case_id = ${caseId} ORDER BY seq`.execute(conn());
      return rows.map(toLedger);
    },

    async listTasks(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM tasks WHERE case_id = ${caseId} ORDER BY created_at, id`.execute(
          conn(),
        );
      return rows.map(toTask);
    },

    async inbox(q) {
      const principalFilter = sql.join(
        q.principals.map((p) =>
          p.workflows === null
            ? sql`tc.principal_id = ${p.id}`
            : sql`(tc.principal_id = ${p.id} AND tc.workflow = ANY(${p.workflows}::text[]))`,
        ),
        sql` OR `,
      );
      const filters = [sql`tc.unit_id = ${q.unitId}`, sql`(${principalFilter})`];
      if (q.workflow !== undefined) filters.push(sql`tc.workflow = ${q.workflow}`);
      if (q.kind !== undefined) filters.push(sql`tc.kind = ${q.kind}`);
      if (q.overdue === true) filters.push(sql`tc.due_at < ${q.now}`);
      if (q.overdue === false) filters.push(sql`(tc.due_at IS NULL OR tc.due_at >= ${q.now})`);
      if (q.search) {
        const like = containing(q.search);
        filters.push(sql`EXISTS (SELECT 1 FROM cases sc JOIN tasks st ON st.id = tc.task_id
          WHERE sc.id = tc.case_id AND (sc.title LIKE ${like} OR st.label LIKE ${like}))`);
      }
      const where = sql.join(filters, sql` AND `);
      const order =
        q.sort === 'oldest'
          ? sql`m.created_at ASC, m.task_id ASC`
          : q.sort === 'dueSoonest'
            ? sql`m.due_at ASC NULLS LAST, m.created_at ASC, m.task_id ASC`
            : sql`m.created_at DESC, m.task_id DESC`;
      // With one principal each task appears once; with several, keep one row per task,
      // preferring the actor's own (the first principal).
      const matches =
        q.principals.length === 1
          ? sql`SELECT tc.task_id, tc.principal_id, tc.created_at, tc.due_at FROM task_candidates tc WHERE ${where}`
          : sql`SELECT DISTINCT ON (tc.task_id) tc.task_id, tc.principal_id, tc.created_at, tc.due_at
              FROM task_candidates tc WHERE ${where}
              ORDER BY tc.task_id, (tc.principal_id = ${q.principals[0]!.id}) DESC`;
      const [page, count] = await Promise.all([
        sql<Row>`SELECT t.*, c.title AS case_title, c.state AS case_state, c.fields AS case_fields,
            m.principal_id AS inbox_principal
          FROM (${matches}) m JOIN tasks t ON t.id = m.task_id JOIN cases c ON c.id = t.case_id
          ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{ n: number }>`SELECT count(*)::int AS n FROM (${matches}) m`.execute(conn()),
      ]);
      const items: InboxItem[] = page.rows.map((r) => ({
        task: toTask(r),
        caseTitle: r.case_title as string,
        caseState: r.case_state as string,
        caseFields: (typeof r.case_fields === 'string'
          ? JSON.parse(r.case_fields)
          : r.case_fields) as Record<string, unknown>,
        principalId: r.inbox_principal as string,
      }));
      return { items, total: count.rows[0]?.n ?? 0 };
    },

    async listCases(q) {
      const filters = [sql`unit_id = ${q.unitId}`];
      if (q.workflow !== undefined) filters.push(sql`workflow = ${q.workflow}`);
      if (q.status !== undefined) filters.push(sql`status = ${q.status}`);
      if (q.createdFrom !== undefined) filters.push(sql`created_at >= ${q.createdFrom}`);
      if (q.createdTo !== undefined) filters.push(sql`created_at < ${q.createdTo}`);
      if (q.search) filters.push(sql`title LIKE ${containing(q.search)}`);
      const where = sql.join(filters, sql` AND `);
      const [page, count] = await Promise.all([
        sql<Row>`SELECT * FROM cases WHERE ${where} ORDER BY created_at DESC, id DESC
          LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE ${where}`.execute(conn()),
      ]);
      return { items: page.rows.map(toCase), total: count.rows[0]?.n ?? 0 };
    },

    async done(q) {
      const filters = [sql`c.unit_id = ${q.unitId}`];
      if (q.workflow !== undefined) filters.push(sql`c.workflow = ${q.workflow}`);
      if (q.search) {
        const like = containing(q.search);
        filters.push(sql`c.title LIKE ${like}`);
      }
      const acted = sql`SELECT case_id, max(at) AS last_at FROM (
          SELECT case_id, at FROM ledger WHERE actor_id = ${q.userId}
          UNION ALL SELECT case_id, at FROM ledger WHERE on_behalf_of = ${q.userId}) l GROUP BY case_id`;
      const where = sql.join(filters, sql` AND `);
      const [page, count] = await Promise.all([
        sql<Row>`SELECT c.*, a.last_at FROM (${acted}) a JOIN cases c ON c.id = a.case_id WHERE ${where}
          ORDER BY a.last_at DESC, c.id LIMIT ${q.limit} OFFSET ${q.offset}`.execute(conn()),
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM (${acted}) a JOIN cases c ON c.id = a.case_id WHERE ${where}`.execute(
          conn(),
        ),
      ]);
      return {
        items: page.rows.map((r) => ({
          caseRecord: toCase(r),
          lastActedAt: new Date(r.last_at as Date),
        })),
        total: count.rows[0]?.n ?? 0,
      };
    },

    async markTaskOpened(taskId, at) {
      await sql`UPDATE tasks SET opened_at = ${at} WHERE id = ${taskId} AND opened_at IS NULL`.execute(
        conn(),
      );
    },

    async claimDueTimers(now, limit, workerId, leaseUntil) {
      const { rows } = await sql<Row>`
        UPDATE timers t SET claimed_by = ${workerId}, lease_until = ${leaseUntil}
        FROM (SELECT case_id, send_id FROM timers
              WHERE due_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
              ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) d
        WHERE t.case_id = d.case_id AND t.send_id = d.send_id
        RETURNING t.*`.execute(conn());
      return rows
        .map((r) => ({ ...toTimer(r), claimedBy: r.claimed_by as string }))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    },

    async nextTimerDue(now) {
      const { rows } = await sql<{ due_at: Date }>`SELECT due_at FROM timers
        WHERE lease_until IS NULL OR lease_until < ${now} ORDER BY due_at LIMIT 1`.execute(conn());
      return rows[0] ? new Date(rows[0].due_at) : null;
    },

    async listTimers(caseId) {
      const { rows } =
        await sql<Row>`SELECT * FROM timers WHERE case_id = ${caseId} ORDER BY due_at, send_id`.execute(
          conn(),
        );
      return rows.map(toTimer);
    },

    async claimOutbox(now, limit, workerId, leaseUntil) {
      const { rows } = await sql<Row>`
        UPDATE outbox o SET claimed_by = ${workerId}, lease_until = ${leaseUntil}
        FROM (SELECT id FROM outbox WHERE sent_at IS NULL AND (lease_until IS NULL OR lease_until < ${now})
              ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) d
        WHERE o.id = d.id RETURNING o.*`.execute(conn());
      return rows.map(toOutbox).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    async markOutboxSent(ids, at) {
      if (ids.length === 0) return;
      await sql`UPDATE outbox SET sent_at = ${at} WHERE id = ANY(${[...ids]}::text[])`.execute(
        conn(),
      );
    },

    async close() {
      await db.destroy();
      await options.onClose?.();
    },
  };
}
