import { describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../memory/memory-blob-store.ts';
import { createMemoryStore } from '../memory/memory-store.ts';
import { createIncomingWorkflow } from './incoming/definition.ts';
import { buildOutgoingArchiveRecord } from './outgoing/archive-record.ts';
import { outgoingContextOf, outgoingVersions } from './outgoing/case-context.ts';
import { distributeToUnits } from './outgoing/distribute-to-units.ts';
import { outgoingDocNumberHistory } from './outgoing/doc-number-history.ts';
import { outgoingFlowStatistics } from './outgoing/flow-statistics.ts';
import { projectOutgoingLedger } from './outgoing/ledger-projection.ts';
import { sealOutgoingDocument } from './outgoing/seal-document.ts';
import { outgoingStatistics } from './outgoing/statistics.ts';
import { fakeRenderer, fakeSealer } from './outgoing/testing-fakes.ts';
import { body, outgoingHarness, STANDARD_CHECK } from './outgoing/testing-harness.ts';
import { diffCaseVersions } from './outgoing/version-diff.ts';

const HOUR = 3_600_000;
const code = (c: string) => expect.objectContaining({ code: c });

describe('发文: a full realistic case on the memory store', () => {
  it('拟稿 → 核稿 → 会签 (member opinion) → 返还 loop → 复核 → 退回修改 → 签发 (文号) → 清稿 → 盖章 → 分发 (收文 created) → 回执 → 归档', async () => {
    const h = await outgoingHarness(createMemoryStore(), undefined, {}, (calendar) => [
      createIncomingWorkflow({ calendar }),
    ]);
    const t0 = h.clock.now().getTime();
    const step = () => h.clock.advance(HOUR);

    // 拟稿: imported from Word; the original is kept as an attachment
    const { caseId, state } = await h.engine.start({
      workflow: 'outgoing',
      actorId: 'xu',
      commandId: h.cmd(),
      input: {
        ...(await import('./outgoing/test-org.ts')).sampleDraft(),
        importedFrom: { blobId: 'blob-docx', name: '安全生产通知.docx' },
      },
    });
    expect(state).toBe('drafting');
    expect(await h.openKeys(caseId)).toEqual(['draft:0']);
    step();
    await h.send(caseId, 'xu', {
      type: 'EDIT',
      body: body('各单位要高度重视节日期间安全生产工作，压实主体责任。', '开展隐患排查。'),
      note: '补充责任要求',
    });
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    // 核稿 defaults to the drafter's direct superior (li)
    expect((await h.engine.case(caseId)).assignments[0]).toMatchObject({
      key: 'check:0',
      candidates: ['li'],
    });
    step();
    // li opens the task (签收时间) half an hour before acting on it
    const checkTask = (await h.engine.tasks(caseId)).find((t) => t.key === 'check:0')!;
    await h.engine.openTask({ caseId, taskId: checkTask.id, actorId: 'li' });
    const openedAt = h.clock.now();
    h.clock.advance(HOUR / 2);
    await h.send(caseId, 'li', {
      type: 'EDIT',
      body: body('各单位要高度重视元旦春节期间安全生产工作，压实主体责任。', '开展隐患排查。'),
    });
    await h.send(caseId, 'li', STANDARD_CHECK);
    expect(await h.openKeys(caseId)).toEqual([
      'countersign:1:education:0:head',
      'countersign:1:finance:0:head',
    ]);

    // 会签, in parallel: finance's member opinion returns to the head; education's goes straight on
    step();
    await h.send(caseId, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'qian',
    });
    await h.send(caseId, 'qian', {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '建议增加资金保障内容',
      body: body(
        '各单位要高度重视元旦春节期间安全生产工作，压实主体责任。',
        '开展隐患排查。',
        '财政部门做好资金保障。',
      ),
    });
    expect(await h.openKeys(caseId)).toContain('countersign:1:finance:2:review');
    await h.send(caseId, 'zhao', {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '同意钱股长意见',
    });
    await h.send(caseId, 'he', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'education',
      memberId: 'lu',
    });
    const afterCs = await h.send(caseId, 'lu', {
      type: 'COUNTERSIGN',
      departmentId: 'education',
      opinion: '无意见',
    });
    expect(afterCs.state).toBe('consolidating');

    // 返还: the drafter consolidates and sends it round 会签 once more
    step();
    await h.send(caseId, 'xu', {
      type: 'EDIT',
      body: body(
        '各单位要高度重视元旦春节期间安全生产工作，压实主体责任。',
        '开展隐患排查，加强值班值守。',
        '财政部门做好资金保障。',
      ),
      note: '吸收会签意见',
    });
    await h.send(caseId, 'xu', { type: 'COUNTERSIGN_AGAIN', note: '请再次会签' });
    expect(await h.openKeys(caseId)).toEqual([
      'countersign:2:education:0:head',
      'countersign:2:finance:0:head',
    ]);
    // fang acts for zhao (delegation for 发文)
    const delegated = await h.send(caseId, 'fang', {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '同意',
    });
    expect(delegated.onBehalfOf).toBe('zhao');
    await h.send(caseId, 'he', { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' });
    await h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });

    // 复核 by the secretariat, then 签发 returns it for a major revision
    step();
    await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '格式规范，复核通过' });
    await h.send(caseId, 'zhang', { type: 'RETURN_FOR_REVISION', reason: '请补充应急处置要求' });
    expect((await h.engine.case(caseId)).state).toBe('consolidating');
    // after 退回修改 the draft must go through 会签 again
    await expect(h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
    step();
    await h.send(caseId, 'xu', {
      type: 'EDIT',
      body: body(
        '各单位要高度重视元旦春节期间安全生产工作，压实主体责任。',
        '开展隐患排查，加强值班值守。',
        '财政部门做好资金保障。',
        '发生突发事件要按预案及时处置并报告。',
      ),
    });
    await h.send(caseId, 'xu', {
      type: 'COUNTERSIGN_AGAIN',
      countersign: { mode: 'sequence', departments: [{ departmentId: 'finance' }] },
    });
    await h.send(caseId, 'zhao', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
    await h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
    await h.send(caseId, 'wang', { type: 'RECHECK', opinion: '同意' });

    // 签发 with a keyboard edit: the 文号 is taken in the same transaction
    step();
    const signed = await h.send(caseId, 'zhang', {
      type: 'SIGN',
      opinion: '同意印发',
      body: body(
        '各单位要高度重视2027年元旦春节期间安全生产工作，压实主体责任。',
        '开展隐患排查，加强值班值守。',
        '财政部门做好资金保障。',
        '发生突发事件要按预案及时处置并报告。',
      ),
    });
    expect(signed.state).toBe('finalizing');
    let c = await h.engine.case(caseId);
    expect(c.fields.docNumber).toBe('示政办发〔2026〕1号');
    expect(await h.store.currentSerial('demo', '发文:示政办发:2026')).toBe(1);

    // 成文: 自动清稿 — the signed version becomes final; every version stays
    step();
    await h.send(caseId, 'xu', { type: 'FINALIZE', mode: 'auto' });
    c = await h.engine.case(caseId);
    const versions = outgoingVersions(c);
    expect(versions.map((v) => [v.no, v.step, v.kind, v.author])).toEqual([
      [1, 'draft', 'draft', 'xu'],
      [2, 'draft', 'draft', 'xu'],
      [3, 'check', 'edit', 'li'],
      [4, 'countersign', 'proposal', 'qian'],
      [5, 'consolidate', 'draft', 'xu'],
      [6, 'consolidate', 'draft', 'xu'],
      [7, 'sign', 'edit', 'zhang'],
    ]);
    expect(versions[0]!.note).toBe('导入自 安全生产通知.docx');
    expect(c.fields).toMatchObject({ signedVersion: 7, finalVersion: 7, currentVersion: 7 });
    expect(outgoingContextOf(c).header.attachments).toEqual([
      { blobId: 'blob-att-1', name: '值班表.xlsx', role: 'attachment' },
      { blobId: 'blob-docx', name: '安全生产通知.docx', role: 'original' },
    ]);
    // any two versions diff at paragraph and character level
    const d = diffCaseVersions(versions, 3, 7);
    expect(d.rows.map((r) => r.kind)).toEqual(['equal', 'changed', 'changed', 'added', 'added']);
    const first = d.rows[1]!;
    expect(first.kind === 'changed' && first.text?.right).toEqual([
      { op: 'equal', text: '各单位要高度重视' },
      { op: 'added', text: '2027年' },
      { op: 'equal', text: '元旦春节期间安全生产工作，压实主体责任。' },
    ]);

    // 盖章 through the service (FAKE renderer and sealer: the real ones live in their packages)
    step();
    const blobs = createMemoryBlobStore();
    const { renderer, calls: rendered } = fakeRenderer();
    const { sealer, calls: sealCalls } = fakeSealer({ pin: '123456', at: h.clock.now() });
    const sealArgs = {
      engine: h.engine,
      directory: h.directory,
      renderer,
      sealer,
      blobs,
      caseId,
      actorId: 'wang',
      commandId: 'seal-cmd-1',
      sealId: 'seal-gov',
      pin: '123456',
      printDate: h.clock.now(),
    };
    const sealed = await sealOutgoingDocument(sealArgs);
    expect(sealed.result.state).toBe('dispatching');
    expect(rendered[0]).toMatchObject({
      docNumber: '示政办发〔2026〕1号',
      title: '关于做好2027年元旦春节期间安全生产工作的通知',
      issuerMark: '示例县人民政府文件',
      urgency: '加急',
      mainRecipients: '邻县人民政府，市财政局',
      ccRecipients: '县审计局',
      attachments: ['值班表.xlsx'],
      body: versions[6]!.body,
    });
    expect(sealCalls[0]).toMatchObject({
      unitId: 'demo',
      sealId: 'seal-gov',
      placement: { page: 2, x: 400, y: 180 },
    });
    const pdf = new TextDecoder().decode(await blobs.get(sealed.pdf!.key));
    expect(pdf).toBe(
      'FAKE-PDF 示政办发〔2026〕1号 关于做好2027年元旦春节期间安全生产工作的通知 FAKE-SEAL seal-gov',
    );
    expect(sealed.seal).toMatchObject({
      certificateSerial: '0a1b2c',
      signerName: '示例县人民政府',
      pageCount: 3,
    });
    // a retry of the same command does no new work and returns the first result
    const again = await sealOutgoingDocument(sealArgs);
    expect(again.result).toEqual(sealed.result);
    expect(again.pdf).toBeNull();
    expect(sealCalls).toHaveLength(1);

    // 分发: 邻县 is on the platform and gets a 收文 case; the two others are external
    step();
    const dist = await distributeToUnits({
      engine: h.engine,
      directory: h.directory,
      caseId,
      actorId: 'wang',
      calendar: h.calendar,
      clock: h.clock,
    });
    expect(dist.result.state).toBe('collecting');
    const incomingId = dist.deliveries.find((x) => x.unitId === 'other')!.incomingCaseId!;
    const incoming = await h.engine.case(incomingId);
    expect(incoming).toMatchObject({
      unitId: 'other',
      workflow: 'incoming',
      state: 'proposing',
      startedBy: 'lin',
      fields: {
        senderUnit: '示例县人民政府',
        senderDocNumber: '示政办发〔2026〕1号',
        serialNo: '收〔2026〕0001',
        source: { workflow: 'outgoing', caseId, unitId: 'demo', docNumber: '示政办发〔2026〕1号' },
      },
    });
    // a retry never creates a second 收文
    const redo = await distributeToUnits({
      engine: h.engine,
      directory: h.directory,
      caseId,
      actorId: 'wang',
      calendar: h.calendar,
      clock: h.clock,
    });
    expect(redo.deliveries.find((x) => x.unitId === 'other')!.incomingCaseId).toBe(incomingId);
    expect(
      (await h.store.listCases({ unitId: 'other', workflow: 'incoming', limit: 10, offset: 0 }))
        .total,
    ).toBe(1);
    expect(await h.openKeys(caseId)).toEqual(['receipt:ext:0', 'receipt:ext:1']);

    // automatic 催办 of missing 回执 after 3 working days (Wed 25 → end of Mon 30 Nov)
    const timers = await h.store.listTimers(caseId);
    expect(timers.map((t) => t.dueAt.toISOString())).toEqual(['2026-11-30T15:59:59.999Z']);
    h.clock.set('2026-11-30T16:00:00Z');
    expect(await h.engine.runDueTimers()).toMatchObject({ fired: 1 });
    expect(await h.openKeys(caseId)).toEqual([
      'receipt:ext:0',
      'receipt:ext:1',
      'remind:1:receipt:ext:0',
      'remind:1:receipt:ext:1',
    ]);
    h.clock.set('2026-12-01T02:00:00Z');
    await h.send(caseId, 'zhou', {
      type: 'RECORD_RECEIPT',
      recipient: 'ext:0',
      receivedBy: '市财政局办公室 刘收发',
      receivedAt: '2026-12-01T01:30:00Z',
    });
    await expect(
      h.send(caseId, 'zhou', { type: 'RECORD_RECEIPT', recipient: 'ext:0', receivedBy: 'x' }),
    ).rejects.toEqual(code('INVALID_EVENT'));
    const all = await h.send(caseId, 'wang', {
      type: 'RECORD_RECEIPT',
      recipient: 'ext:1',
      receivedBy: '县审计局 陈收发',
    });
    expect(all.state).toBe('distributed');
    expect(await h.store.listTimers(caseId)).toEqual([]);
    step();
    const archived = await h.send(caseId, 'wang', {
      type: 'ARCHIVE',
      archiveCode: 'WS·2026·Y·0101',
    });
    expect(archived.status).toBe('done');
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);

    // the 流程台帐 row, column by column
    c = await h.engine.case(caseId);
    const ledger = await h.engine.ledger(caseId);
    const row = projectOutgoingLedger(c, ledger);
    expect(row).toMatchObject({
      docNumber: '示政办发〔2026〕1号',
      title: '关于做好2027年元旦春节期间安全生产工作的通知',
      draftingDepartment: 'office',
      drafter: 'xu',
      draftedAt: new Date(t0),
      check: { by: 'li', opinion: STANDARD_CHECK.opinion },
      recheck: { by: 'wang', opinion: '同意' },
      signing: { by: 'zhang', opinion: '同意印发' },
      rejected: null,
      finalized: { by: 'xu', mode: 'auto' },
      seal: { by: 'wang', certificateSerial: '0a1b2c', signerName: '示例县人民政府' },
      reminderCount: 1,
      archivedAt: c.updatedAt,
    });
    expect(
      row.countersign.map((l) => [
        l.round,
        l.departmentId,
        l.member,
        l.memberOpinion?.opinion ?? null,
        l.opinion?.by,
        l.opinion?.opinion,
      ]),
    ).toEqual([
      [1, 'finance', 'qian', '建议增加资金保障内容', 'zhao', '同意钱股长意见'],
      [1, 'education', 'lu', '无意见', 'lu', '无意见'],
      [2, 'finance', null, null, 'zhao', '同意'],
      [2, 'education', null, null, 'he', '同意'],
      [3, 'finance', null, null, 'zhao', '同意'],
    ]);
    expect(row.countersign[2]!.opinion).toMatchObject({ actorId: 'fang', onBehalfOf: 'zhao' });
    expect(row.returns.map((r) => [r.by, r.opinion, r.fromState])).toEqual([
      ['zhang', '请补充应急处置要求', 'signing'],
    ]);
    expect(row.distribution).toEqual([
      expect.objectContaining({
        recipient: 'unit:other',
        method: '平台',
        incomingCaseId: incomingId,
        receivedBy: 'lin',
      }),
      expect.objectContaining({
        recipient: 'ext:0',
        method: '机要交换',
        receivedBy: '市财政局办公室 刘收发',
        receivedAt: new Date('2026-12-01T01:30:00Z'),
      }),
      expect.objectContaining({
        recipient: 'ext:1',
        receivedBy: '县审计局 陈收发',
        receivedAt: new Date('2026-12-01T02:00:00Z'),
      }),
    ]);

    // 流程统计: defined vs actual handler, 签收 time (first opened) and 处理 time
    const tasks = await h.engine.tasks(caseId);
    const flow = outgoingFlowStatistics(tasks, h.clock.now());
    const cs2 = flow.find((l) => l.key === 'countersign:2:finance:0:head')!;
    expect(cs2).toMatchObject({
      node: '会签',
      definedHandlers: ['zhao'],
      actualHandler: 'fang',
      onBehalfOf: 'zhao',
    });
    expect(flow.find((l) => l.key === 'check:0')).toMatchObject({
      node: '核稿',
      definedHandlers: ['li'],
      actualHandler: 'li',
      openedAt,
      doneAt: new Date(openedAt.getTime() + HOUR / 2),
    });
    expect(flow.filter((l) => l.kind === 'remind')).toEqual([]);

    // 文号 history, 档案 record and statistics
    const history = await outgoingDocNumberHistory({
      store: h.store,
      unitId: 'demo',
      issuerCode: '示政办发',
      year: 2026,
    });
    expect(history).toMatchObject({ lastSerial: 1, missing: [] });
    expect(history.entries.map((e) => [e.docNumber, e.caseId, e.status])).toEqual([
      ['示政办发〔2026〕1号', caseId, 'inUse'],
    ]);
    const record = buildOutgoingArchiveRecord({ caseRecord: c, ledger, tasks });
    expect(record.verification.ok).toBe(true);
    expect(record.finalVersion?.no).toBe(7);
    expect(record.versions).toHaveLength(7);
    const stats = await outgoingStatistics({
      store: h.store,
      calendar: h.calendar,
      unitId: 'demo',
      from: new Date('2026-01-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
    });
    expect(stats.unit).toMatchObject({
      drafted: 1,
      signed: 1,
      issued: 1,
      inProgress: 0,
      averageWorkingDays: 0,
    });
    expect(stats.docTypes).toEqual([expect.objectContaining({ docType: '通知', issued: 1 })]);
    expect(stats.departments).toEqual([
      expect.objectContaining({ departmentId: 'office', drafted: 1 }),
    ]);
  });
});
