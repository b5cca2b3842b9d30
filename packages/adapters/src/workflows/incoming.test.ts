import {
  createChineseCalendar,
  createIncomingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  projectIncomingLedger,
  type Store,
} from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, sharedStores } from '../testing/test-databases.ts';

const caseStores = sharedStores();
const concurrencyStores = sharedStores();
afterAll(() => Promise.all([caseStores.closeAll(), concurrencyStores.closeAll()]), 60_000);

const HOUR = 3_600_000;

const REGISTRATION = {
  title: '关于做好秋冬季农业生产和财政保障工作的通知',
  senderUnit: '市人民政府办公室',
  senderDocNumber: '市政办发〔2026〕31号',
  receivedDate: '2026-09-21',
  writtenDate: '2026-09-18',
  docType: '通知',
  classificationCode: 'NY-03',
  keywords: ['农业生产', '财政保障'],
  secrecy: '非密',
  urgency: '加急',
  headType: '红头',
  direction: '上级来文',
  copies: 3,
  pages: 8,
  attachments: [{ blobId: 'blob-notice', name: '通知正文.pdf' }],
};

const PROPOSAL = {
  type: 'PROPOSE',
  opinion: '拟请张县长、陈副县长阅示，县财政局主办，县教育局、县农业农村局协办。',
  leaders: ['zhang', 'chen'],
  leaderMode: 'sequence',
  mainDepartment: 'finance',
  assistDepartments: ['education', 'agri'],
  circulateDepartments: [],
  supervise: true,
  deadline: '2026-09-30',
};

/** The sample county government plus 县教育局 (he, lu) and 县农业农村局 (feng). */
async function loadOrg(store: Store) {
  await loadSampleOrg(store.directory);
  for (const [id, name, head, sort] of [
    ['education', '县教育局', 'he', 5],
    ['agri', '县农业农村局', 'feng', 6],
  ] as const) {
    await store.directory.putDepartment({
      id,
      unitId: 'demo',
      parentId: 'gov',
      name,
      headUserId: head,
      sort,
    });
  }
  for (const [id, name, dept, roles, superiorId] of [
    ['he', '何局长', 'education', ['departmentHead'], 'chen'],
    ['lu', '陆科员', 'education', ['staff'], 'he'],
    ['feng', '冯局长', 'agri', ['departmentHead'], 'chen'],
  ] as const) {
    await store.directory.putUser({
      id,
      unitId: 'demo',
      departmentId: dept,
      name,
      roles: [...roles],
      superiorId,
      active: true,
    });
  }
}

async function harness(store: Store, start: string) {
  await loadOrg(store);
  const clock = manualClock(start);
  const calendar = createChineseCalendar();
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    calendar,
    workflows: [createIncomingWorkflow({ calendar })],
  });
  const send = (caseId: string, actorId: string, event: { type: string; [k: string]: unknown }) =>
    engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
  const register = (actorId: string, overrides: Record<string, unknown> = {}) =>
    engine.start({
      workflow: 'incoming',
      actorId,
      commandId: crypto.randomUUID(),
      input: { ...REGISTRATION, ...overrides },
    });
  return { clock, engine, send, register };
}

for (const dialect of DIALECTS) {
  describe(`收文 on ${dialect}`, () => {
    it('runs a full realistic case: 退回, 撤回, hand-down, two 催办 across National Day, archive', async () => {
      const store = await caseStores.get(dialect);
      const { clock, engine, send, register } = await harness(store, '2026-09-21T01:00:00Z');
      const t0 = Date.parse('2026-09-21T01:00:00Z');

      const { caseId } = await register('zhou');
      clock.advance(HOUR);
      await send(caseId, 'zhou', PROPOSAL);
      // 撤回: the proposer takes it back before the office director acts, and re-proposes
      await send(caseId, 'zhou', { type: 'WITHDRAW' });
      clock.advance(HOUR);
      await send(caseId, 'zhou', PROPOSAL);
      await send(caseId, 'li', { type: 'REVIEW', decision: 'accept', opinion: '同意拟办' });
      clock.advance(HOUR);
      await send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '请财政局牵头落实' });
      // 退回: the second leader sends it back to 拟办
      await send(caseId, 'chen', { type: 'RETURN', reason: '请明确协办分工' });
      clock.advance(HOUR);
      await send(caseId, 'zhou', { ...PROPOSAL, opinion: '补充分工后重拟' });
      await send(caseId, 'li', {
        type: 'REVIEW',
        decision: 'change',
        opinion: '改由农业农村局牵头传阅',
        proposal: { ...PROPOSAL, type: undefined, opinion: '审阅后的拟办意见' },
      });
      clock.advance(HOUR);
      await send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意，请抓紧' });
      await send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意张县长意见' });
      clock.advance(HOUR);
      await send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
      await send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
      await send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
      await send(caseId, 'feng', { type: 'ASSIGN', departmentId: 'agri', handlerId: 'feng' });
      await send(caseId, 'feng', {
        type: 'SUBMIT_RESULT',
        departmentId: 'agri',
        result: '已部署秋冬种工作',
      });
      await send(caseId, 'feng', { type: 'CONFIRM', departmentId: 'agri' });

      // deadline: end of 2026-09-30 in Beijing; then one working day after it: 10-08
      const timers = await store.listTimers(caseId);
      expect(timers.map((t) => t.dueAt.toISOString())).toEqual(['2026-09-30T15:59:59.999Z']);
      clock.set('2026-09-30T16:00:00Z');
      expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
      expect((await store.listTimers(caseId)).map((t) => t.dueAt.toISOString())).toEqual([
        '2026-10-08T15:59:59.999Z',
      ]);
      clock.set('2026-10-05T02:00:00Z');
      expect(await engine.runDueTimers()).toMatchObject({ fired: 0 });
      clock.set('2026-10-08T16:00:00Z');
      expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
      expect((await engine.case(caseId)).fields.reminderCount).toBe(2);

      // two handlers finish at the same instant
      clock.set('2026-10-09T02:00:00Z');
      await Promise.all([
        send(caseId, 'sun', {
          type: 'SUBMIT_RESULT',
          departmentId: 'finance',
          result: '已拨付保障资金',
        }),
        send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: '已报送' }),
      ]);
      await send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' });
      clock.advance(HOUR);
      const done = await send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
      expect(done.state).toBe('completed');
      expect(await store.listTimers(caseId)).toEqual([]);
      clock.advance(HOUR);
      const archived = await send(caseId, 'wang', {
        type: 'ARCHIVE',
        archiveCode: 'WS·2026·Y·0001',
      });
      expect(archived.status).toBe('done');
      await expect(send(caseId, 'wang', { type: 'REMIND' })).rejects.toMatchObject({
        code: 'INVALID_EVENT',
      });

      // the ledger, row by row
      const ledger = await engine.ledger(caseId);
      expect(ledger.map((e) => [e.event, e.actorId, e.fromState, e.toState])).toEqual([
        ['start', 'zhou', null, 'proposing'],
        ['PROPOSE', 'zhou', 'proposing', 'open.reviewing'],
        ['WITHDRAW', 'zhou', 'open.reviewing', 'proposing'],
        ['PROPOSE', 'zhou', 'proposing', 'open.reviewing'],
        ['REVIEW', 'li', 'open.reviewing', 'open.instructing'],
        ['INSTRUCT', 'zhang', 'open.instructing', 'open.instructing'],
        ['RETURN', 'chen', 'open.instructing', 'proposing'],
        ['PROPOSE', 'zhou', 'proposing', 'open.reviewing'],
        ['REVIEW', 'li', 'open.reviewing', 'open.instructing'],
        ['INSTRUCT', 'zhang', 'open.instructing', 'open.instructing'],
        ['INSTRUCT', 'chen', 'open.instructing', 'open.processing'],
        ['ASSIGN', 'zhao', 'open.processing', 'open.processing'],
        ['HAND_DOWN', 'qian', 'open.processing', 'open.processing'],
        ['ASSIGN', 'he', 'open.processing', 'open.processing'],
        ['ASSIGN', 'feng', 'open.processing', 'open.processing'],
        ['SUBMIT_RESULT', 'feng', 'open.processing', 'open.processing'],
        ['CONFIRM', 'feng', 'open.processing', 'open.processing'],
        ['DEADLINE_REMIND', '$timer', 'open.processing', 'open.processing'],
        ['DEADLINE_REMIND', '$timer', 'open.processing', 'open.processing'],
        ['SUBMIT_RESULT', expect.any(String), 'open.processing', 'open.processing'],
        ['SUBMIT_RESULT', expect.any(String), 'open.processing', 'open.processing'],
        ['CONFIRM', 'he', 'open.processing', 'open.processing'],
        ['CONFIRM', 'zhao', 'open.processing', 'completed'],
        ['ARCHIVE', 'wang', 'completed', 'archived'],
      ]);
      expect(
        ledger
          .filter((e) => e.event === 'SUBMIT_RESULT' && e.actorId !== 'feng')
          .map((e) => e.actorId)
          .sort(),
      ).toEqual(['lu', 'sun']);
      // both versions of the proposal are kept
      expect(ledger[7]!.opinion).toBe('补充分工后重拟');
      expect(ledger[8]!.fields).toMatchObject({
        decision: 'change',
        proposal: { opinion: '审阅后的拟办意见' },
      });
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);

      // the 流程台帐 projection, column by column
      const row = projectIncomingLedger(await engine.case(caseId), ledger);
      expect(row.serialNo).toBe('收〔2026〕0001');
      expect(row.title).toBe(REGISTRATION.title);
      expect(row.senderUnit).toBe('市人民政府办公室');
      expect(row.signedAt).toEqual(new Date(t0));
      expect(row.signedBy).toBe('zhou');
      expect(row.proposal).toMatchObject({
        by: 'zhou',
        opinion: '补充分工后重拟',
        at: new Date(t0 + 4 * HOUR),
      });
      expect(row.review).toMatchObject({
        by: 'li',
        decision: 'change',
        opinion: '改由农业农村局牵头传阅',
      });
      expect(row.instructions.map((i) => [i.by, i.opinion, i.at.getTime()])).toEqual([
        ['zhang', '同意，请抓紧', t0 + 5 * HOUR],
        ['chen', '同意张县长意见', t0 + 5 * HOUR],
      ]);
      expect(row.returns.map((r) => [r.by, r.opinion])).toEqual([['chen', '请明确协办分工']]);
      expect(row.readers).toEqual([]);
      expect(row.handling).toEqual([
        {
          departmentId: 'finance',
          role: 'main',
          handler: 'sun',
          handlers: ['qian', 'sun'],
          result: '已拨付保障资金',
          resultAt: new Date('2026-10-09T02:00:00Z'),
          confirmedAt: new Date('2026-10-09T03:00:00Z'),
        },
        {
          departmentId: 'education',
          role: 'assist',
          handler: 'lu',
          handlers: ['lu'],
          result: '已报送',
          resultAt: new Date('2026-10-09T02:00:00Z'),
          confirmedAt: new Date('2026-10-09T02:00:00Z'),
        },
        {
          departmentId: 'agri',
          role: 'assist',
          handler: 'feng',
          handlers: ['feng'],
          result: '已部署秋冬种工作',
          resultAt: new Date(t0 + 6 * HOUR),
          confirmedAt: new Date(t0 + 6 * HOUR),
        },
      ]);
      expect(row.reminderCount).toBe(2);
      expect(row.completedAt).toEqual(new Date('2026-10-09T03:00:00Z'));
      expect(row.archivedAt).toEqual(new Date('2026-10-09T04:00:00Z'));
    });

    it('20 parallel registrations get 20 distinct consecutive 收文编号', async () => {
      const store = await concurrencyStores.get(dialect);
      const { engine, register } = await harness(store, '2026-11-25T01:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => register(i % 2 === 0 ? 'zhou' : 'wang')),
      );
      const numbers = await Promise.all(
        results.map(async (r) => (await engine.case(r.caseId)).fields.serialNo),
      );
      expect(numbers.sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `收〔2026〕${String(i + 1).padStart(4, '0')}`),
      );
      expect(await store.currentSerial('demo', '收文:红头:2026')).toBe(20);
    });

    it('a 撤回 racing the next actor, and two heads confirming at once: one clean outcome', async () => {
      const store = await concurrencyStores.get(dialect);
      const { engine, send, register } = await harness(store, '2026-11-25T01:00:00Z');
      for (let i = 0; i < 3; i++) {
        const { caseId } = await register('zhou');
        await send(caseId, 'zhou', { ...PROPOSAL, deadline: '2026-12-31' });
        const outcomes = await Promise.allSettled([
          send(caseId, 'zhou', { type: 'WITHDRAW' }),
          send(caseId, 'li', { type: 'REVIEW', decision: 'accept' }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes)
          if (o.status === 'rejected')
            expect(['NOT_PERMITTED', 'INVALID_EVENT']).toContain(
              (o.reason as { code: string }).code,
            );
        const c = await engine.case(caseId);
        expect(c.rev).toBe(3);
        expect((await engine.verifyLedger(caseId)).ok).toBe(true);
      }
      const { caseId } = await register('zhou');
      await send(caseId, 'zhou', {
        ...PROPOSAL,
        assistDepartments: ['education'],
        leaders: ['chen'],
      });
      await send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
      await send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
      await send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
      await send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
      await send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'A' });
      await send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'B' });
      const both = await Promise.all([
        send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' }),
        send(caseId, 'he', { type: 'CONFIRM', departmentId: 'education' }),
      ]);
      expect(both.map((r) => r.state).sort()).toEqual(['completed', 'open.processing']);
      const ledger = await engine.ledger(caseId);
      expect(ledger.filter((e) => e.toState === 'completed')).toHaveLength(1);
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
    });

    it('a head cannot act for another department, and the organisation rules hold: nothing written', async () => {
      const store = await concurrencyStores.get(dialect);
      const { engine, send, register } = await harness(store, '2026-11-25T01:00:00Z');
      const { caseId } = await register('zhou');
      await send(caseId, 'zhou', {
        ...PROPOSAL,
        assistDepartments: ['education'],
        leaders: ['chen'],
        deadline: '2026-12-31',
      });
      await send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
      await send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
      const before = await engine.case(caseId);
      const tasksBefore = await engine.tasks(caseId);
      const ledgerBefore = (await engine.ledger(caseId)).length;
      await expect(
        send(caseId, 'he', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
      ).rejects.toMatchObject({
        code: 'NOT_PERMITTED',
        message: '您不是县财政局“分派承办人”的办理人',
      });
      await expect(
        send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'lu' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: '承办人须为县财政局或其下属科室人员',
      });
      const after = await engine.case(caseId);
      expect(after.rev).toBe(before.rev);
      expect(after.snapshot).toEqual(before.snapshot);
      expect(await engine.tasks(caseId)).toEqual(tasksBefore);
      expect(await engine.ledger(caseId)).toHaveLength(ledgerBefore);
      await send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
    });
  });
}
