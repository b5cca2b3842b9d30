import { beforeAll } from 'vitest';
import { buildLedgerRecord, GENESIS_HASH } from '../ledger/chain.ts';
import type { CaseLists } from '../ports/case-lists.ts';
import type { CaseRecord, LedgerRecord, Store, TaskKind, TaskRecord } from '../ports/store.ts';

export const T0 = new Date('2026-11-25T01:00:00.000Z');
export const t = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
export const NOW = t(100);
export const W = 'cl-doc';
export const W2 = 'cl-other';

export interface TaskSpec {
  key: string;
  candidates: string[];
  kind?: TaskKind;
  label?: string;
  createdAt?: Date;
  dueAt?: Date | null;
}

export interface CaseSpec {
  suffix: string;
  unitId?: string;
  workflow?: string;
  title: string;
  createdAt: Date;
  fields?: Record<string, unknown>;
  state?: string;
  startedBy: string;
  context?: Record<string, unknown>;
  tasks?: TaskSpec[];
}

/**
 * The cases every `CaseLists` conformance test reads, written through the store in `beforeAll`
 * (units of their own per run, so the store may be shared with other suites): 办件 a–e of one
 * workflow, x of another, y of another unit, and r, r2 with 催办 tasks in a unit of their own.
 */
export function listsFixture(
  make: () => Promise<{ store: Store; lists: CaseLists }>,
  timeout: number,
) {
  const run = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const U = `cl-${run}`;
  const U2 = `cl2-${run}`;
  const U3 = `cl3-${run}`;
  const U4 = `cl4-${run}`;
  const id = (suffix: string) => `cl-${run}-${suffix}`;
  const fx = {
    run,
    U,
    U2,
    U3,
    U4,
    id,
    revs: new Map<string, CaseRecord>(),
    store: undefined as unknown as Store,
    lists: undefined as unknown as CaseLists,
    create,
  };
  const heads = new Map<string, LedgerRecord>();
  const revs = fx.revs;

  const taskRecord = (c: CaseSpec, s: TaskSpec, createdAt: Date): TaskRecord => ({
    id: `${id(c.suffix)}-${s.key}`,
    unitId: c.unitId ?? U,
    caseId: id(c.suffix),
    workflow: c.workflow ?? W,
    key: s.key,
    kind: s.kind ?? 'act',
    label: s.label ?? '办理',
    events: ['GO'],
    candidates: s.candidates,
    createdAt: s.createdAt ?? createdAt,
    dueAt: s.dueAt ?? null,
    openedAt: null,
    doneAt: null,
    doneBy: null,
    doneOnBehalfOf: null,
    doneEvent: null,
  });

  async function create(c: CaseSpec): Promise<void> {
    const caseId = id(c.suffix);
    const unitId = c.unitId ?? U;
    const ledger = buildLedgerRecord({
      caseId,
      seq: 1,
      unitId,
      at: c.createdAt,
      actorId: c.startedBy,
      onBehalfOf: null,
      event: 'start',
      fromState: null,
      toState: c.state ?? 'drafting',
      opinion: null,
      fields: {},
      prevHash: GENESIS_HASH,
    });
    const tasks = (c.tasks ?? []).map((s) => taskRecord(c, s, c.createdAt));
    const record: CaseRecord = {
      id: caseId,
      unitId,
      workflow: c.workflow ?? W,
      workflowVersion: 1,
      title: c.title,
      state: c.state ?? 'drafting',
      status: 'active',
      snapshot: { status: 'active', value: c.state ?? 'drafting', context: c.context ?? {} },
      fields: c.fields ?? {},
      rev: 1,
      startedBy: c.startedBy,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
      ledgerSeq: 1,
      ledgerHead: ledger.hash,
      assignments: tasks.map((x) => ({
        key: x.key,
        kind: x.kind,
        label: x.label,
        events: x.events,
        candidates: x.candidates,
        dueAt: x.dueAt,
      })),
    };
    await fx.store.transaction((tx) =>
      tx.createCase({
        case: record,
        ledger,
        openTasks: tasks,
        scheduleTimers: [],
        outbox: [],
        command: null,
      }),
    );
    heads.set(caseId, ledger);
    revs.set(caseId, record);
  }

  async function act(
    c: CaseSpec,
    a: {
      actorId: string;
      onBehalfOf?: string;
      at: Date;
      close: Array<{ key: string; doneBy: string | null }>;
      open?: TaskSpec[];
      done?: boolean;
    },
  ): Promise<void> {
    const caseId = id(c.suffix);
    const prev = heads.get(caseId)!;
    const before = revs.get(caseId)!;
    const ledger = buildLedgerRecord({
      caseId,
      seq: prev.seq + 1,
      unitId: prev.unitId,
      at: a.at,
      actorId: a.actorId,
      onBehalfOf: a.onBehalfOf ?? null,
      event: 'GO',
      fromState: before.state,
      toState: before.state,
      opinion: null,
      fields: {},
      prevHash: prev.hash,
    });
    const open = (a.open ?? []).map((s) => taskRecord(c, s, a.at));
    const next: CaseRecord = {
      ...before,
      rev: before.rev + 1,
      status: a.done ? 'done' : 'active',
      updatedAt: a.at,
      ledgerSeq: ledger.seq,
      ledgerHead: ledger.hash,
      assignments: open.map((x) => ({
        key: x.key,
        kind: x.kind,
        label: x.label,
        events: x.events,
        candidates: x.candidates,
        dueAt: x.dueAt,
      })),
    };
    await fx.store.transaction((tx) =>
      tx.applyTransition({
        caseId,
        expectedRev: before.rev,
        case: next,
        ledger,
        closeTasks: a.close.map((k) => ({
          key: k.key,
          doneBy: k.doneBy,
          doneOnBehalfOf: a.onBehalfOf ?? null,
          doneEvent: 'GO',
        })),
        closedAt: a.at,
        openTasks: open,
        deleteTimers: [],
        scheduleTimers: [],
        outbox: [],
        command: null,
      }),
    );
    heads.set(caseId, ledger);
    revs.set(caseId, next);
  }

  const A: CaseSpec = {
    suffix: 'a',
    title: '关于春耕工作的通知',
    createdAt: t(0),
    startedBy: 'wang',
    fields: {
      urgency: '特急',
      secrecy: '非密',
      docType: '通知',
      department: 'office',
      docNumber: '京政发〔2026〕1号',
      start: '2026-12-01T01:00:00.000Z',
      departments: [
        { id: 'office', confirmedAt: null },
        { id: 'hr', confirmedAt: null },
      ],
    },
    context: {
      organiser: 'wang',
      replies: { d1: { by: 'li', attendeeIds: ['zhao', 'qian'] } },
      attendance: { sun: { at: 'x' } },
    },
    tasks: [{ key: 'k1', candidates: ['zhang'], dueAt: t(60), label: '核稿' }],
  };
  const B: CaseSpec = {
    suffix: 'b',
    title: '关于防汛的请示',
    createdAt: t(10),
    startedBy: 'li',
    state: 'reviewing',
    fields: {
      urgency: '普通',
      secrecy: '秘密',
      docType: '请示',
      department: 'finance',
      docNumber: '京政发〔2026〕2号',
      start: '2026-12-03T01:00:00.000Z',
      circulation: ['hr', 'it'],
    },
    context: { organiser: 'li', tags: ['x', 'y'] },
    tasks: [{ key: 'k1', candidates: ['zhou', 'wu'] }],
  };
  const C: CaseSpec = {
    suffix: 'c',
    title: 'ABC report 100%',
    createdAt: t(10),
    startedBy: 'zhang',
    state: 'reviewing',
    fields: {
      urgency: '普通',
      docType: '报告',
      department: 'office',
      docNumber: 'A_1',
      start: '2026-12-02T08:30:00+08:00',
    },
    tasks: [{ key: 'k1', candidates: ['zhang'], kind: 'remind', dueAt: t(200), label: '催办' }],
  };
  const D: CaseSpec = {
    suffix: 'd',
    title: '年度总结',
    createdAt: t(10),
    startedBy: 'wang',
    state: 'archived',
    fields: {
      urgency: '特急',
      secrecy: '非密',
      docType: '报告',
      department: 'finance',
      docNumber: '京政发〔2026〕3号',
      start: '2026-12-02T01:00:00.000Z',
    },
    context: { resolutions: [{ ownerDepartmentId: 'finance' }, { ownerDepartmentId: 'hr' }] },
    tasks: [{ key: 'k1', candidates: ['zhang', 'li'] }],
  };
  const E: CaseSpec = {
    suffix: 'e',
    title: '会议纪要',
    createdAt: t(20),
    startedBy: 'zhao',
    fields: { urgency: '加急', secrecy: '机密', docType: '纪要', department: 'office' },
    tasks: [{ key: 'k1', candidates: ['qian', 'zhang'], dueAt: t(60), label: '拟稿' }],
  };
  const X: CaseSpec = {
    suffix: 'x',
    workflow: W2,
    title: '其他流程的通知',
    createdAt: t(5),
    startedBy: 'wang',
    fields: { urgency: '特急' },
    tasks: [{ key: 'k1', candidates: ['zhang'], label: '其他' }],
  };
  const Y: CaseSpec = {
    suffix: 'y',
    unitId: U2,
    title: '别的单位的通知',
    createdAt: t(30),
    startedBy: 'wang',
    fields: { urgency: '特急', secrecy: '非密' },
    tasks: [{ key: 'k1', candidates: ['zhang'] }],
  };
  // 催办: zhang holds k1 of r and its twin remind:1:k1, and a reminder of a task no longer open;
  // in r2 the reminded task is wu's, so zhang's reminder stands alone.
  const R: CaseSpec = {
    suffix: 'r',
    unitId: U4,
    title: '催办的收文',
    createdAt: t(0),
    startedBy: 'wang',
    tasks: [
      { key: 'k1', candidates: ['zhang', 'wu'], dueAt: t(120) },
      { key: 'remind:1:k1', candidates: ['zhang'], kind: 'remind', label: '催办' },
      { key: 'remind:1:k9', candidates: ['zhang'], kind: 'remind', label: '催办', dueAt: t(50) },
    ],
  };
  const R2: CaseSpec = {
    suffix: 'r2',
    unitId: U4,
    title: '催办他人的收文',
    createdAt: t(1),
    startedBy: 'wang',
    tasks: [
      { key: 'k1', candidates: ['wu'] },
      { key: 'remind:1:k1', candidates: ['zhang'], kind: 'remind', label: '催办' },
    ],
  };

  beforeAll(async () => {
    Object.assign(fx, await make());
    for (const c of [A, B, C, D, E, X, Y, R, R2]) await create(c);
    // 办件 b: qian acts for zhou (代理); the task of zhou and wu closes, sun gets a 传阅.
    await act(B, {
      actorId: 'qian',
      onBehalfOf: 'zhou',
      at: t(40),
      close: [{ key: 'k1', doneBy: 'qian' }],
      open: [{ key: 'k2', candidates: ['sun'], kind: 'read', label: '传阅' }],
    });
    // 办件 d: zhang finishes it.
    await act(D, {
      actorId: 'zhang',
      at: t(50),
      close: [{ key: 'k1', doneBy: 'zhang' }],
      done: true,
    });
  }, timeout);

  return Object.assign(fx, { specs: { A, B, C, D, E, X, Y, R, R2 } });
}

/** What the conformance tests read: the lists, the case ids, and the cases as written. */
export type ListsFixture = ReturnType<typeof listsFixture>;
