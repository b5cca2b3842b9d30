import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerRecord, GENESIS_HASH } from '../ledger/chain.ts';
import type { CaseAccess, CaseListQuery, CaseLists, ListPage } from '../ports/case-lists.ts';
import type { CaseRecord, LedgerRecord, Store, TaskKind, TaskRecord } from '../ports/store.ts';

/** Options of the case lists conformance suite. */
export interface CaseListsConformanceOptions {
  /** Per-test timeout in ms (embedded databases boot slowly). */
  timeout?: number;
}

const T0 = new Date('2026-11-25T01:00:00.000Z');
const t = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const NOW = t(100);
const W = 'cl-doc';
const W2 = 'cl-other';

interface TaskSpec {
  key: string;
  candidates: string[];
  kind?: TaskKind;
  label?: string;
  createdAt?: Date;
  dueAt?: Date | null;
}

interface CaseSpec {
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
 * The behaviour every `CaseLists` (list pages: 待办, 已办, the registers of one workflow) must
 * show: filters on the case and its header fields, periods, overdue, text search on the title
 * and 文号, order with ties by id, keyset pagination that stays stable while cases are added,
 * counts, and the access predicate — a case the actor may not see never appears, not even in a
 * count. `make` returns the store to write the cases through and the lists reading it; each
 * run uses units of its own, so the store may be shared with other suites.
 */
export function describeCaseListsConformance(
  name: string,
  make: () => Promise<{ store: Store; lists: CaseLists }>,
  options: CaseListsConformanceOptions = {},
): void {
  describe(`CaseLists conformance: ${name}`, { timeout: options.timeout ?? 30_000 }, () => {
    const run = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const U = `cl-${run}`;
    const U2 = `cl2-${run}`;
    const U3 = `cl3-${run}`;
    const id = (suffix: string) => `cl-${run}-${suffix}`;
    let store: Store;
    let lists: CaseLists;
    const heads = new Map<string, LedgerRecord>();
    const revs = new Map<string, CaseRecord>();

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
      await store.transaction((tx) =>
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
      await store.transaction((tx) =>
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

    beforeAll(async () => {
      ({ store, lists } = await make());
      for (const c of [A, B, C, D, E, X, Y]) await create(c);
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
    }, options.timeout ?? 60_000);

    const ids = (p: ListPage<CaseRecord>) => p.items.map((c) => c.id.slice(id('').length));
    const cases = (q: Partial<CaseListQuery> = {}) =>
      lists.cases({ unitId: U, workflow: W, limit: 50, ...q });
    const visible = async (access: CaseAccess) => {
      const p = await cases({ access });
      expect(p.total).toBe(p.items.length);
      return ids(p);
    };

    it('lists the cases of one workflow of one unit, newest first, ties by id', async () => {
      const p = await cases();
      expect(ids(p)).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(p.total).toBe(5);
      expect(p.nextCursor).toBeNull();
      expect(p.items[0]).toEqual(revs.get(id('e')));
      expect(ids(await lists.cases({ unitId: U, limit: 50 }))).toEqual([
        'e',
        'd',
        'c',
        'b',
        'x',
        'a',
      ]);
      expect(ids(await cases({ sort: { by: 'createdAt', dir: 'asc' } }))).toEqual([
        'a',
        'b',
        'c',
        'd',
        'e',
      ]);
      expect(ids(await lists.cases({ unitId: U2, limit: 10 }))).toEqual(['y']);
    });

    it('filters on status, state, header fields, starter, period and overdue', async () => {
      expect(ids(await cases({ status: 'done' }))).toEqual(['d']);
      expect(ids(await cases({ states: ['reviewing'] }))).toEqual(['c', 'b']);
      expect(ids(await cases({ fields: { urgency: '特急' } }))).toEqual(['d', 'a']);
      expect(ids(await cases({ fields: { urgency: ['特急', '加急'] } }))).toEqual(['e', 'd', 'a']);
      expect(ids(await cases({ fields: { secrecy: '非密', docType: '报告' } }))).toEqual(['d']);
      expect(ids(await cases({ fields: { department: 'office' } }))).toEqual(['e', 'c', 'a']);
      expect(ids(await cases({ startedBy: 'wang' }))).toEqual(['d', 'a']);
      expect(ids(await cases({ period: { from: t(10), to: t(20) } }))).toEqual(['d', 'c', 'b']);
      expect(ids(await cases({ period: { to: t(10) } }))).toEqual(['a']);
      expect(
        ids(
          await cases({
            period: { from: new Date('2026-12-02T00:00:00Z'), of: { field: 'start' } },
          }),
        ),
      ).toEqual(['d', 'c', 'b']);
      expect(ids(await cases({ overdue: { is: true, now: NOW } }))).toEqual(['e', 'a']);
      expect(ids(await cases({ overdue: { is: false, now: NOW } }))).toEqual(['d', 'c', 'b']);
    });

    it('searches the title and the named header fields (文号), ignoring case, wildcards literal', async () => {
      expect(ids(await cases({ search: { text: '春耕' } }))).toEqual(['a']);
      expect(ids(await cases({ search: { text: '2号' } }))).toEqual([]);
      expect(ids(await cases({ search: { text: '2号', fields: ['docNumber'] } }))).toEqual(['b']);
      expect(ids(await cases({ search: { text: '京政发', fields: ['docNumber'] } }))).toEqual([
        'd',
        'b',
        'a',
      ]);
      expect(ids(await cases({ search: { text: 'abc' } }))).toEqual(['c']);
      expect(ids(await cases({ search: { text: '0%' } }))).toEqual(['c']);
      expect(ids(await cases({ search: { text: '_', fields: ['docNumber'] } }))).toEqual(['c']);
      expect(ids(await cases({ search: { text: '%' } }))).toEqual(['c']);
    });

    it('sorts by a header field as text, missing values last, ties by id', async () => {
      const by = (dir: 'asc' | 'desc', field: string) => cases({ sort: { by: { field }, dir } });
      expect(ids(await by('asc', 'docNumber'))).toEqual(['c', 'a', 'b', 'd', 'e']);
      expect(ids(await by('desc', 'docNumber'))).toEqual(['d', 'b', 'a', 'c', 'e']);
      expect(ids(await by('asc', 'urgency'))).toEqual(['e', 'b', 'c', 'a', 'd']);
      expect(ids(await by('desc', 'urgency'))).toEqual(['d', 'a', 'c', 'b', 'e']);
      expect(ids(await by('asc', 'start'))).toEqual(['a', 'd', 'c', 'b', 'e']);
      const byTime = (dir: 'asc' | 'desc') =>
        cases({ sort: { by: { field: 'start', as: 'time' }, dir } });
      expect(ids(await byTime('asc'))).toEqual(['a', 'c', 'd', 'b', 'e']);
      expect(ids(await byTime('desc'))).toEqual(['b', 'd', 'c', 'a', 'e']);
    });

    it('pages with a cursor through equal sort keys without losing or repeating a case', async () => {
      const walk = async (q: Partial<CaseListQuery>, limit: number) => {
        const out: string[][] = [];
        let cursor: string | null = null;
        do {
          const p: ListPage<CaseRecord> = await cases({ ...q, limit, cursor });
          expect(p.total).toBe(5);
          out.push(ids(p));
          cursor = p.nextCursor;
        } while (cursor !== null && out.length < 10);
        return out;
      };
      expect(await walk({}, 2)).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
      expect(await walk({}, 1)).toEqual([['e'], ['d'], ['c'], ['b'], ['a']]);
      expect(await walk({ sort: { by: 'createdAt', dir: 'asc' } }, 3)).toEqual([
        ['a', 'b', 'c'],
        ['d', 'e'],
      ]);
      expect(await walk({ sort: { by: { field: 'urgency' }, dir: 'desc' } }, 1)).toEqual([
        ['d'],
        ['a'],
        ['c'],
        ['b'],
        ['e'],
      ]);
      expect(await walk({ sort: { by: { field: 'start', as: 'time' }, dir: 'desc' } }, 2)).toEqual([
        ['b', 'd'],
        ['c', 'a'],
        ['e'],
      ]);
      expect(await walk({ sort: { by: { field: 'docNumber' }, dir: 'asc' } }, 2)).toEqual([
        ['c', 'a'],
        ['b', 'd'],
        ['e'],
      ]);
      const last = await cases({ limit: 5 });
      expect(last.nextCursor).toBeNull();
      expect(ids(await cases({ limit: 2, offset: 2 }))).toEqual(['c', 'b']);
    });

    it('keeps the next page where it was when a newer case arrives', async () => {
      const S: CaseSpec[] = [1, 2, 3, 4, 5].map((n) => ({
        suffix: `s${n}`,
        unitId: U3,
        workflow: 'cl-stable',
        title: `稳定 ${n}`,
        createdAt: t(0),
        startedBy: 'wang',
      }));
      for (const c of S) await create(c);
      const q = { unitId: U3, workflow: 'cl-stable', limit: 2 };
      const p1 = await lists.cases(q);
      expect(ids(p1)).toEqual(['s5', 's4']);
      await create({ ...S[0]!, suffix: 's9', createdAt: t(1) });
      await create({ ...S[0]!, suffix: 's0', createdAt: t(0) });
      const p2 = await lists.cases({ ...q, cursor: p1.nextCursor });
      expect(ids(p2)).toEqual(['s3', 's2']);
      expect(p2.total).toBe(7);
      const p3 = await lists.cases({ ...q, cursor: p2.nextCursor });
      expect(ids(p3)).toEqual(['s1', 's0']);
      expect(p3.nextCursor).toBeNull();
    });

    it('counts per state or header field, the total being their sum', async () => {
      const byState = await cases({ countBy: 'state', limit: 1 });
      expect(byState.total).toBe(5);
      expect(byState.counts).toEqual({ drafting: 2, reviewing: 2, archived: 1 });
      const bySecrecy = await cases({ countBy: { field: 'secrecy' }, limit: 1 });
      expect(bySecrecy.counts).toEqual({ 非密: 2, 秘密: 1, 机密: 1, '': 1 });
      expect((await lists.cases({ unitId: U, limit: 50, countBy: 'workflow' })).counts).toEqual({
        [W]: 5,
        [W2]: 1,
      });
      expect((await cases()).counts).toBeUndefined();
    });

    it('applies the access predicate: participants, open tasks, starter, header fields', async () => {
      expect(await visible({ participants: ['qian'] })).toEqual(['e', 'b']);
      expect(await visible({ participants: ['zhou'] })).toEqual(['b']);
      expect(await visible({ participants: ['wu'] })).toEqual(['b']);
      expect(await visible({ participants: ['li'] })).toEqual(['d', 'b']);
      expect(await visible({ participants: ['nobody'] })).toEqual([]);
      expect(await visible({ openTasks: ['sun'] })).toEqual(['b']);
      expect(await visible({ openTasks: ['zhou'] })).toEqual([]);
      expect(await visible({ openTasks: ['zhang'] })).toEqual(['e', 'c', 'a']);
      expect(await visible({ startedBy: ['zhao', 'li'] })).toEqual(['e', 'b']);
      expect(await visible({ field: 'secrecy', in: ['非密', null] })).toEqual(['d', 'c', 'a']);
      expect(await visible({ field: 'secrecy', in: ['非密'] })).toEqual(['d', 'a']);
      expect(await visible({ not: { field: 'secrecy', in: ['非密', null] } })).toEqual(['e', 'b']);
      expect(await visible({ anyOf: [] })).toEqual([]);
      expect(await visible({ allOf: [] })).toEqual(['e', 'd', 'c', 'b', 'a']);
    });

    it('applies the access predicate on the snapshot: paths with *, arrays, keys', async () => {
      const path = (p: string[], has: string[]) => visible({ snapshot: p, has });
      expect(await path(['context', 'replies', '*', 'attendeeIds'], ['qian'])).toEqual(['a']);
      expect(await path(['context', 'replies', '*', 'by'], ['li', 'x'])).toEqual(['a']);
      expect(await path(['context', 'replies', '*', 'by'], ['zhao'])).toEqual([]);
      expect(await path(['context', 'organiser'], ['li'])).toEqual(['b']);
      expect(await path(['context', 'organiser'], ['wang', 'li'])).toEqual(['b', 'a']);
      expect(await path(['context', 'tags'], ['y'])).toEqual(['b']);
      expect(await path(['context', 'resolutions', 'ownerDepartmentId'], ['hr'])).toEqual(['d']);
      expect(await path(['context', 'nothing', '*'], ['x'])).toEqual([]);
      expect(await path(['context', 'organiser'], [])).toEqual([]);
      expect(await visible({ snapshotKeys: ['context', 'attendance'], has: ['sun'] })).toEqual([
        'a',
      ]);
      expect(await visible({ snapshotKeys: ['context', 'attendance'], has: ['wang'] })).toEqual([]);
      expect(await visible({ snapshotKeys: ['context', 'missing'], has: ['sun'] })).toEqual([]);
    });

    it('never shows, pages or counts a case the actor may not see', async () => {
      // 发文-like: what zhang took part in, and what li took part in unless classified.
      const access: CaseAccess = {
        anyOf: [
          { participants: ['zhang'] },
          { allOf: [{ field: 'secrecy', in: ['非密', null] }, { participants: ['li'] }] },
        ],
      };
      expect(await visible(access)).toEqual(['e', 'd', 'c', 'a']);
      const p = await cases({ access: { participants: ['qian'] }, countBy: 'state', limit: 1 });
      expect(ids(p)).toEqual(['e']);
      expect(p.total).toBe(2);
      expect(p.counts).toEqual({ drafting: 1, reviewing: 1 });
      const p2 = await cases({
        access: { participants: ['qian'] },
        limit: 1,
        cursor: p.nextCursor,
      });
      expect(ids(p2)).toEqual(['b']);
      expect(p2.nextCursor).toBeNull();
      const filtered = await cases({
        access: { participants: ['qian'] },
        fields: { urgency: '普通' },
        search: { text: '防汛' },
      });
      expect(ids(filtered)).toEqual(['b']);
    });

    it('refuses a cursor it did not make, a bad page size and a bad field name', async () => {
      await expect(cases({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      const due = await lists.inbox({
        unitId: U,
        actorId: 'zhang',
        principals: [{ id: 'zhang', workflows: null }],
        sort: 'dueSoonest',
        limit: 1,
      });
      await expect(cases({ cursor: due.nextCursor })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(cases({ limit: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(cases({ fields: { "x') OR 1=1 --": 'a' } })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(visible({ snapshot: ['context', 'a"b'], has: ['x'] })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });

    describe('inbox (待办)', () => {
      const zhang = [{ id: 'zhang', workflows: null }];
      const inbox = (q: Partial<Parameters<CaseLists['inbox']>[0]> = {}) =>
        lists.inbox({ unitId: U, actorId: 'zhang', principals: zhang, limit: 50, ...q });
      const taskIds = (p: ListPage<{ task: TaskRecord }>) =>
        p.items.map((i) => i.task.id.slice(id('').length));

      it('lists open tasks of the principals, newest first, with the case line', async () => {
        const p = await inbox();
        expect(taskIds(p)).toEqual(['e-k1', 'c-k1', 'x-k1', 'a-k1']);
        expect(p.total).toBe(4);
        const a = p.items[3]!;
        expect(a.caseTitle).toBe(A.title);
        expect(a.caseState).toBe('drafting');
        expect(a.caseFields).toEqual(A.fields);
        expect(a.principalId).toBe('zhang');
        expect(a.task.candidates).toEqual(['zhang']);
        expect(a.task.dueAt).toEqual(t(60));
        expect(taskIds(await inbox({ sort: 'oldest' }))).toEqual(['a-k1', 'x-k1', 'c-k1', 'e-k1']);
        expect(taskIds(await inbox({ workflow: W }))).toEqual(['e-k1', 'c-k1', 'a-k1']);
      });

      it('filters on kind, overdue, arrival period, header fields and text (label too)', async () => {
        expect(taskIds(await inbox({ kind: 'remind' }))).toEqual(['c-k1']);
        expect(taskIds(await inbox({ overdue: { is: true, now: NOW } }))).toEqual(['e-k1', 'a-k1']);
        expect(taskIds(await inbox({ overdue: { is: false, now: NOW } }))).toEqual([
          'c-k1',
          'x-k1',
        ]);
        expect(taskIds(await inbox({ period: { from: t(5), to: t(20) } }))).toEqual([
          'c-k1',
          'x-k1',
        ]);
        expect(taskIds(await inbox({ fields: { urgency: '特急' } }))).toEqual(['x-k1', 'a-k1']);
        expect(taskIds(await inbox({ states: ['reviewing'] }))).toEqual(['c-k1']);
        expect(taskIds(await inbox({ search: { text: '春耕' } }))).toEqual(['a-k1']);
        expect(taskIds(await inbox({ search: { text: '拟稿' } }))).toEqual(['e-k1']);
        expect(taskIds(await inbox({ search: { text: '1', fields: ['docNumber'] } }))).toEqual([
          'c-k1',
          'a-k1',
        ]);
        const counted = await inbox({ countBy: 'kind', limit: 1 });
        expect(counted.counts).toEqual({ act: 3, remind: 1 });
        expect(counted.total).toBe(4);
      });

      it('sorts due soonest (no due date last) and pages through equal due times', async () => {
        expect(taskIds(await inbox({ sort: 'dueSoonest' }))).toEqual([
          'a-k1',
          'e-k1',
          'c-k1',
          'x-k1',
        ]);
        const out: string[] = [];
        let cursor: string | null = null;
        do {
          const p: ListPage<{ task: TaskRecord }> = await inbox({
            sort: 'dueSoonest',
            limit: 1,
            cursor,
          });
          out.push(...taskIds(p));
          cursor = p.nextCursor;
        } while (cursor !== null && out.length < 10);
        expect(out).toEqual(['a-k1', 'e-k1', 'c-k1', 'x-k1']);
        const two = await inbox({ limit: 2 });
        expect(taskIds(await inbox({ limit: 2, cursor: two.nextCursor }))).toEqual([
          'x-k1',
          'a-k1',
        ]);
      });

      it('adds the tasks of principals the actor deputises for, by workflow, one line per task', async () => {
        const sun = await lists.inbox({
          unitId: U,
          actorId: 'sun',
          principals: [
            { id: 'sun', workflows: null },
            { id: 'zhang', workflows: [W] },
          ],
          limit: 50,
        });
        expect(taskIds(sun)).toEqual(['b-k2', 'e-k1', 'c-k1', 'a-k1']);
        expect(sun.items.map((i) => i.principalId)).toEqual(['sun', 'zhang', 'zhang', 'zhang']);
        const qian = await lists.inbox({
          unitId: U,
          actorId: 'qian',
          principals: [
            { id: 'zhang', workflows: null },
            { id: 'qian', workflows: null },
          ],
          limit: 50,
          countBy: 'workflow',
        });
        expect(taskIds(qian)).toEqual(['e-k1', 'c-k1', 'x-k1', 'a-k1']);
        expect(qian.items[0]!.principalId).toBe('qian');
        expect(qian.total).toBe(4);
        expect(qian.counts).toEqual({ [W]: 3, [W2]: 1 });
        expect(
          (await lists.inbox({ unitId: U, actorId: 'zhou', principals: [], limit: 5 })).total,
        ).toBe(0);
      });
    });

    describe('done (已办)', () => {
      const done = (userId: string, q: Partial<Parameters<CaseLists['done']>[0]> = {}) =>
        lists.done({ unitId: U, userId, limit: 50, ...q });
      const caseIds = (p: ListPage<{ caseRecord: CaseRecord }>) =>
        p.items.map((i) => i.caseRecord.id.slice(id('').length));

      it('lists cases the user acted on, or someone acted on for them, by last action', async () => {
        const wang = await done('wang');
        expect(caseIds(wang)).toEqual(['d', 'x', 'a']);
        expect(wang.items[0]!.lastActedAt).toEqual(t(10));
        expect(wang.total).toBe(3);
        const zhang = await done('zhang');
        expect(caseIds(zhang)).toEqual(['d', 'c']);
        expect(zhang.items[0]!.lastActedAt).toEqual(t(50));
        expect(zhang.items[0]!.caseRecord).toEqual(revs.get(id('d')));
        expect(caseIds(await done('zhou'))).toEqual(['b']);
        expect(caseIds(await done('qian'))).toEqual(['b']);
        expect(caseIds(await done('sun'))).toEqual([]);
        expect(caseIds(await done('wang', { sort: 'oldest' }))).toEqual(['a', 'x', 'd']);
      });

      it('filters, pages and counts', async () => {
        expect(caseIds(await done('wang', { workflow: W }))).toEqual(['d', 'a']);
        expect(caseIds(await done('wang', { period: { from: t(5) } }))).toEqual(['d', 'x']);
        expect(caseIds(await done('zhang', { status: 'done' }))).toEqual(['d']);
        expect(caseIds(await done('wang', { search: { text: '总结' } }))).toEqual(['d']);
        const p1 = await done('wang', { limit: 2, countBy: 'workflow' });
        expect(caseIds(p1)).toEqual(['d', 'x']);
        expect(p1.counts).toEqual({ [W]: 2, [W2]: 1 });
        const p2 = await done('wang', { limit: 2, cursor: p1.nextCursor });
        expect(caseIds(p2)).toEqual(['a']);
        expect(p2.nextCursor).toBeNull();
      });
    });
  });
}
