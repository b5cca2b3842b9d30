import {
  buildOutgoingArchiveRecord,
  createChineseCalendar,
  createIncomingWorkflow,
  createMemoryBlobStore,
  createOutgoingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  type DocumentBody,
  type DocumentRenderer,
  distributeToUnits,
  manualClock,
  outgoingDocNumberHistory,
  outgoingVersions,
  projectOutgoingLedger,
  type Sealer,
  type Store,
  sealOutgoingDocument,
} from '@gongwen/core';
import { loadSampleOrg } from '@gongwen/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, sharedStores } from '../testing/test-databases.ts';

const caseStores = sharedStores();
const concurrencyStores = sharedStores();
afterAll(() => Promise.all([caseStores.closeAll(), concurrencyStores.closeAll()]), 60_000);

const HOUR = 3_600_000;

const body = (...paras: string[]): DocumentBody => ({
  blocks: [
    { type: 'heading', level: 1, text: '一、工作要求' },
    ...paras.map((text) => ({ type: 'paragraph' as const, text })),
  ],
});

const DRAFT = {
  draftingDepartment: 'office',
  issuerCode: '示政办发',
  docType: '通知',
  secrecy: '非密',
  urgency: '加急',
  classification: '综合',
  mainRecipients: [{ unitId: 'other' }, { name: '市财政局' }],
  ccRecipients: [{ name: '县审计局' }],
  title: '关于做好冬季森林防火工作的通知',
  copies: 20,
  keywords: ['森林防火'],
  attachments: [{ blobId: 'blob-att', name: '责任分工表.xlsx' }],
  body: body('各单位要落实森林防火责任。'),
};

const CHECK = {
  type: 'CHECK',
  opinion: '请财政局、教育局会签',
  countersign: {
    mode: 'parallel',
    departments: [
      { departmentId: 'finance', memberOpinionTo: 'head' },
      { departmentId: 'education', memberOpinionTo: 'next' },
    ],
  },
  signer: 'zhang',
};

/** The sample county plus 县教育局 (he, lu), a drafter (xu) in the office and a secretary (lin) of 邻县. */
async function loadOrg(store: Store) {
  await loadSampleOrg(store.directory);
  await store.directory.putDepartment({
    id: 'education',
    unitId: 'demo',
    parentId: 'gov',
    name: '县教育局',
    headUserId: 'he',
    sort: 5,
  });
  for (const [id, unitId, name, dept, roles, superiorId] of [
    ['he', 'demo', '何局长', 'education', ['departmentHead'], 'chen'],
    ['lu', 'demo', '陆科员', 'education', ['staff'], 'he'],
    ['xu', 'demo', '徐秘书长', 'office', ['staff'], 'li'],
    ['lin', 'other', '林文秘', 'other-office', ['secretary'], 'outsider'],
  ] as const) {
    await store.directory.putUser({
      id,
      unitId,
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
  const directory = createStoreDirectory(store.directory);
  const engine = createWorkflowEngine({
    store,
    directory,
    clock,
    calendar,
    workflows: [createOutgoingWorkflow({ calendar }), createIncomingWorkflow({ calendar })],
  });
  const send = (caseId: string, actorId: string, event: { type: string; [k: string]: unknown }) =>
    engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
  const draft = async (overrides: Record<string, unknown> = {}) =>
    (
      await engine.start({
        workflow: 'outgoing',
        actorId: 'xu',
        commandId: crypto.randomUUID(),
        input: { ...DRAFT, ...overrides },
      })
    ).caseId;
  return { clock, calendar, directory, engine, send, draft };
}

/** FAKE renderer and sealer: the real ones (@gongwen/documents, @gongwen/seal) are tested in their packages. */
function fakes(at: Date) {
  const renderer: DocumentRenderer = {
    renderDocx: async () => new Uint8Array([1]),
    renderPdf: async (doc) => ({
      pdf: new TextEncoder().encode(`FAKE-PDF ${doc.docNumber ?? ''}`),
      pageCount: 2,
      sealAnchor: { page: 1, x: 420, y: 200 },
    }),
  };
  const sealer: Sealer = {
    seal: async (req) => ({
      pdf: new Uint8Array([...req.pdf, 0x20, 0x53]),
      sealedAt: at,
      certificateSerial: 'c0ffee',
      signerName: '示例县人民政府',
    }),
    verify: async () => [],
  };
  return { renderer, sealer };
}

for (const dialect of DIALECTS) {
  describe(`发文 on ${dialect}`, () => {
    it('runs a full realistic case: 会签 with a member opinion, 返还 loop, 退回修改, 文号, 清稿, 盖章, 分发 to 3 units, 回执, 归档', async () => {
      const store = await caseStores.get(dialect);
      const { clock, calendar, directory, engine, send, draft } = await harness(
        store,
        '2026-11-25T01:00:00Z',
      );
      const caseId = await draft();
      clock.advance(HOUR);
      await send(caseId, 'xu', { type: 'SUBMIT' });
      await send(caseId, 'li', CHECK);
      clock.advance(HOUR);
      await send(caseId, 'zhao', {
        type: 'ASSIGN_MEMBER',
        departmentId: 'finance',
        memberId: 'qian',
      });
      await send(caseId, 'qian', {
        type: 'COUNTERSIGN',
        departmentId: 'finance',
        opinion: '建议明确经费来源',
        body: body('各单位要落实森林防火责任。', '所需经费由各单位预算安排。'),
      });
      await send(caseId, 'zhao', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
      await send(caseId, 'he', {
        type: 'ASSIGN_MEMBER',
        departmentId: 'education',
        memberId: 'lu',
      });
      await send(caseId, 'lu', {
        type: 'COUNTERSIGN',
        departmentId: 'education',
        opinion: '无意见',
      });
      // 返还 loop: consolidate and go round 会签 again
      clock.advance(HOUR);
      await send(caseId, 'xu', {
        type: 'EDIT',
        body: body('各单位要落实森林防火责任。', '所需经费由各单位在预算内安排。'),
      });
      await send(caseId, 'xu', { type: 'COUNTERSIGN_AGAIN' });
      await send(caseId, 'zhao', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
      await send(caseId, 'he', { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' });
      await send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
      await send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
      // 签发 returns it for a major revision; it goes through 会签 again
      await send(caseId, 'zhang', { type: 'RETURN_FOR_REVISION', reason: '请增加火险预警内容' });
      clock.advance(HOUR);
      await send(caseId, 'xu', {
        type: 'EDIT',
        body: body(
          '各单位要落实森林防火责任。',
          '所需经费由各单位在预算内安排。',
          '高火险天气要及时发布预警。',
        ),
      });
      await send(caseId, 'xu', { type: 'COUNTERSIGN_AGAIN' });
      await send(caseId, 'zhao', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
      await send(caseId, 'he', { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' });
      await send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
      await send(caseId, 'wang', { type: 'RECHECK', opinion: '同意' });
      clock.advance(HOUR);
      await send(caseId, 'zhang', { type: 'SIGN', opinion: '同意印发' });
      expect((await engine.case(caseId)).fields.docNumber).toBe('示政办发〔2026〕1号');
      await send(caseId, 'zhou', { type: 'FINALIZE', mode: 'auto' });

      const blobs = createMemoryBlobStore();
      const { renderer, sealer } = fakes(clock.now());
      const sealed = await sealOutgoingDocument({
        engine,
        directory,
        renderer,
        sealer,
        blobs,
        caseId,
        actorId: 'wang',
        commandId: `seal-${caseId}`,
        sealId: 'seal-gov',
        pin: '000000',
      });
      expect(sealed.result.state).toBe('dispatching');
      expect(new TextDecoder().decode(await blobs.get(sealed.seal.pdfBlobKey))).toBe(
        'FAKE-PDF 示政办发〔2026〕1号 S',
      );

      clock.advance(HOUR);
      const args = { engine, directory, caseId, actorId: 'wang', calendar, clock };
      const dist = await distributeToUnits(args);
      // a retry (e.g. after a timeout) creates nothing twice
      const retry = await distributeToUnits(args);
      expect(retry.result).toEqual(dist.result);
      const incomingId = dist.deliveries.find((d) => d.unitId === 'other')!.incomingCaseId!;
      expect(retry.deliveries.find((d) => d.unitId === 'other')!.incomingCaseId).toBe(incomingId);
      expect((await store.listCases({ unitId: 'other', limit: 10, offset: 0 })).total).toBe(1);
      expect(await engine.case(incomingId)).toMatchObject({
        unitId: 'other',
        state: 'proposing',
        fields: {
          senderDocNumber: '示政办发〔2026〕1号',
          source: { caseId, docNumber: '示政办发〔2026〕1号' },
        },
      });
      // the automatic reminder after 3 working days, then the two external 回执
      clock.set('2026-11-30T16:00:00Z');
      expect(await engine.runDueTimers()).toMatchObject({ fired: 1 });
      clock.set('2026-12-01T02:00:00Z');
      await send(caseId, 'zhou', {
        type: 'RECORD_RECEIPT',
        recipient: 'ext:0',
        receivedBy: '刘收发',
      });
      const done = await send(caseId, 'wang', {
        type: 'RECORD_RECEIPT',
        recipient: 'ext:1',
        receivedBy: '陈收发',
      });
      expect(done.state).toBe('distributed');
      expect(await store.listTimers(caseId)).toEqual([]);
      const archived = await send(caseId, 'wang', {
        type: 'ARCHIVE',
        archiveCode: 'WS·2026·Y·0201',
      });
      expect(archived.status).toBe('done');

      const c = await engine.case(caseId);
      const ledger = await engine.ledger(caseId);
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
      expect(outgoingVersions(c).map((v) => [v.no, v.author, v.kind])).toEqual([
        [1, 'xu', 'draft'],
        [2, 'qian', 'proposal'],
        [3, 'xu', 'draft'],
        [4, 'xu', 'draft'],
      ]);
      const row = projectOutgoingLedger(c, ledger);
      expect(row).toMatchObject({
        docNumber: '示政办发〔2026〕1号',
        drafter: 'xu',
        check: { by: 'li' },
        recheck: { by: 'wang' },
        signing: { by: 'zhang', opinion: '同意印发' },
        finalized: { by: 'zhou', mode: 'auto' },
        seal: { by: 'wang', certificateSerial: 'c0ffee' },
        reminderCount: 1,
      });
      expect(
        row.countersign.map((l) => [
          l.round,
          l.departmentId,
          l.memberOpinion?.opinion ?? null,
          l.opinion?.by,
        ]),
      ).toEqual([
        [1, 'finance', '建议明确经费来源', 'zhao'],
        [1, 'education', '无意见', 'lu'],
        [2, 'finance', null, 'zhao'],
        [2, 'education', null, 'he'],
        [3, 'finance', null, 'zhao'],
        [3, 'education', null, 'he'],
      ]);
      expect(row.distribution.map((d) => [d.recipient, d.receivedBy])).toEqual([
        ['unit:other', 'lin'],
        ['ext:0', '刘收发'],
        ['ext:1', '陈收发'],
      ]);
      const record = buildOutgoingArchiveRecord({
        caseRecord: c,
        ledger,
        tasks: await engine.tasks(caseId),
      });
      expect(record.verification.ok).toBe(true);
      expect(record.finalVersion?.no).toBe(4);
    });

    it('50 parallel 签发 in one 机关代字 get 50 distinct consecutive 文号', async () => {
      const store = await concurrencyStores.get(dialect);
      const { engine, send, draft } = await harness(store, '2026-11-25T01:00:00Z');
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const caseId = await draft({ title: `关于第${i + 1}项工作的通知` });
        await send(caseId, 'xu', { type: 'SUBMIT' });
        await send(caseId, 'li', { ...CHECK, countersign: undefined });
        await send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
        ids.push(caseId);
      }
      const results = await Promise.all(ids.map((id) => send(id, 'zhang', { type: 'SIGN' })));
      expect(results.every((r) => r.state === 'finalizing')).toBe(true);
      const numbers = await Promise.all(
        ids.map(async (id) => (await engine.case(id)).fields.docNumber as string),
      );
      expect(numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(await store.currentSerial('demo', '发文:示政办发:2026')).toBe(50);
      const history = await outgoingDocNumberHistory({
        store,
        unitId: 'demo',
        issuerCode: '示政办发',
        year: 2026,
      });
      expect(history.entries.map((e) => e.serial)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(history.missing).toEqual([]);
    }, 120_000);
  });
}
