import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import type { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { type Clock, systemClock } from '../clock.ts';
import { cacheUsers } from '../directory/cached-directory.ts';
import type { Directory } from '../directory/directory.ts';
import { delegationCovers, type User } from '../directory/model.ts';
import {
  CommandReplayed,
  InvalidEvent,
  NotFound,
  NotPermitted,
  ValidationFailed,
  VersionConflict,
} from '../errors.ts';
import {
  buildLedgerRecord,
  GENESIS_HASH,
  type LedgerVerification,
  verifyLedgerChain,
} from '../ledger/chain.ts';
import type { Notifier } from '../ports/notifier.ts';
import type {
  Assignment,
  CaseRecord,
  CommandRecord,
  DoneItem,
  InboxItem,
  LedgerRecord,
  OutboxRecord,
  Page,
  Store,
  StoreTx,
  TaskRecord,
  TimerRecord,
} from '../ports/store.ts';
import { stateToString } from '../util/state-value.ts';
import type { AssigneeRule } from '../workflow/assignee-rule.ts';
import type {
  CaseFacts,
  DueSpec,
  EventMeta,
  LedgerProjection,
  WorkflowDefinition,
} from '../workflow/definition.ts';
import { createRegistry } from '../workflow/registry.ts';
import {
  type DoneOptions,
  type InboxOptions,
  parseOrThrow,
  type ReassignCommand,
  type SendCommand,
  type StartCommand,
  ZDoneQuery,
  ZInboxQuery,
  ZReassignCommand,
  ZSendCommand,
  ZStartCommand,
} from './commands.ts';
import { collectEffects, handledEventTypes, type MachineEffects } from './machine-effects.ts';
import { type BackgroundWorker, pollLoop } from './poll-loop.ts';
import { resolveAssignees } from './resolve-assignees.ts';

/** The actor id the engine records for timer-fired transitions. */
export const TIMER_ACTOR = '$timer';

/** Options of `createWorkflowEngine`. */
export interface WorkflowEngineOptions {
  store: Store;
  directory: Directory;
  workflows: readonly WorkflowDefinition[];
  clock?: Clock;
  calendar?: WorkingCalendar;
  /** Id generator for cases, tasks and outbox rows (default: random UUIDs). */
  ids?: () => string;
  /** How long a worker holds claimed timers and outbox rows before others may take them over (default 60 s). */
  leaseMs?: number;
  /**
   * How long user records read from the directory are reused (default 1000 ms; 0 = always
   * read). A deactivated user may act for up to this long; delegations are never cached.
   */
  userCacheMs?: number;
  /** Who may hand open tasks to other people with `reassign` (default: the unit's `admin` role holders). */
  reassigners?: AssigneeRule;
}

/** What a start or send returns (and what a retried command returns again). */
export interface TransitionResult {
  caseId: string;
  rev: number;
  state: string;
  status: CaseRecord['status'];
  ledgerSeq: number;
  /** The principal the actor acted for, or null. */
  onBehalfOf: string | null;
}

/** An event the actor may send now. */
export interface AvailableEvent {
  type: string;
  title: string;
  /** The payload schema (zod), for in-process validation and forms. */
  schema: z.ZodType;
  /** The principal the actor would act for, or null when acting in their own right. */
  onBehalfOf: string | null;
}

/** Outcome of one `runDueTimers` pass. */
export interface TimerRunResult {
  claimed: number;
  /** Timers whose event the case accepted (a ledger entry was written). */
  fired: number;
  /** Timers removed without effect (case finished, or state no longer accepts the event). */
  discarded: number;
  /** Timers left for a later pass (e.g. a transient error); their lease lapses and they are retried. */
  failed: number;
}

/** A running timer worker. */
export type TimerWorker = BackgroundWorker;

interface Authorization {
  onBehalfOf: string | null;
  /** Keys of the open tasks through which the acting principal may send the event. */
  taskKeys: string[];
}

/**
 * Creates the workflow engine: the whole embedder API. Each command runs as one store
 * transaction; the XState machines stay pure and the engine owns all effects.
 */
export function createWorkflowEngine(options: WorkflowEngineOptions) {
  const { store } = options;
  const directory = cacheUsers(options.directory, options.userCacheMs ?? 1000);
  const clock = options.clock ?? systemClock;
  const calendar = options.calendar ?? createChineseCalendar();
  const newId = options.ids ?? (() => globalThis.crypto.randomUUID());
  const registry = createRegistry(options.workflows);
  const leaseMs = options.leaseMs ?? 60_000;

  async function activeUser(actorId: string): Promise<User> {
    const user = await directory.getUser(actorId);
    if (!user?.active) throw new NotPermitted('未知或已停用的用户', { actorId });
    return user;
  }

  function dueDate(spec: DueSpec | undefined, now: Date): Date | null {
    if (spec === undefined) return null;
    if (spec instanceof Date) return spec;
    if (typeof spec === 'string') return checkDate(new Date(spec));
    const from = spec.from === undefined ? now : checkDate(new Date(spec.from));
    return calendar.addWorkingDays(from, spec.workingDays);
  }

  /** Works out the task rows after a transition: kept (same key), closed and opened. */
  async function planTasks(
    def: WorkflowDefinition,
    snapshot: AnyMachineSnapshot,
    facts: CaseFacts,
    previous: readonly Assignment[],
    now: Date,
  ) {
    const specs = snapshot.status === 'active' ? def.tasks({ snapshot, facts }) : [];
    const before = new Map(previous.map((a) => [a.key, a]));
    const assignments: Assignment[] = [];
    const opened: Assignment[] = [];
    const seen = new Set<string>();
    for (const spec of specs) {
      if (seen.has(spec.key))
        throw new TypeError(`workflow ${def.name}: duplicate task key ${spec.key}`);
      seen.add(spec.key);
      const kept = before.get(spec.key);
      if (kept) {
        assignments.push(kept);
        continue;
      }
      const candidates = await resolveAssignees(spec.assignees, facts, directory);
      if (candidates.length === 0) {
        throw new ValidationFailed(`环节“${spec.label}”没有可指派的办理人`, {
          task: spec.key,
          assignees: spec.assignees,
        });
      }
      const a: Assignment = {
        key: spec.key,
        kind: spec.kind,
        label: spec.label,
        events: [...spec.events],
        candidates,
        dueAt: dueDate(spec.due, now),
      };
      assignments.push(a);
      opened.push(a);
    }
    const closed = previous.filter((a) => !seen.has(a.key));
    return { assignments, opened, closed };
  }

  function taskRows(
    def: WorkflowDefinition,
    caseId: string,
    unitId: string,
    opened: Assignment[],
    now: Date,
  ) {
    return opened.map(
      (a): TaskRecord => ({
        id: newId(),
        unitId,
        caseId,
        workflow: def.name,
        key: a.key,
        kind: a.kind,
        label: a.label,
        events: a.events,
        candidates: a.candidates,
        createdAt: now,
        dueAt: a.dueAt,
        openedAt: null,
        doneAt: null,
        doneBy: null,
        doneOnBehalfOf: null,
        doneEvent: null,
      }),
    );
  }

  /**
   * The outbox rows of a transition: a 待办/待阅 notice for each opened act or read task, and
   * the machine's own notifications. A candidate with a delegation in force for the workflow
   * is told who covers (待办：批示（刘洋代理）); the deputy gets the notice too, saying for whom
   * (待办：批示（代陈志强）) — unless the deputy is a candidate already.
   */
  async function outboxRows(
    unitId: string,
    caseId: string,
    title: string,
    opened: TaskRecord[],
    effects: MachineEffects,
    now: Date,
  ): Promise<OutboxRecord[]> {
    const rows: OutboxRecord[] = [];
    const notices = opened.filter((t) => t.kind !== 'remind');
    const delegations = notices.length === 0 ? [] : await directory.delegationsOfUnit(unitId, now);
    for (const t of notices) {
      const heading = `${t.kind === 'read' ? '待阅' : '待办'}：${t.label}`;
      const row = (recipients: string[], note = ''): OutboxRecord => ({
        id: newId(),
        unitId,
        caseId,
        taskId: t.id,
        channel: 'inApp',
        recipients,
        title: `${heading}${note}`,
        body: title,
        createdAt: now,
      });
      const deputies = await activeDeputies(
        delegations.filter(
          (d) =>
            d.unitId === unitId &&
            delegationCovers(d, now, t.workflow) &&
            d.deputyId !== d.principalId &&
            t.candidates.includes(d.principalId),
        ),
      );
      if (deputies.length === 0) {
        rows.push(row(t.candidates));
        continue;
      }
      const names = new Map(
        (
          await directory.getUsers([
            ...new Set(deputies.flatMap((d) => [d.principalId, d.deputyId])),
          ])
        ).map((u) => [u.id, u.name]),
      );
      const list = (ids: string[]) => [...new Set(ids)].map((id) => names.get(id) ?? id).join('、');
      const covered = new Set(deputies.map((d) => d.principalId));
      const uncovered = t.candidates.filter((c) => !covered.has(c));
      if (uncovered.length > 0) rows.push(row(uncovered));
      for (const principal of covered) {
        const by = deputies.filter((d) => d.principalId === principal).map((d) => d.deputyId);
        rows.push(row([principal], `（${list(by)}代理）`));
      }
      for (const deputy of new Set(deputies.map((d) => d.deputyId))) {
        if (t.candidates.includes(deputy)) continue;
        const of = deputies.filter((d) => d.deputyId === deputy).map((d) => d.principalId);
        rows.push(row([deputy], `（代${list(of)}）`));
      }
    }
    for (const n of effects.notify) {
      rows.push({
        id: newId(),
        unitId,
        caseId,
        channel: n.channel,
        recipients: n.to,
        title: n.title,
        body: n.body,
        createdAt: now,
      });
    }
    return rows;
  }

  /** The delegations whose deputy is an active user (an inactive deputy cannot act). */
  async function activeDeputies<D extends { deputyId: string }>(delegations: D[]): Promise<D[]> {
    if (delegations.length === 0) return [];
    const active = new Set(
      (await directory.getUsers([...new Set(delegations.map((d) => d.deputyId))]))
        .filter((u) => u.active)
        .map((u) => u.id),
    );
    return delegations.filter((d) => active.has(d.deputyId));
  }

  function timerRows(
    caseId: string,
    unitId: string,
    effects: MachineEffects,
    now: Date,
  ): TimerRecord[] {
    return [...effects.schedule].map(([sendId, { delayMs, ...event }]) => ({
      caseId,
      sendId,
      unitId,
      dueAt: new Date(now.getTime() + delayMs),
      event,
    }));
  }

  function projectLedger(
    def: WorkflowDefinition,
    event: { type: string; [k: string]: unknown },
  ): LedgerProjection {
    const { type: _type, meta: _meta, ...payload } = event;
    if (def.ledger) return def.ledger(event);
    const { opinion, ...fields } = payload;
    return { opinion: typeof opinion === 'string' ? opinion : null, fields };
  }

  async function authorize(
    def: WorkflowDefinition,
    caseRecord: CaseRecord,
    snapshot: AnyMachineSnapshot,
    actor: User,
    eventType: string,
    wantedPrincipal: string | undefined,
    now: Date,
  ): Promise<Authorization> {
    const candidates = new Set(
      caseRecord.assignments
        .filter((a) => a.events.includes(eventType))
        .flatMap((a) => a.candidates),
    );
    const spec = def.events[eventType];
    const facts = factsOf(caseRecord);
    if (spec?.by) {
      const rule = spec.by({ context: snapshot.context, facts });
      if (rule) for (const id of await resolveAssignees(rule, facts, directory)) candidates.add(id);
    }
    const through = (principal: string) =>
      caseRecord.assignments
        .filter((a) => a.events.includes(eventType) && a.candidates.includes(principal))
        .map((a) => a.key);
    if (wantedPrincipal === undefined && candidates.has(actor.id)) {
      return { onBehalfOf: null, taskKeys: through(actor.id) };
    }
    if (wantedPrincipal !== undefined && wantedPrincipal === actor.id) {
      if (candidates.has(actor.id)) return { onBehalfOf: null, taskKeys: through(actor.id) };
      throw new NotPermitted('您不是当前环节的办理人', { event: eventType });
    }
    const delegations = (await directory.delegationsOfDeputy(actor.id, now)).filter(
      (d) =>
        d.unitId === caseRecord.unitId &&
        delegationCovers(d, now, def.name) &&
        candidates.has(d.principalId),
    );
    const chosen =
      wantedPrincipal === undefined
        ? delegations[0]
        : delegations.find((d) => d.principalId === wantedPrincipal);
    if (chosen) return { onBehalfOf: chosen.principalId, taskKeys: through(chosen.principalId) };
    throw new NotPermitted(
      wantedPrincipal === undefined ? '您不是当前环节的办理人' : '您没有代理该用户办理此事项的授权',
      { event: eventType },
    );
  }

  function factsOf(c: Pick<CaseRecord, 'id' | 'unitId' | 'startedBy'>): CaseFacts {
    return { caseId: c.id, unitId: c.unitId, startedBy: c.startedBy };
  }

  function resultOf(
    c: Pick<CaseRecord, 'id' | 'rev' | 'state' | 'status' | 'ledgerSeq'>,
    onBehalfOf: string | null,
  ): TransitionResult {
    return {
      caseId: c.id,
      rev: c.rev,
      state: c.state,
      status: c.status,
      ledgerSeq: c.ledgerSeq,
      onBehalfOf,
    };
  }

  /** A retried command's first result, unless the id was used for another case. */
  function sameCommand(command: CommandRecord, caseId: string | undefined): TransitionResult {
    if (caseId !== undefined && command.caseId !== caseId) {
      throw new ValidationFailed('该操作编号已用于其他办件', { commandId: command.id });
    }
    return command.result as TransitionResult;
  }

  async function replayed(
    commandId: string,
    caseId: string | undefined,
  ): Promise<TransitionResult> {
    const command = await store.getCommand(commandId);
    if (!command) throw new VersionConflict('命令与并发操作冲突，请重试', { commandId });
    return sameCommand(command, caseId);
  }

  /**
   * Computes and writes one transition of a locked case. Shared by user events and timers.
   * Returns null when the machine does not change (event not accepted).
   */
  async function applyEvent(
    tx: StoreTx,
    def: WorkflowDefinition,
    caseRecord: CaseRecord,
    snapshot: AnyMachineSnapshot,
    event: { type: string; meta: EventMeta; [k: string]: unknown },
    actorId: string,
    onBehalfOf: string | null,
    commandId: string | null,
    extraDeletedTimers: string[],
    now: Date,
  ): Promise<TransitionResult | null> {
    const [next, actions] = transition(def.machine, snapshot, event);
    if (
      next === snapshot ||
      (next.value === snapshot.value &&
        next.context === snapshot.context &&
        next.status === snapshot.status)
    ) {
      return null;
    }
    const facts = factsOf(caseRecord);
    const plan = await planTasks(def, next, facts, caseRecord.assignments, now);
    const effects = collectEffects(actions);
    const header = def.header(next);
    const state = stateToString(next.value);
    const status = next.status === 'done' ? 'done' : 'active';
    const ledger = buildLedgerRecord({
      caseId: caseRecord.id,
      seq: caseRecord.ledgerSeq + 1,
      unitId: caseRecord.unitId,
      at: now,
      actorId,
      onBehalfOf,
      event: event.type,
      fromState: caseRecord.state,
      toState: state,
      ...projectLedger(def, event),
      prevHash: caseRecord.ledgerHead,
    });
    const updated = {
      rev: caseRecord.rev + 1,
      state,
      status,
      snapshot: def.machine.getPersistedSnapshot(next),
      title: header.title,
      fields: header.fields,
      updatedAt: now,
      ledgerSeq: ledger.seq,
      ledgerHead: ledger.hash,
      assignments: plan.assignments,
    } as const;
    const result = resultOf({ id: caseRecord.id, ...updated }, onBehalfOf);
    const openTasks = taskRows(def, caseRecord.id, caseRecord.unitId, plan.opened, now);
    await tx.applyTransition({
      caseId: caseRecord.id,
      expectedRev: caseRecord.rev,
      case: updated,
      ledger,
      closeTasks: plan.closed.map((a) => {
        const completes =
          a.events.includes(event.type) &&
          (a.candidates.includes(actorId) ||
            (onBehalfOf !== null && a.candidates.includes(onBehalfOf)));
        return {
          key: a.key,
          doneBy: completes ? actorId : null,
          doneOnBehalfOf: completes ? onBehalfOf : null,
          doneEvent: completes ? event.type : null,
        };
      }),
      closedAt: now,
      openTasks,
      deleteTimers:
        status === 'done' ? ['*'] : [...new Set([...effects.cancel, ...extraDeletedTimers])],
      scheduleTimers:
        status === 'done' ? [] : timerRows(caseRecord.id, caseRecord.unitId, effects, now),
      outbox: await outboxRows(
        caseRecord.unitId,
        caseRecord.id,
        header.title,
        openTasks,
        effects,
        now,
      ),
      command: commandId === null ? null : { id: commandId, caseId: caseRecord.id, result },
    });
    return result;
  }

  /** Takes the next number of a gapless sequence when the definition numbers this event. */
  async function allocateSerial(
    tx: StoreTx,
    def: WorkflowDefinition,
    eventType: string,
    payload: Record<string, unknown>,
    context: unknown,
    facts: CaseFacts,
    now: Date,
  ): Promise<{ scope: string; value: number } | null> {
    const numbering = def.numbering?.[eventType];
    if (!numbering) return null;
    const scope = numbering({ payload, context, facts, at: now });
    if (scope === null) return null;
    return { scope, value: await tx.nextSerial(facts.unitId, scope) };
  }

  async function fireTimer(timer: TimerRecord, workerId: string): Promise<'fired' | 'discarded'> {
    const now = clock.now();
    return store.transaction(async (tx) => {
      const { caseRecord } = await tx.lockCase(timer.caseId, null);
      const taken = await tx.takeTimer(timer.caseId, timer.sendId, workerId);
      if (!taken || !caseRecord || caseRecord.status !== 'active') return 'discarded';
      const def = registry.get(caseRecord.workflow, caseRecord.workflowVersion);
      const snapshot = def.machine.resolveState(caseRecord.snapshot as never);
      const event = {
        ...taken.event,
        meta: {
          actorId: TIMER_ACTOR,
          onBehalfOf: null,
          at: now.toISOString(),
          caseId: caseRecord.id,
        },
      };
      const result = await applyEvent(
        tx,
        def,
        caseRecord,
        snapshot,
        event,
        TIMER_ACTOR,
        null,
        null,
        [taken.sendId],
        now,
      );
      return result ? 'fired' : 'discarded';
    });
  }

  async function runDueTimers(
    opts: {
      now?: Date;
      limit?: number;
      workerId?: string;
      /** Told about each timer whose transition failed (it stays and is retried after the lease). */
      onError?: (error: unknown, timer?: TimerRecord) => void;
    } = {},
  ): Promise<TimerRunResult> {
    const now = opts.now ?? clock.now();
    const workerId = opts.workerId ?? `worker-${newId()}`;
    const claimed = await store.claimDueTimers(
      now,
      opts.limit ?? 100,
      workerId,
      new Date(now.getTime() + leaseMs),
    );
    const out: TimerRunResult = { claimed: claimed.length, fired: 0, discarded: 0, failed: 0 };
    for (const timer of claimed) {
      try {
        out[await fireTimer(timer, workerId)]++;
      } catch (e) {
        // Left in place: the lease lapses and another pass retries it.
        out.failed++;
        opts.onError?.(e, timer);
      }
    }
    return out;
  }

  /** Claims pending outbox rows and sends them; a failed send stays for a later pass. */
  async function deliver(
    notifier: Notifier,
    opts: { limit?: number; workerId?: string } = {},
  ): Promise<number> {
    const now = clock.now();
    const rows = await store.claimOutbox(
      now,
      opts.limit ?? 100,
      opts.workerId ?? `outbox-${newId()}`,
      new Date(now.getTime() + leaseMs),
    );
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await notifier.send({
          id: row.id,
          unitId: row.unitId,
          channel: row.channel,
          to: row.recipients,
          title: row.title,
          body: row.body,
          createdAt: row.createdAt,
          ...(row.caseId ? { caseId: row.caseId } : {}),
          ...(row.taskId ? { taskId: row.taskId } : {}),
        });
        sent.push(row.id);
      } catch {
        // stays in the outbox; retried once the lease lapses
      }
    }
    if (sent.length > 0) await store.markOutboxSent(sent, clock.now());
    return sent.length;
  }

  return {
    /** The definitions this engine runs. */
    registry,

    /** Starts a case of a workflow as `actorId`; idempotent per `commandId`. */
    async start(command: StartCommand): Promise<TransitionResult> {
      const cmd = parseOrThrow(ZStartCommand, command, '启动参数');
      const previous = await store.getCommand(cmd.commandId);
      if (previous) return sameCommand(previous, cmd.caseId);
      const def = registry.get(cmd.workflow, cmd.version);
      const actor = await activeUser(cmd.actorId);
      const now = clock.now();
      const caseId = cmd.caseId ?? newId();
      const facts: CaseFacts = { caseId, unitId: actor.unitId, startedBy: actor.id };
      if (def.starters) {
        const allowed = await resolveAssignees(def.starters, facts, directory);
        if (!allowed.includes(actor.id))
          throw new NotPermitted(`您无权发起“${def.title}”`, { workflow: def.name });
      }
      const input = parseOrThrow(def.startSchema, cmd.input, `“${def.title}”的登记内容`) as Record<
        string,
        unknown
      >;
      const meta: EventMeta = {
        actorId: actor.id,
        onBehalfOf: null,
        at: now.toISOString(),
        caseId,
      };
      if (def.startCheck) await def.startCheck({ payload: input, facts, meta, directory });
      try {
        return await store.transaction(async (tx) => {
          // A number is taken inside the transaction, so a refused start gives it back.
          const serial = await allocateSerial(tx, def, 'start', input, null, facts, now);
          if (serial) meta.serial = serial;
          const [snapshot, actions] = initialTransition(def.machine, { ...input, meta });
          if (snapshot.status === 'error')
            throw new ValidationFailed('流程无法以该内容启动', { workflow: def.name });
          const plan = await planTasks(def, snapshot, facts, [], now);
          const effects = collectEffects(actions);
          const header = def.header(snapshot);
          const state = stateToString(snapshot.value);
          const ledger = buildLedgerRecord({
            caseId,
            seq: 1,
            unitId: actor.unitId,
            at: now,
            actorId: actor.id,
            onBehalfOf: null,
            event: 'start',
            fromState: null,
            toState: state,
            ...projectLedger(def, { type: 'start', ...input, meta }),
            prevHash: GENESIS_HASH,
          });
          const caseRecord: CaseRecord = {
            id: caseId,
            unitId: actor.unitId,
            workflow: def.name,
            workflowVersion: def.version,
            title: header.title,
            state,
            status: snapshot.status === 'done' ? 'done' : 'active',
            snapshot: def.machine.getPersistedSnapshot(snapshot),
            fields: header.fields,
            rev: 1,
            startedBy: actor.id,
            createdAt: now,
            updatedAt: now,
            ledgerSeq: 1,
            ledgerHead: ledger.hash,
            assignments: plan.assignments,
          };
          const result = resultOf(caseRecord, null);
          const openTasks = taskRows(def, caseId, actor.unitId, plan.opened, now);
          await tx.createCase({
            case: caseRecord,
            ledger,
            openTasks,
            scheduleTimers: timerRows(caseId, actor.unitId, effects, now),
            outbox: await outboxRows(actor.unitId, caseId, header.title, openTasks, effects, now),
            command: { id: cmd.commandId, caseId, result },
          });
          return result;
        });
      } catch (e) {
        if (e instanceof CommandReplayed) return replayed(cmd.commandId, cmd.caseId);
        throw e;
      }
    },

    /** Sends an event to a case as `actorId`; one transaction, idempotent per `commandId`. */
    async send(command: SendCommand): Promise<TransitionResult> {
      const cmd = parseOrThrow(ZSendCommand, command, '操作参数');
      const actor = await activeUser(cmd.actorId);
      const now = clock.now();
      const { type, ...rawPayload } = cmd.event;
      delete rawPayload.meta;
      try {
        return await store.transaction(async (tx) => {
          const { caseRecord, command: previous } = await tx.lockCase(cmd.caseId, cmd.commandId);
          if (previous) return sameCommand(previous, cmd.caseId);
          if (!caseRecord || caseRecord.unitId !== actor.unitId)
            throw new NotFound('办件不存在', { caseId: cmd.caseId });
          if (cmd.expectedRev !== undefined && cmd.expectedRev !== caseRecord.rev) {
            throw new VersionConflict('该办件已被他人处理，请刷新后重试', {
              expectedRev: cmd.expectedRev,
              rev: caseRecord.rev,
            });
          }
          const def = registry.get(caseRecord.workflow, caseRecord.workflowVersion);
          const spec = def.events[type];
          if (!spec) throw new InvalidEvent(`流程“${def.title}”没有“${type}”操作`, { event: type });
          if (caseRecord.status !== 'active')
            throw new InvalidEvent('办件已办结，不能再操作', { event: type });
          const payload = parseOrThrow(spec.schema, rawPayload, `“${spec.title}”的内容`) as Record<
            string,
            unknown
          >;
          const snapshot = def.machine.resolveState(caseRecord.snapshot as never);
          const { onBehalfOf, taskKeys } = await authorize(
            def,
            caseRecord,
            snapshot,
            actor,
            type,
            cmd.onBehalfOf,
            now,
          );
          const meta: EventMeta = {
            actorId: actor.id,
            onBehalfOf,
            at: now.toISOString(),
            caseId: caseRecord.id,
            taskKeys,
          };
          const facts = factsOf(caseRecord);
          // Rules that need the organisation run here, inside the transaction.
          await spec.check?.({ payload, context: snapshot.context, facts, meta, directory });
          if (snapshot.can({ ...payload, type, meta })) {
            const serial = await allocateSerial(
              tx,
              def,
              type,
              payload,
              snapshot.context,
              facts,
              now,
            );
            if (serial) meta.serial = serial;
          }
          const event = { ...payload, type, meta };
          const result = await applyEvent(
            tx,
            def,
            caseRecord,
            snapshot,
            event,
            actor.id,
            onBehalfOf,
            cmd.commandId,
            [],
            now,
          );
          if (!result) {
            throw new InvalidEvent(
              `当前环节（${def.stateLabels?.[caseRecord.state] ?? caseRecord.state}）不能“${spec.title}”`,
              {
                event: type,
                state: caseRecord.state,
              },
            );
          }
          return result;
        });
      } catch (e) {
        if (e instanceof CommandReplayed) return replayed(cmd.commandId, cmd.caseId);
        throw e;
      }
    },

    /** The events `actorId` may send to the case now, with their payload schemas. */
    async can(args: { caseId: string; actorId: string }): Promise<AvailableEvent[]> {
      const actor = await activeUser(args.actorId);
      const caseRecord = await store.getCase(args.caseId);
      if (!caseRecord || caseRecord.unitId !== actor.unitId)
        throw new NotFound('办件不存在', { caseId: args.caseId });
      if (caseRecord.status !== 'active') return [];
      const def = registry.get(caseRecord.workflow, caseRecord.workflowVersion);
      const snapshot = def.machine.resolveState(caseRecord.snapshot as never);
      const handled = handledEventTypes(snapshot);
      const now = clock.now();
      const out: AvailableEvent[] = [];
      for (const [type, spec] of Object.entries(def.events)) {
        if (
          !handled.has(type) ||
          !acceptsWithoutPayload(snapshot, type, actor.id, caseRecord.id, now)
        )
          continue;
        try {
          const { onBehalfOf } = await authorize(
            def,
            caseRecord,
            snapshot,
            actor,
            type,
            undefined,
            now,
          );
          out.push({ type, title: spec.title, schema: spec.schema, onBehalfOf });
        } catch (e) {
          if (!(e instanceof NotPermitted)) throw e;
        }
      }
      return out;
    },

    /** Open tasks (待办) of the actor and of the principals they deputise for. */
    async inbox(options: InboxOptions): Promise<Page<InboxItem>> {
      const q = parseOrThrow(ZInboxQuery, options, '查询条件');
      const actor = await activeUser(q.actorId);
      const now = clock.now();
      const delegations = await directory.delegationsOfDeputy(actor.id, now);
      const principals = [
        { id: actor.id, workflows: null },
        ...delegations
          .filter((d) => d.unitId === actor.unitId)
          .map((d) => ({ id: d.principalId, workflows: d.workflows })),
      ];
      return store.inbox({
        unitId: actor.unitId,
        principals,
        now,
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
        ...(q.workflow !== undefined && { workflow: q.workflow }),
        ...(q.kind !== undefined && { kind: q.kind }),
        ...(q.overdue !== undefined && { overdue: q.overdue }),
        ...(q.search ? { search: q.search } : {}),
      });
    },

    /** Cases the actor has acted on (已办), most recent first. */
    async done(options: DoneOptions): Promise<Page<DoneItem>> {
      const q = parseOrThrow(ZDoneQuery, options, '查询条件');
      const actor = await activeUser(q.actorId);
      return store.done({
        unitId: actor.unitId,
        userId: actor.id,
        limit: q.limit,
        offset: q.offset,
        ...(q.workflow !== undefined && { workflow: q.workflow }),
        ...(q.search ? { search: q.search } : {}),
      });
    },

    /** A case; with `actorId`, only when the actor belongs to the case's unit. */
    async case(caseId: string, opts: { actorId?: string } = {}): Promise<CaseRecord> {
      const caseRecord = await store.getCase(caseId);
      if (!caseRecord) throw new NotFound('办件不存在', { caseId });
      if (opts.actorId !== undefined) {
        const actor = await activeUser(opts.actorId);
        if (actor.unitId !== caseRecord.unitId) throw new NotFound('办件不存在', { caseId });
      }
      return caseRecord;
    },

    /** Every task of a case, open and closed (for 流程统计). */
    async tasks(caseId: string): Promise<TaskRecord[]> {
      return store.listTasks(caseId);
    },

    /**
     * Hands an open task to other people (e.g. a department head changed while the step was
     * waiting). The machine's state is unchanged; the ledger records who, whom and why.
     */
    async reassign(command: ReassignCommand): Promise<TransitionResult> {
      const cmd = parseOrThrow(ZReassignCommand, command, '改派参数');
      const actor = await activeUser(cmd.actorId);
      const now = clock.now();
      try {
        return await store.transaction(async (tx) => {
          const { caseRecord, command: previous } = await tx.lockCase(cmd.caseId, cmd.commandId);
          if (previous) return sameCommand(previous, cmd.caseId);
          if (!caseRecord || caseRecord.unitId !== actor.unitId)
            throw new NotFound('办件不存在', { caseId: cmd.caseId });
          const facts = factsOf(caseRecord);
          const allowed = await resolveAssignees(
            options.reassigners ?? { role: 'admin' },
            facts,
            directory,
          );
          if (!allowed.includes(actor.id)) throw new NotPermitted('您无权改派待办');
          const current = caseRecord.assignments.find((a) => a.key === cmd.taskKey);
          if (!current || caseRecord.status !== 'active')
            throw new NotFound('该待办不存在或已办理', { taskKey: cmd.taskKey });
          const candidates = await resolveAssignees({ users: cmd.to }, facts, directory);
          if (candidates.length !== new Set(cmd.to).size) {
            throw new ValidationFailed('新的办理人须为本单位在职人员', { to: cmd.to });
          }
          const def = registry.get(caseRecord.workflow, caseRecord.workflowVersion);
          const replaced = { ...current, candidates };
          const ledger = buildLedgerRecord({
            caseId: caseRecord.id,
            seq: caseRecord.ledgerSeq + 1,
            unitId: caseRecord.unitId,
            at: now,
            actorId: actor.id,
            onBehalfOf: null,
            event: '$reassign',
            fromState: caseRecord.state,
            toState: caseRecord.state,
            opinion: cmd.reason,
            fields: { taskKey: current.key, from: current.candidates, to: candidates },
            prevHash: caseRecord.ledgerHead,
          });
          const updated = {
            rev: caseRecord.rev + 1,
            state: caseRecord.state,
            status: caseRecord.status,
            snapshot: caseRecord.snapshot,
            title: caseRecord.title,
            fields: caseRecord.fields,
            updatedAt: now,
            ledgerSeq: ledger.seq,
            ledgerHead: ledger.hash,
            assignments: caseRecord.assignments.map((a) => (a.key === current.key ? replaced : a)),
          };
          const result = resultOf({ id: caseRecord.id, ...updated }, null);
          const openTasks = taskRows(def, caseRecord.id, caseRecord.unitId, [replaced], now);
          await tx.applyTransition({
            caseId: caseRecord.id,
            expectedRev: caseRecord.rev,
            case: updated,
            ledger,
            closeTasks: [
              { key: current.key, doneBy: null, doneOnBehalfOf: null, doneEvent: '$reassign' },
            ],
            closedAt: now,
            openTasks,
            deleteTimers: [],
            scheduleTimers: [],
            outbox: await outboxRows(
              caseRecord.unitId,
              caseRecord.id,
              caseRecord.title,
              openTasks,
              { schedule: new Map(), cancel: new Set(), notify: [] },
              now,
            ),
            command: { id: cmd.commandId, caseId: caseRecord.id, result },
          });
          return result;
        });
      } catch (e) {
        if (e instanceof CommandReplayed) return replayed(cmd.commandId, cmd.caseId);
        throw e;
      }
    },

    /** Records that an assignee opened their task (签收时间: the first time counts). */
    async openTask(args: { caseId: string; taskId: string; actorId: string }): Promise<void> {
      const actor = await activeUser(args.actorId);
      const task = (await store.listTasks(args.caseId)).find((t) => t.id === args.taskId);
      if (!task || task.unitId !== actor.unitId)
        throw new NotFound('待办不存在', { taskId: args.taskId });
      const now = clock.now();
      const principals = new Set([
        actor.id,
        ...(await directory.delegationsOfDeputy(actor.id, now))
          .filter((d) => d.unitId === task.unitId && delegationCovers(d, now, task.workflow))
          .map((d) => d.principalId),
      ]);
      if (!task.candidates.some((c) => principals.has(c))) throw new NotPermitted('这不是您的待办');
      await store.markTaskOpened(task.id, now);
    },

    /** The ledger (流程台帐) of a case in order. */
    async ledger(caseId: string): Promise<LedgerRecord[]> {
      return store.listLedger(caseId);
    },

    /** Recomputes the case's hash chain and reports any edit, deletion or reordering. */
    async verifyLedger(caseId: string): Promise<LedgerVerification> {
      const caseRecord = await store.getCase(caseId);
      if (!caseRecord) throw new NotFound('办件不存在', { caseId });
      return verifyLedgerChain(caseRecord, await store.listLedger(caseId));
    },

    /** Fires the timers due at `now` (default: the clock) once each; safe to run in many workers. */
    runDueTimers,

    /** Polls for due timers until stopped. */
    startTimerWorker(
      opts: {
        workerId?: string;
        pollMs?: number;
        batch?: number;
        /** Told about every pass that failed (e.g. the database is unreachable) or left timers failing. */
        onError?: (error: unknown) => void;
      } = {},
    ): TimerWorker {
      const workerId = opts.workerId ?? `worker-${newId()}`;
      const pollMs = opts.pollMs ?? 250;
      // Small batches: a worker holds no more than it can fire soon, so others can help with a burst.
      const batch = opts.batch ?? 10;
      return pollLoop(
        async () => {
          const r = await runDueTimers({
            workerId,
            limit: batch,
            ...(opts.onError ? { onError: opts.onError } : {}),
          });
          return { full: r.claimed === batch };
        },
        async () => {
          const next = await store.nextTimerDue(clock.now());
          return next
            ? Math.max(0, Math.min(pollMs, next.getTime() - clock.now().getTime()))
            : pollMs;
        },
        opts.onError,
      );
    },

    /** Delivers outbox notifications through `notifier` until stopped. */
    startNotificationWorker(opts: {
      notifier: Notifier;
      workerId?: string;
      pollMs?: number;
      batch?: number;
      onError?: (error: unknown) => void;
    }): BackgroundWorker {
      const workerId = opts.workerId ?? `outbox-${newId()}`;
      const batch = opts.batch ?? 50;
      return pollLoop(
        async () => ({
          full: (await deliver(opts.notifier, { limit: batch, workerId })) === batch,
        }),
        async () => opts.pollMs ?? 500,
        opts.onError,
      );
    },

    /** Delivers pending notifications through a `Notifier`; returns how many were sent. */
    deliverNotifications: deliver,
  };
}

/**
 * Whether the machine would take the event in its current state, judged by guards over the
 * case's own context (guards should not read the payload: the zod schema checks that).
 */
function acceptsWithoutPayload(
  snapshot: AnyMachineSnapshot,
  type: string,
  actorId: string,
  caseId: string,
  now: Date,
): boolean {
  try {
    return snapshot.can({
      type,
      meta: { actorId, onBehalfOf: null, at: now.toISOString(), caseId },
    });
  } catch {
    return false;
  }
}

/** The engine object `createWorkflowEngine` returns. */
export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;

function checkDate(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new ValidationFailed('无效的日期');
  return d;
}
