import type { Delegation, Department, Unit, User } from '../directory/model.ts';
import { CommandReplayed, VersionConflict } from '../errors.ts';
import type {
  CaseRecord,
  ClaimedTimer,
  CommandRecord,
  DirectoryRepository,
  DoneItem,
  InboxItem,
  LedgerRecord,
  OutboxRecord,
  Page,
  StartWrite,
  Store,
  StoreTx,
  TaskRecord,
} from '../ports/store.ts';

interface Tables {
  cases: Map<string, CaseRecord>;
  ledger: Map<string, LedgerRecord[]>;
  tasks: Map<string, TaskRecord>;
  timers: Map<string, ClaimedTimer & { leaseUntil: Date | null }>;
  commands: Map<string, CommandRecord>;
  outbox: Map<
    string,
    OutboxRecord & { sentAt: Date | null; leaseUntil: Date | null; claimedBy: string | null }
  >;
  units: Map<string, Unit>;
  departments: Map<string, Department>;
  users: Map<string, User>;
  delegations: Map<string, Delegation>;
  serials: Map<string, number>;
}

const timerKey = (caseId: string, sendId: string) => `${caseId}\u0000${sendId}`;
const clone = <T>(v: T): T => structuredClone(v);

/**
 * The reference `Store`, kept in memory: transactions are serialised and roll back
 * by discarding a copy of the tables. For tests, examples and adapter authors to read;
 * not for production (nothing survives the process).
 */
export function createMemoryStore(): Store {
  let db: Tables = {
    cases: new Map(),
    ledger: new Map(),
    tasks: new Map(),
    timers: new Map(),
    commands: new Map(),
    outbox: new Map(),
    units: new Map(),
    departments: new Map(),
    users: new Map(),
    delegations: new Map(),
    serials: new Map(),
  };
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Serialises every write (transactions and single-statement writes alike). */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('memory store is closed'));
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  function copyTables(t: Tables): Tables {
    return {
      cases: new Map(t.cases),
      ledger: new Map(t.ledger),
      tasks: new Map(t.tasks),
      timers: new Map(t.timers),
      commands: new Map(t.commands),
      outbox: new Map(t.outbox),
      units: new Map(t.units),
      departments: new Map(t.departments),
      users: new Map(t.users),
      delegations: new Map(t.delegations),
      serials: new Map(t.serials),
    };
  }

  function insertCommand(t: Tables, command: CommandRecord | null) {
    if (!command) return;
    if (t.commands.has(command.id)) throw new CommandReplayed(command.id);
    t.commands.set(command.id, clone(command));
  }

  /** New timers (replacing any with the same send id) and outbox rows of a write. */
  function insertEffects(t: Tables, w: Pick<StartWrite, 'scheduleTimers' | 'outbox'>) {
    for (const timer of w.scheduleTimers) {
      t.timers.set(timerKey(timer.caseId, timer.sendId), {
        ...clone(timer),
        claimedBy: '',
        leaseUntil: null,
      });
    }
    for (const o of w.outbox) {
      t.outbox.set(o.id, { ...clone(o), sentAt: null, leaseUntil: null, claimedBy: null });
    }
  }

  function makeTx(t: Tables): StoreTx {
    return {
      async lockCase(caseId, commandId) {
        const c = t.cases.get(caseId);
        const command = commandId === null ? undefined : t.commands.get(commandId);
        return { caseRecord: c ? clone(c) : null, command: command ? clone(command) : null };
      },
      async createCase(w) {
        if (t.cases.has(w.case.id))
          throw new VersionConflict('case already exists', { caseId: w.case.id });
        insertCommand(t, w.command);
        t.cases.set(w.case.id, clone(w.case));
        t.ledger.set(w.case.id, [clone(w.ledger)]);
        for (const task of w.openTasks) t.tasks.set(task.id, clone(task));
        insertEffects(t, w);
      },
      async applyTransition(w) {
        const current = t.cases.get(w.caseId);
        if (!current || current.rev !== w.expectedRev) {
          throw new VersionConflict('case changed concurrently', { caseId: w.caseId });
        }
        insertCommand(t, w.command);
        t.cases.set(w.caseId, { ...current, ...clone(w.case) });
        t.ledger.set(w.caseId, [...(t.ledger.get(w.caseId) ?? []), clone(w.ledger)]);
        const closing = new Map(w.closeTasks.map((c) => [c.key, c]));
        for (const [id, task] of t.tasks) {
          const c =
            task.caseId === w.caseId && task.doneAt === null ? closing.get(task.key) : undefined;
          if (c)
            t.tasks.set(id, {
              ...task,
              doneAt: w.closedAt,
              doneBy: c.doneBy,
              doneOnBehalfOf: c.doneOnBehalfOf,
              doneEvent: c.doneEvent,
            });
        }
        for (const task of w.openTasks) t.tasks.set(task.id, clone(task));
        const all = w.deleteTimers.includes('*');
        for (const [key, timer] of t.timers) {
          if (timer.caseId === w.caseId && (all || w.deleteTimers.includes(timer.sendId)))
            t.timers.delete(key);
        }
        insertEffects(t, w);
      },
      async nextSerial(unitId, scope) {
        const key = `${unitId}\u0000${scope}`;
        const value = (t.serials.get(key) ?? 0) + 1;
        t.serials.set(key, value);
        return value;
      },
      async takeTimer(caseId, sendId, workerId) {
        const key = timerKey(caseId, sendId);
        const timer = t.timers.get(key);
        if (!timer || timer.claimedBy !== workerId) return null;
        t.timers.delete(key);
        const { claimedBy: _c, leaseUntil: _l, ...rest } = timer;
        return clone(rest);
      },
      async setWorkflowVersion(caseId, workflowVersion) {
        const c = t.cases.get(caseId);
        if (c) t.cases.set(caseId, { ...c, workflowVersion });
      },
    };
  }

  const directory: DirectoryRepository = {
    putUnit: (u) => exclusive(async () => void db.units.set(u.id, clone(u))),
    putDepartment: (d) => exclusive(async () => void db.departments.set(d.id, clone(d))),
    putUser: (u) => exclusive(async () => void db.users.set(u.id, clone(u))),
    putDelegation: (d) => exclusive(async () => void db.delegations.set(d.id, clone(d))),
    removeDelegation: (id) => exclusive(async () => void db.delegations.delete(id)),
    getUnit: async (id) => clone(db.units.get(id) ?? null),
    getUser: async (id) => clone(db.users.get(id) ?? null),
    getUsers: async (ids) =>
      ids.flatMap((id) => (db.users.has(id) ? [clone(db.users.get(id)!)] : [])),
    getDepartment: async (id) => clone(db.departments.get(id) ?? null),
    listDepartments: async (unitId) =>
      [...db.departments.values()]
        .filter((d) => d.unitId === unitId)
        .sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id))
        .map(clone),
    listUsers: async ({ unitId, departmentId, role }) =>
      [...db.users.values()]
        .filter(
          (u) =>
            u.unitId === unitId &&
            (departmentId === undefined || u.departmentId === departmentId) &&
            (role === undefined || (u.active && u.roles.includes(role))),
        )
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(clone),
    delegationsOfDeputy: async (deputyId, at) =>
      [...db.delegations.values()]
        .filter((d) => d.deputyId === deputyId && d.startsAt <= at && at < d.endsAt)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
        .map(clone),
    listDelegations: async (unitId) =>
      [...db.delegations.values()]
        .filter((d) => d.unitId === unitId)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(clone),
  };

  return {
    directory,
    transaction: (fn) =>
      exclusive(async () => {
        const working = copyTables(db);
        const result = await fn(makeTx(working));
        db = working;
        return result;
      }),
    currentSerial: async (unitId, scope) => db.serials.get(`${unitId}\u0000${scope}`) ?? 0,
    getCase: async (id) => clone(db.cases.get(id) ?? null),
    getCommand: async (id) => clone(db.commands.get(id) ?? null),
    listLedger: async (caseId) => clone(db.ledger.get(caseId) ?? []),
    listTasks: async (caseId) =>
      [...db.tasks.values()]
        .filter((t) => t.caseId === caseId)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
        .map(clone),
    async inbox(q): Promise<Page<InboxItem>> {
      const items: InboxItem[] = [];
      for (const task of db.tasks.values()) {
        if (task.doneAt !== null || task.unitId !== q.unitId) continue;
        const principal = q.principals.find(
          (p) =>
            task.candidates.includes(p.id) &&
            (p.workflows === null || p.workflows.includes(task.workflow)),
        );
        if (!principal) continue;
        if (q.workflow !== undefined && task.workflow !== q.workflow) continue;
        if (q.kind !== undefined && task.kind !== q.kind) continue;
        const isOverdue = task.dueAt !== null && task.dueAt < q.now;
        if (q.overdue !== undefined && isOverdue !== q.overdue) continue;
        const c = db.cases.get(task.caseId)!;
        if (q.search && !c.title.includes(q.search) && !task.label.includes(q.search)) continue;
        items.push({
          task: clone(task),
          caseTitle: c.title,
          caseState: c.state,
          caseFields: clone(c.fields),
          principalId: principal.id,
        });
      }
      const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
      items.sort((a, b) => {
        const byCreated = a.task.createdAt.getTime() - b.task.createdAt.getTime();
        const tie = a.task.id.localeCompare(b.task.id);
        if (q.sort === 'oldest') return byCreated || tie;
        if (q.sort === 'dueSoonest')
          return time(a.task.dueAt) - time(b.task.dueAt) || byCreated || tie;
        return -byCreated || -tie;
      });
      return { items: items.slice(q.offset, q.offset + q.limit), total: items.length };
    },
    async listCases(q) {
      const items = [...db.cases.values()]
        .filter(
          (c) =>
            c.unitId === q.unitId &&
            (q.workflow === undefined || c.workflow === q.workflow) &&
            (q.status === undefined || c.status === q.status) &&
            (q.createdFrom === undefined || c.createdAt >= q.createdFrom) &&
            (q.createdTo === undefined || c.createdAt < q.createdTo) &&
            (!q.search || c.title.includes(q.search)),
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
      return { items: items.slice(q.offset, q.offset + q.limit).map(clone), total: items.length };
    },
    async done(q): Promise<Page<DoneItem>> {
      const items: DoneItem[] = [];
      for (const [caseId, entries] of db.ledger) {
        const c = db.cases.get(caseId)!;
        if (c.unitId !== q.unitId) continue;
        if (q.workflow !== undefined && c.workflow !== q.workflow) continue;
        if (q.search && !c.title.includes(q.search)) continue;
        const mine = entries.filter((e) => e.actorId === q.userId || e.onBehalfOf === q.userId);
        if (mine.length === 0) continue;
        items.push({ caseRecord: clone(c), lastActedAt: mine[mine.length - 1]!.at });
      }
      items.sort(
        (a, b) =>
          b.lastActedAt.getTime() - a.lastActedAt.getTime() ||
          a.caseRecord.id.localeCompare(b.caseRecord.id),
      );
      return { items: items.slice(q.offset, q.offset + q.limit), total: items.length };
    },
    markTaskOpened: (taskId, at) =>
      exclusive(async () => {
        const task = db.tasks.get(taskId);
        if (task && task.openedAt === null) db.tasks.set(taskId, { ...task, openedAt: at });
      }),
    claimDueTimers: (now, limit, workerId, leaseUntil) =>
      exclusive(async () => {
        const due = [...db.timers.values()]
          .filter((t) => t.dueAt <= now && (t.leaseUntil === null || t.leaseUntil < now))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
          .slice(0, limit);
        return due.map((t) => {
          const claimed = { ...t, claimedBy: workerId, leaseUntil };
          db.timers.set(timerKey(t.caseId, t.sendId), claimed);
          const { leaseUntil: _l, ...rest } = claimed;
          return clone(rest);
        });
      }),
    async nextTimerDue(now) {
      let next: Date | null = null;
      for (const t of db.timers.values()) {
        const free = t.leaseUntil === null || t.leaseUntil < now;
        if (free && (next === null || t.dueAt < next)) next = t.dueAt;
      }
      return next;
    },
    listTimers: async (caseId) =>
      [...db.timers.values()]
        .filter((t) => t.caseId === caseId)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .map(({ claimedBy: _c, leaseUntil: _l, ...t }) => clone(t)),
    claimOutbox: (now, limit, workerId, leaseUntil) =>
      exclusive(async () => {
        const rows = [...db.outbox.values()]
          .filter((o) => o.sentAt === null && (o.leaseUntil === null || o.leaseUntil < now))
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .slice(0, limit);
        return rows.map((o) => {
          db.outbox.set(o.id, { ...o, leaseUntil, claimedBy: workerId });
          const { sentAt: _s, leaseUntil: _l, claimedBy: _c, ...rest } = o;
          return clone(rest);
        });
      }),
    markOutboxSent: (ids, at) =>
      exclusive(async () => {
        for (const id of ids) {
          const o = db.outbox.get(id);
          if (o) db.outbox.set(id, { ...o, sentAt: at });
        }
      }),
    async close() {
      closed = true;
    },
  };
}
