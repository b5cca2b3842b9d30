import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { outgoingContextOf } from '@gongwen/core';
import { verifySealedPdf } from '@gongwen/seal';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '~/server/app-types';
import { readBlobFor } from '~/server/services/incoming/attachments';
import { renderOutgoingPreview } from '~/server/services/outgoing/render-outgoing-preview';
import { DEMO_SEAL_PIN, sealFiles } from '~/server/services/outgoing/seal/create-sealer';
import { readSealedPdf } from '~/server/services/outgoing/seal-outgoing';
import {
  draftBody as body,
  outgoingDraft as draft,
  type OutgoingTestApp,
  shareOutgoingTestApp,
} from '~/server/testing/outgoing-fixtures';
import { sessionUserOf } from '~/server/testing/router-helpers';
import { callerFor } from '~/server/testing/test-app';

// One 发文 from 拟稿 to 存档 through every role: versions and their diff, 会签, 签发 with a
// handwritten opinion, the 文号, the GB/T 9704 preview, 盖章 and its verification, 分发 to a
// unit on the platform and one off it, 回执, 存档, the 文号 history and the 发文稿纸.

let app: OutgoingTestApp;
shareOutgoingTestApp((opened) => {
  app = opened;
});

const sessionUser = (id: string) => sessionUserOf(app, id);

describe('outgoing router: a whole 发文 through several users', () => {
  it('拟稿 → 核稿 → 会签 ×2 → 返还 → 复核 → 签发 → 文号 → 预览 → 盖章 → 分发 → 回执 → 存档', async () => {
    const sun = callerFor(app, 'sun');
    const qian = callerFor(app, 'qian');
    const zhao = callerFor(app, 'zhao');
    const li = callerFor(app, 'li');
    const wang = callerFor(app, 'wang');
    const zhang = callerFor(app, 'zhang');
    const zhou = callerFor(app, 'zhou');

    // 拟稿 and a second version
    const { caseId } = await sun.outgoing.create({ commandId: randomUUID(), draft: draft() });
    let c = await sun.outgoing.get({ caseId });
    expect(c.state).toBe('drafting');
    expect(c.actions.map((a) => a.type)).toEqual(
      expect.arrayContaining(['EDIT', 'SUBMIT', 'CANCEL']),
    );
    await sun.outgoing.saveVersion({
      caseId,
      commandId: randomUUID(),
      expectedRev: c.rev,
      edit: {
        body: body('各单位要高度重视节日期间安全生产工作，切实压实责任。'),
        note: '修改措辞',
        // the header may change with the body (the EDIT form's 同时修改稿头)
        header: { urgency: '加急', keywords: ['安全生产', '节日'] },
      },
    });
    c = await sun.outgoing.get({ caseId });
    expect(c.header).toMatchObject({ urgency: '加急', keywords: ['安全生产', '节日'] });
    // a bad header change is refused in Chinese and saves nothing
    const rev = c.rev;
    await expect(
      sun.outgoing.saveVersion({
        caseId,
        commandId: randomUUID(),
        edit: { body: body('再改'), header: { secrecy: '秘密' } },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('保密期限') });
    expect((await sun.outgoing.get({ caseId })).rev).toBe(rev);
    await sun.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'SUBMIT', payload: {} },
    });

    // 核稿 belongs to sun's superior (qian): zhao may not act, and nothing changes
    c = await qian.outgoing.get({ caseId });
    expect(c.state).toBe('checking');
    const checkPayload = {
      opinion: '文字已核，请财政局和办公室会签。',
      countersign: {
        mode: 'sequence' as const,
        departments: [
          { departmentId: 'finance', memberOpinionTo: 'head' as const },
          { departmentId: 'office', memberOpinionTo: 'head' as const },
        ],
      },
      signer: 'zhang',
    };
    await expect(
      zhao.outgoing.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'CHECK', payload: checkPayload },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await qian.outgoing.get({ caseId })).rev).toBe(c.rev);
    // a 签发人 without the leader role is refused with a Chinese message
    await expect(
      qian.outgoing.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'CHECK', payload: { ...checkPayload, signer: 'sun' } },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    await qian.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'CHECK', payload: checkPayload },
    });

    // 会签 in sequence: 县财政局 first, then 县政府办公室 (who proposes an edit)
    c = await zhao.outgoing.get({ caseId });
    expect(c.state).toBe('countersigning');
    expect(c.actions.find((a) => a.type === 'COUNTERSIGN')?.departments).toEqual([
      { id: 'finance', name: '县财政局' },
    ]);
    await expect(
      li.outgoing.send({
        caseId,
        commandId: randomUUID(),
        action: {
          type: 'COUNTERSIGN',
          payload: { departmentId: 'office', opinion: '同意', agree: true },
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await zhao.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'COUNTERSIGN',
        payload: { departmentId: 'finance', opinion: '同意。', agree: true },
      },
    });
    await li.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'COUNTERSIGN',
        payload: {
          departmentId: 'office',
          opinion: '建议增加值班要求。',
          agree: true,
          body: body(
            '各单位要高度重视节日期间安全生产工作，切实压实责任。',
            '节日期间严格执行24小时值班制度。',
          ),
        },
      },
    });

    // 返还: the drafter consolidates into a new version and sends it to 复核
    c = await sun.outgoing.get({ caseId });
    expect(c.state).toBe('consolidating');
    expect(c.countersign?.departments.map((d) => [d.name, d.opinion?.opinion])).toEqual([
      ['县财政局', '同意。'],
      ['县政府办公室', '建议增加值班要求。'],
    ]);
    await sun.outgoing.saveVersion({
      caseId,
      commandId: randomUUID(),
      edit: {
        body: body(
          '各单位要高度重视节日期间安全生产工作，切实压实责任。',
          '节日期间严格执行24小时值班和领导带班制度。',
        ),
        note: '吸收会签意见',
      },
    });
    await sun.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'SEND_TO_RECHECK', payload: {} },
    });

    // versions and the diff between the first and the latest
    c = await sun.outgoing.get({ caseId });
    expect(c.versions.map((v) => v.kind)).toEqual(['draft', 'draft', 'proposal', 'draft']);
    const diff = await sun.outgoing.diff({ caseId, from: 1, to: c.currentVersion });
    expect(diff.stats.added).toBe(1);
    expect(diff.stats.changed).toBe(1);
    const changed = diff.rows.find((r) => r.kind === 'changed');
    expect(changed?.kind === 'changed' && changed.text?.right).toContainEqual({
      op: 'added',
      text: '切实',
    });
    await expect(sun.outgoing.diff({ caseId, from: 1, to: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // 复核 (secretariat) and 签发 with a handwritten opinion
    await wang.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'RECHECK', payload: { opinion: '已复核，格式规范。' } },
    });
    await expect(
      sun.outgoing.send({
        caseId,
        commandId: randomUUID(),
        action: { type: 'SIGN', payload: { opinion: '同意' } },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await zhang.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'SIGN', payload: { opinion: '同意印发。' } },
      handwriting: {
        width: 200,
        height: 80,
        strokes: [
          [
            [10, 10, 0.5],
            [60, 40, 0.5],
            [120, 20, 0.5],
          ],
        ],
      },
    });
    c = await zhou.outgoing.get({ caseId });
    expect(c.state).toBe('finalizing');
    expect(c.docNumber).toBe('示政发〔2026〕1号');
    expect(c.signing?.opinion).toBe('同意印发。');
    const timeline = await zhou.outgoing.timeline({ caseId });
    expect(timeline.steps.find((s) => s.event === 'SIGN')?.handwriting?.strokes).toHaveLength(1);

    // 成文 (自动清稿)
    await zhou.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'FINALIZE', payload: { mode: 'auto' } },
    });
    c = await zhou.outgoing.get({ caseId });
    expect(c.state).toBe('sealing');
    expect(c.finalized?.version).toBe(c.currentVersion);
    expect(c.canSeal).toBe(true);

    // GB/T 9704 preview with the 文号, rendered by LibreOffice, then served from the cache
    const zhouUser = await sessionUser('zhou');
    const first = await renderOutgoingPreview(app, zhouUser, caseId);
    expect(first.source).toBe('rendered');
    expect(Buffer.from(first.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(first.pageCount).toBeGreaterThanOrEqual(1);
    expect(first.fileName).toBe('示政发〔2026〕1号.pdf');
    const again = await renderOutgoingPreview(app, zhouUser, caseId);
    expect(again.source).toBe('cached');
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(first.pdf))).toBe(0);
    await expect(
      renderOutgoingPreview(app, await sessionUser('gao'), caseId),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });

    // 盖章: a wrong PIN and a user without the seal are refused, nothing is recorded
    await expect(
      wang.outgoing.seal({ caseId, commandId: randomUUID(), pin: '000000' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'PIN 不正确' });
    await expect(
      sun.outgoing.seal({ caseId, commandId: randomUUID(), pin: DEMO_SEAL_PIN }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await wang.outgoing.get({ caseId })).state).toBe('sealing');
    const sealed = await wang.outgoing.seal({
      caseId,
      commandId: randomUUID(),
      pin: DEMO_SEAL_PIN,
    });
    expect(sealed.seal.docNumber).toBe('示政发〔2026〕1号');
    expect(sealed.seal.signerName).toBe('示例县人民政府');
    expect(sealed.verification).toHaveLength(1);
    expect(sealed.verification[0]).toMatchObject({ valid: true, intact: true, trusted: true });
    // the stored PDF verifies with @gongwen/seal against the unit CA kept on disk
    const file = await readSealedPdf(app, await sessionUser('sun'), caseId);
    expect(file?.fileName).toBe('示政发〔2026〕1号.pdf');
    const caPem = await readFile(sealFiles(app.sealDir, 'demo').caPem, 'utf8');
    const reports = await verifySealedPdf(file!.pdf, {
      trustAnchors: [caPem],
      at: app.clock.now(),
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ valid: true, signerName: '示例县人民政府' });
    // a changed byte no longer verifies
    const tampered = new Uint8Array(file!.pdf);
    tampered[200] = tampered[200]! ^ 0x01;
    const bad = await verifySealedPdf(tampered, { trustAnchors: [caPem], at: app.clock.now() });
    expect(bad[0]?.valid).toBe(false);
    const check = await sun.outgoing.verifySeal({ caseId });
    expect(check).toMatchObject({ sealed: true, unchanged: true });
    // the audit log keeps every attempt that reached the seal (用印登记); sun never got that
    // far (not the 盖章 step's holder, refused before anything was rendered)
    const audit = await sql<{ action: string; actor_id: string }>`SELECT action, actor_id
      FROM app_audit_log WHERE action LIKE 'outgoing.seal%' ORDER BY action`.execute(db(app));
    expect(audit.rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['outgoing.seal', 'wang'],
      ['outgoing.sealRefused', 'wang'],
    ]);

    // 分发: the neighbouring county (on the platform) gets a 收文 case; 市财政局 needs a 回执
    await expect(sun.outgoing.distribute({ caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const dist = await wang.outgoing.distribute({ caseId });
    expect(dist.deliveries).toHaveLength(2);
    const platform = dist.deliveries.find((d) => d.unitId === 'other');
    expect(platform?.registeredBy).toBe('lin');
    const incoming = await app.engine.case(platform!.incomingCaseId!);
    expect(incoming.workflow).toBe('incoming');
    expect(incoming.unitId).toBe('other');
    // the receiving unit's secretary and its leader open the sealed document from their 收文;
    // a clerk of that unit with no part in the 收文 cannot, nor anyone through a made-up key
    const [received] = (
      incoming.snapshot as { context: { registration: { attachments: Array<{ blobId: string }> } } }
    ).context.registration.attachments;
    for (const reader of ['lin', 'outsider']) {
      const pdf = await readBlobFor(app, await sessionUser(reader), received!.blobId);
      expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await app.store.directory.putUser({
      id: 'tang-other',
      unitId: 'other',
      departmentId: 'other-office',
      name: '唐科员',
      roles: [],
      superiorId: 'lin',
      active: true,
    });
    await expect(
      readBlobFor(app, await sessionUser('tang-other'), received!.blobId),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(readBlobFor(app, await sessionUser('lin'), randomUUID())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    c = await wang.outgoing.get({ caseId });
    expect(c.state).toBe('collecting');
    expect(c.recipients.map((r) => [r.name, r.receipt !== null])).toEqual([
      ['邻县人民政府', true],
      ['市财政局', false],
    ]);
    expect(c.actions.map((a) => a.type)).toEqual(
      expect.arrayContaining(['RECORD_RECEIPT', 'REMIND_RECEIPTS']),
    );
    await wang.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'REMIND_RECEIPTS', payload: { note: '请市财政局尽快回执' } },
    });
    await wang.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: {
        type: 'RECORD_RECEIPT',
        payload: { recipient: 'ext:0', receivedBy: '市财政局办公室 刘敏' },
      },
    });
    c = await wang.outgoing.get({ caseId });
    expect(c.state).toBe('distributed');
    expect(c.reminders).toHaveLength(1);

    // 存档
    await wang.outgoing.send({
      caseId,
      commandId: randomUUID(),
      action: { type: 'ARCHIVE', payload: { archiveCode: 'WS2026-Y-001' } },
    });
    c = await sun.outgoing.get({ caseId });
    expect(c.state).toBe('archived');
    expect(c.archiveCode).toBe('WS2026-Y-001');
    expect(c.actions).toEqual([]);

    // 文号使用记录: secretaries only
    const history = await wang.outgoing.docNumberHistory({ issuerCode: '示政发', year: 2026 });
    expect(history.entries.map((e) => [e.docNumber, e.caseId, e.status])).toEqual([
      ['示政发〔2026〕1号', caseId, 'inUse'],
    ]);
    expect(history.missing).toEqual([]);
    await expect(
      sun.outgoing.docNumberHistory({ issuerCode: '示政发', year: 2026 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // the 发文稿纸 carries every opinion (for the secretariat, who see the whole flow; the
    // drafter's own view of the flow reaches only downward)
    expect((await sun.outgoing.timeline({ caseId })).scope).toBe('downward');
    const sheet = await wang.outgoing.sheet({ caseId });
    expect(sheet.opinions.map((o) => o.step)).toEqual([
      '核稿意见',
      '会签意见（县财政局）',
      '会签意见（县政府办公室）',
      '复核意见',
      '签发意见',
    ]);
    expect(sheet.fields[0]).toEqual(['发文字号', '示政发〔2026〕1号']);

    // the ledger is intact, and the list finds the case by 文号
    expect((await app.engine.verifyLedger(caseId)).ok).toBe(true);
    const listed = await sun.outgoing.list({ search: '〔2026〕1号' });
    expect(listed.items.map((i) => i.id)).toEqual([caseId]);
    expect(outgoingContextOf(await app.engine.case(caseId)).archivedBy).toBe('wang');
  }, 180_000);
});
