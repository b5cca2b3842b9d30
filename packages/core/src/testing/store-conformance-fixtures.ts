import { buildLedgerRecord, GENESIS_HASH } from '../ledger/chain.ts';
import type { CaseRecord, StartWrite, TaskRecord, TransitionWrite } from '../ports/store.ts';

let seq = 0;
/** A unique id per call, so suites can share one database. */
export const uid = (p: string) =>
  `${p}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
export const T0 = new Date('2026-11-25T01:00:00.000Z');
/** Timers of these tests fall due long after any engine test's clock. */
export const FAR = new Date('2090-01-01T00:00:00.000Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function task(
  caseId: string,
  key: string,
  candidates: string[],
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id: uid('task'),
    unitId: 'demo',
    caseId,
    workflow: 'approval',
    key,
    kind: 'act',
    label: `办理 ${key}`,
    events: ['APPROVE'],
    candidates,
    createdAt: T0,
    dueAt: null,
    openedAt: null,
    doneAt: null,
    doneBy: null,
    doneOnBehalfOf: null,
    doneEvent: null,
    ...extra,
  };
}

export function newCase(
  opts: { title?: string; candidates?: string[]; createdAt?: Date; workflow?: string } = {},
): StartWrite {
  const id = uid('case');
  const ledger = buildLedgerRecord({
    caseId: id,
    seq: 1,
    unitId: 'demo',
    at: opts.createdAt ?? T0,
    actorId: 'wang',
    onBehalfOf: null,
    event: 'start',
    fromState: null,
    toState: 'reviewing',
    opinion: null,
    fields: { title: opts.title ?? '关于测试的请示', nested: { b: 1, a: [1, '二'] } },
    prevHash: GENESIS_HASH,
  });
  const t = task(id, 'k1', opts.candidates ?? ['zhang'], {
    createdAt: opts.createdAt ?? T0,
    workflow: opts.workflow ?? 'approval',
  });
  const caseRecord: CaseRecord = {
    id,
    unitId: 'demo',
    workflow: opts.workflow ?? 'store-conformance',
    workflowVersion: 1,
    title: opts.title ?? '关于测试的请示',
    state: 'reviewing',
    status: 'active',
    snapshot: { status: 'active', value: 'reviewing', context: { n: 1, 中文: '值' } },
    fields: { 密级: '普通', urgency: '特急' },
    rev: 1,
    startedBy: 'wang',
    createdAt: opts.createdAt ?? T0,
    updatedAt: opts.createdAt ?? T0,
    ledgerSeq: 1,
    ledgerHead: ledger.hash,
    assignments: [
      {
        key: 'k1',
        kind: 'act',
        label: t.label,
        events: ['APPROVE'],
        candidates: t.candidates,
        dueAt: null,
      },
    ],
  };
  return {
    case: caseRecord,
    ledger,
    openTasks: [t],
    scheduleTimers: [
      { caseId: id, sendId: 'remind', unitId: 'demo', dueAt: FAR, event: { type: 'REMIND' } },
    ],
    outbox: [
      {
        id: uid('ob'),
        unitId: 'demo',
        caseId: id,
        taskId: t.id,
        channel: 'inApp',
        recipients: ['zhang'],
        title: '待办',
        body: '正文',
        createdAt: T0,
      },
    ],
    command: { id: uid('cmd'), caseId: id, result: { caseId: id, rev: 1 } },
  };
}

export function nextWrite(
  start: StartWrite,
  overrides: Partial<TransitionWrite> = {},
): TransitionWrite {
  const ledger = buildLedgerRecord({
    caseId: start.case.id,
    seq: 2,
    unitId: 'demo',
    at: at(5),
    actorId: 'zhang',
    onBehalfOf: null,
    event: 'APPROVE',
    fromState: 'reviewing',
    toState: 'approved',
    opinion: '同意',
    fields: {},
    prevHash: start.ledger.hash,
  });
  return {
    caseId: start.case.id,
    expectedRev: 1,
    case: {
      rev: 2,
      state: 'approved',
      status: 'active',
      snapshot: { status: 'active', value: 'approved', context: { n: 2 } },
      title: start.case.title,
      fields: { 密级: '普通' },
      updatedAt: at(5),
      ledgerSeq: 2,
      ledgerHead: ledger.hash,
      assignments: [],
    },
    ledger,
    closeTasks: [{ key: 'k1', doneBy: 'zhang', doneOnBehalfOf: null, doneEvent: 'APPROVE' }],
    closedAt: at(5),
    openTasks: [task(start.case.id, 'k2', ['li'], { createdAt: at(5) })],
    deleteTimers: ['remind'],
    scheduleTimers: [
      {
        caseId: start.case.id,
        sendId: 'later',
        unitId: 'demo',
        dueAt: new Date(FAR.getTime() + 60_000),
        event: { type: 'LATER', n: 1 },
      },
    ],
    outbox: [],
    command: { id: uid('cmd'), caseId: start.case.id, result: { rev: 2 } },
    ...overrides,
  };
}
