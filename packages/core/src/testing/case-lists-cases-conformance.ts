import { expect, it } from 'vitest';
import type { CaseAccess, CaseListQuery, ListPage } from '../ports/case-lists.ts';
import type { CaseRecord } from '../ports/store.ts';
import { type CaseSpec, type ListsFixture, NOW, t, W, W2 } from './case-lists-fixture.ts';

/** `CaseLists.cases` (the registers of one workflow): filters, search, order, pages, counts, access. */
export function describeCasesList(fx: ListsFixture): void {
  const { U, U2, U3, id } = fx;
  const ids = (p: ListPage<CaseRecord>) => p.items.map((c) => c.id.slice(id('').length));
  const cases = (q: Partial<CaseListQuery> = {}) =>
    fx.lists.cases({ unitId: U, workflow: W, limit: 50, ...q });
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
    expect(p.items[0]).toEqual(fx.revs.get(id('e')));
    expect(ids(await fx.lists.cases({ unitId: U, limit: 50 }))).toEqual([
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
    expect(ids(await fx.lists.cases({ unitId: U2, limit: 10 }))).toEqual(['y']);
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
    for (const c of S) await fx.create(c);
    const q = { unitId: U3, workflow: 'cl-stable', limit: 2 };
    const p1 = await fx.lists.cases(q);
    expect(ids(p1)).toEqual(['s5', 's4']);
    await fx.create({ ...S[0]!, suffix: 's9', createdAt: t(1) });
    await fx.create({ ...S[0]!, suffix: 's0', createdAt: t(0) });
    const p2 = await fx.lists.cases({ ...q, cursor: p1.nextCursor });
    expect(ids(p2)).toEqual(['s3', 's2']);
    expect(p2.total).toBe(7);
    const p3 = await fx.lists.cases({ ...q, cursor: p2.nextCursor });
    expect(ids(p3)).toEqual(['s1', 's0']);
    expect(p3.nextCursor).toBeNull();
  });

  it('counts per state or header field, the total being their sum', async () => {
    const byState = await cases({ countBy: 'state', limit: 1 });
    expect(byState.total).toBe(5);
    expect(byState.counts).toEqual({ drafting: 2, reviewing: 2, archived: 1 });
    const bySecrecy = await cases({ countBy: { field: 'secrecy' }, limit: 1 });
    expect(bySecrecy.counts).toEqual({ 非密: 2, 秘密: 1, 机密: 1, '': 1 });
    expect((await fx.lists.cases({ unitId: U, limit: 50, countBy: 'workflow' })).counts).toEqual({
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
    expect(await visible({ snapshotKeys: ['context', 'attendance'], has: ['sun'] })).toEqual(['a']);
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
    const due = await fx.lists.inbox({
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

  it('selects cases by id, by values in the header fields, and without the snapshot', async () => {
    expect(ids(await cases({ ids: [id('a'), id('c'), id('y')] }))).toEqual(['c', 'a']);
    expect(ids(await cases({ ids: [] }))).toEqual([]);
    const match = (m: CaseAccess) => cases({ match: m }).then(ids);
    expect(await match({ fieldValues: ['departments', 'id'], has: ['hr'] })).toEqual(['a']);
    expect(await match({ fieldValues: ['circulation'], has: ['it'] })).toEqual(['b']);
    expect(
      await match({
        anyOf: [
          { fieldValues: ['departments', 'id'], has: ['hr'] },
          { fieldValues: ['circulation'], has: ['hr'] },
        ],
      }),
    ).toEqual(['b', 'a']);
    expect(await match({ fieldValues: ['department'], has: ['finance'] })).toEqual(['d', 'b']);
    expect(await match({ fieldValues: ['departments', '*'], has: ['office'] })).toEqual(['a']);
    const p = await cases({ match: { participants: ['qian'] }, access: { startedBy: ['li'] } });
    expect(ids(p)).toEqual(['b']);
    const header = await cases({ ids: [id('a')], columns: 'header' });
    expect(header.items).toEqual([{ ...fx.revs.get(id('a')), snapshot: null, assignments: [] }]);
  });
}
