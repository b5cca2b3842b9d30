import type { Delegation, Department, Unit, User } from '../directory/model.ts';

/** What a task asks of its assignees: act on the case, read it (传阅), or a reminder (催办). */
export type TaskKind = 'act' | 'read' | 'remind';

/** An open task as the case row keeps it, for authorising the next event without a join. */
export interface Assignment {
  key: string;
  kind: TaskKind;
  label: string;
  events: string[];
  candidates: string[];
  dueAt: Date | null;
}

/** Lifecycle of a case. */
export type CaseStatus = 'active' | 'done';

/** One running (or finished) workflow instance (办件). */
export interface CaseRecord {
  id: string;
  unitId: string;
  workflow: string;
  workflowVersion: number;
  title: string;
  /** Flattened state value, e.g. `review` or `handling.main,handling.assist`. */
  state: string;
  status: CaseStatus;
  /** The persisted XState snapshot (JSON). */
  snapshot: unknown;
  /** Header fields (文号, 密级, 紧急程度 …) as the workflow exposes them. */
  fields: Record<string, unknown>;
  /** Optimistic-concurrency version; +1 on every transition. */
  rev: number;
  startedBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Sequence number of the last ledger entry. */
  ledgerSeq: number;
  /** Hash of the last ledger entry (the chain head). */
  ledgerHead: string;
  assignments: Assignment[];
}

/** One row of the hash-chained ledger (流程台帐). */
export interface LedgerRecord {
  caseId: string;
  seq: number;
  unitId: string;
  at: Date;
  actorId: string;
  onBehalfOf: string | null;
  event: string;
  fromState: string | null;
  toState: string;
  opinion: string | null;
  fields: Record<string, unknown>;
  /** The canonical JSON text that was hashed (source of truth for verification). */
  entry: string;
  prevHash: string;
  hash: string;
}

/** A task (待办) row. */
export interface TaskRecord {
  id: string;
  unitId: string;
  caseId: string;
  workflow: string;
  key: string;
  kind: TaskKind;
  label: string;
  events: string[];
  candidates: string[];
  createdAt: Date;
  dueAt: Date | null;
  /** When an assignee first opened it (签收时间), or null. */
  openedAt: Date | null;
  doneAt: Date | null;
  doneBy: string | null;
  doneOnBehalfOf: string | null;
  doneEvent: string | null;
}

/** A durable timer: a delayed event for one case, unique per (case, sendId). */
export interface TimerRecord {
  caseId: string;
  sendId: string;
  unitId: string;
  dueAt: Date;
  event: { type: string; [key: string]: unknown };
}

/** A claimed timer: the worker that holds it and until when. */
export interface ClaimedTimer extends TimerRecord {
  claimedBy: string;
}

/** A notification waiting to be delivered through the `Notifier`. */
export interface OutboxRecord {
  id: string;
  unitId: string;
  caseId: string | null;
  /** The task a 待办/待阅 notice announces (null or absent for other notices). */
  taskId?: string | null;
  channel: 'inApp' | 'sms' | 'mail';
  recipients: string[];
  title: string;
  body: string;
  createdAt: Date;
}

/** The stored outcome of a command, returned again when it is retried. */
export interface CommandRecord {
  id: string;
  caseId: string;
  result: unknown;
}

/** Everything one transition writes, applied atomically. */
export interface TransitionWrite {
  caseId: string;
  /** The `rev` read under the row lock; the write fails with VersionConflict if it moved. */
  expectedRev: number;
  case: Pick<
    CaseRecord,
    | 'rev'
    | 'state'
    | 'status'
    | 'snapshot'
    | 'title'
    | 'fields'
    | 'updatedAt'
    | 'ledgerSeq'
    | 'ledgerHead'
    | 'assignments'
  >;
  ledger: LedgerRecord;
  /** Open tasks of this case to close, by key. */
  closeTasks: Array<{
    key: string;
    doneBy: string | null;
    doneOnBehalfOf: string | null;
    doneEvent: string | null;
  }>;
  closedAt: Date;
  openTasks: TaskRecord[];
  /** Timer send ids of this case to delete (cancelled, replaced or fired). */
  deleteTimers: string[];
  scheduleTimers: TimerRecord[];
  outbox: OutboxRecord[];
  command: CommandRecord | null;
}

/** A new case with its first ledger entry, tasks and timers. */
export interface StartWrite {
  case: CaseRecord;
  ledger: LedgerRecord;
  openTasks: TaskRecord[];
  scheduleTimers: TimerRecord[];
  outbox: OutboxRecord[];
  command: CommandRecord | null;
}

/** Inbox (待办) query: open tasks of several principals (the actor and those they deputise for). */
export interface InboxQuery {
  unitId: string;
  /** Each principal with the workflows the actor may see of theirs (null = all). */
  principals: Array<{ id: string; workflows: string[] | null }>;
  workflow?: string;
  kind?: TaskKind;
  /** Only tasks past due (true) or not past due (false) at `now`. */
  overdue?: boolean;
  now: Date;
  /** Substring of the case title or of the task label. */
  search?: string;
  sort?: 'newest' | 'oldest' | 'dueSoonest';
  limit: number;
  offset: number;
}

/** An inbox line: the task, its case's title, state and header fields, and for whom it is held. */
export interface InboxItem {
  task: TaskRecord;
  caseTitle: string;
  caseState: string;
  caseFields: Record<string, unknown>;
  /** The principal whose task this is (the actor, or whom they deputise for). */
  principalId: string;
}

/** Done (已办) query: cases the user acted on, most recent first. */
export interface DoneQuery {
  unitId: string;
  userId: string;
  workflow?: string;
  search?: string;
  limit: number;
  offset: number;
}

/** Case listing for registers, statistics and archives. */
export interface CaseQuery {
  unitId: string;
  workflow?: string;
  status?: CaseStatus;
  /** Cases created at or after this instant. */
  createdFrom?: Date;
  /** Cases created before this instant. */
  createdTo?: Date;
  /** Substring of the title. */
  search?: string;
  limit: number;
  offset: number;
}

/** A done line: the case and when the user last acted on it. */
export interface DoneItem {
  caseRecord: CaseRecord;
  lastActedAt: Date;
}

/** A page of results with the total count. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Operations inside one store transaction. */
export interface StoreTx {
  /** Locks the case row until commit and returns it with the result of `commandId`, if stored. */
  lockCase(
    caseId: string,
    commandId: string | null,
  ): Promise<{ caseRecord: CaseRecord | null; command: CommandRecord | null }>;
  /** Inserts a new case and its first writes; throws CommandReplayed on a duplicate command id. */
  createCase(write: StartWrite): Promise<void>;
  /** Applies a transition; throws VersionConflict when `expectedRev` moved, CommandReplayed on a duplicate command id. */
  applyTransition(write: TransitionWrite): Promise<void>;
  /**
   * The next number (1, 2, …) of a gapless sequence per unit and scope. The sequence row
   * stays locked until the transaction ends, and a rollback gives the number back.
   */
  nextSerial(unitId: string, scope: string): Promise<number>;
  /** Deletes and returns a timer claimed by `workerId`, or null when it is gone or held by another worker. */
  takeTimer(caseId: string, sendId: string, workerId: string): Promise<TimerRecord | null>;
  /** Moves a locked case to another version of its workflow (流程迁移), in the transaction that records the move. */
  setWorkflowVersion(caseId: string, workflowVersion: number): Promise<void>;
}

/** Directory records kept in the store (the standard `Directory` reads them). */
export interface DirectoryRepository {
  /** Inserts or replaces a unit. */
  putUnit(unit: Unit): Promise<void>;
  /** Inserts or replaces a department. */
  putDepartment(department: Department): Promise<void>;
  /** Inserts or replaces a user. */
  putUser(user: User): Promise<void>;
  /** Inserts or replaces a delegation. */
  putDelegation(delegation: Delegation): Promise<void>;
  /** Removes a delegation (no error when absent). */
  removeDelegation(id: string): Promise<void>;
  /** A unit by id, or null. */
  getUnit(unitId: string): Promise<Unit | null>;
  /** A user by id (inactive ones too), or null. */
  getUser(userId: string): Promise<User | null>;
  /** The users that exist among `userIds`, in any order. */
  getUsers(userIds: readonly string[]): Promise<User[]>;
  /** A department by id, or null. */
  getDepartment(departmentId: string): Promise<Department | null>;
  /** The departments of a unit. */
  listDepartments(unitId: string): Promise<Department[]>;
  /** The users of a unit, optionally of one department or with one role. */
  listUsers(query: { unitId: string; departmentId?: string; role?: string }): Promise<User[]>;
  /** Delegations naming `deputyId` in force at `at`. */
  delegationsOfDeputy(deputyId: string, at: Date): Promise<Delegation[]>;
  /** Delegations of a unit, for administration. */
  listDelegations(unitId: string): Promise<Delegation[]>;
}

/**
 * Persistence port. Every write that belongs to one transition happens inside
 * `transaction`, which commits when `fn` resolves and rolls back when it throws.
 */
export interface Store {
  /** Runs `fn` in one database transaction. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** A case by id, or null. */
  getCase(caseId: string): Promise<CaseRecord | null>;
  /** A stored command result, or null. */
  getCommand(commandId: string): Promise<CommandRecord | null>;
  /** The ledger of a case in sequence order. */
  listLedger(caseId: string): Promise<LedgerRecord[]>;
  /** Every task of a case, open and closed, oldest first. */
  listTasks(caseId: string): Promise<TaskRecord[]>;
  /** A page of open tasks for the principals. */
  inbox(query: InboxQuery): Promise<Page<InboxItem>>;
  /** A page of cases of a unit, newest first. */
  listCases(query: CaseQuery): Promise<Page<CaseRecord>>;
  /** A page of cases the user acted on. */
  done(query: DoneQuery): Promise<Page<DoneItem>>;
  /** Records the first time an assignee opened a task (签收时间); later calls keep the first time. */
  markTaskOpened(taskId: string, at: Date): Promise<void>;
  /** Claims up to `limit` due timers for `workerId` until `leaseUntil`, skipping rows others hold. */
  claimDueTimers(
    now: Date,
    limit: number,
    workerId: string,
    leaseUntil: Date,
  ): Promise<ClaimedTimer[]>;
  /** The earliest due time among timers nobody holds (unclaimed, or their lease lapsed before `now`), or null. */
  nextTimerDue(now: Date): Promise<Date | null>;
  /** Timers of one case (for inspection and tests). */
  listTimers(caseId: string): Promise<TimerRecord[]>;
  /** Claims up to `limit` undelivered outbox rows whose lease lapsed before `now`. */
  claimOutbox(
    now: Date,
    limit: number,
    workerId: string,
    leaseUntil: Date,
  ): Promise<OutboxRecord[]>;
  /** Marks outbox rows delivered. */
  markOutboxSent(ids: readonly string[], at: Date): Promise<void>;
  /** The last number taken from a sequence (0 when none was). */
  currentSerial(unitId: string, scope: string): Promise<number>;
  /** The organisation records kept in this store. */
  readonly directory: DirectoryRepository;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
