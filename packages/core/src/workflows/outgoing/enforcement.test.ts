import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { outgoingVersions } from './case-context.ts';
import {
  body,
  outgoingHarness,
  STANDARD_CHECK,
  toCountersign,
  toSigning,
} from './testing-harness.ts';

type H = Awaited<ReturnType<typeof outgoingHarness>>;
type Event = { type: string; [k: string]: unknown };

async function footprint(h: H, caseId: string) {
  const c = await h.engine.case(caseId);
  return {
    rev: c.rev,
    ledger: (await h.engine.ledger(caseId)).length,
    tasks: (await h.engine.tasks(caseId)).map((t) => [t.key, t.doneAt]),
    snapshot: JSON.stringify(c.snapshot),
    serial: await h.store.currentSerial('demo', '发文:示政办发:2026'),
  };
}

/** Sends, expects a refusal with `code` (and `message`), and checks nothing was written. */
async function refused(
  h: H,
  caseId: string,
  actorId: string,
  event: Event,
  code: string,
  message?: string,
  extra: { onBehalfOf?: string } = {},
) {
  const before = await footprint(h, caseId);
  await expect(h.send(caseId, actorId, event, extra)).rejects.toMatchObject(
    message === undefined ? { code } : { code, message },
  );
  expect(await footprint(h, caseId)).toEqual(before);
}

describe('发文: who may act (through engine.send, nothing written on refusal)', () => {
  it('拟稿 and 核稿: only the drafter drafts; only the checker checks; organisation rules hold', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft();
    await refused(h, caseId, 'li', { type: 'EDIT', body: body('x') }, 'NOT_PERMITTED');
    await refused(h, caseId, 'zhou', { type: 'SUBMIT' }, 'NOT_PERMITTED');
    await refused(
      h,
      caseId,
      'xu',
      { type: 'EDIT', body: body('x'), header: { draftingDepartment: 'finance' } },
      'NOT_PERMITTED',
      '徐秘书长无权以县财政局名义拟稿，只能以本部门（县政府办公室）名义拟稿',
    );
    await refused(
      h,
      caseId,
      'xu',
      { type: 'EDIT', body: body('x'), header: { mainRecipients: [{ unitId: 'nowhere' }] } },
      'VALIDATION_FAILED',
      '受文单位“nowhere”不在平台上，请按名称填写',
    );
    await refused(
      h,
      caseId,
      'xu',
      { type: 'SUBMIT', checker: 'outsider' },
      'VALIDATION_FAILED',
      '核稿人须为本单位在职人员：outsider',
    );
    await h.send(caseId, 'xu', { type: 'SUBMIT', checker: 'wang' });
    // the forms to show: what each person may do now
    const can = async (actorId: string) =>
      (await h.engine.can({ caseId, actorId })).map((e) => e.type).sort();
    expect(await can('wang')).toEqual(['CHECK', 'EDIT', 'RETURN']);
    expect(await can('xu')).toEqual(['WITHDRAW']);
    expect(await can('li')).toEqual([]);
    // the named checker, not the superior
    await refused(h, caseId, 'li', STANDARD_CHECK, 'NOT_PERMITTED');
    await refused(
      h,
      caseId,
      'wang',
      { ...STANDARD_CHECK, signer: 'zhao' },
      'VALIDATION_FAILED',
      '签发人须为本单位领导：zhao',
    );
    await refused(
      h,
      caseId,
      'wang',
      {
        ...STANDARD_CHECK,
        countersign: { mode: 'parallel', departments: [{ departmentId: 'nope' }] },
      },
      'VALIDATION_FAILED',
      '会签部门“nope”不存在',
    );
    await refused(
      h,
      caseId,
      'wang',
      {
        ...STANDARD_CHECK,
        countersign: {
          mode: 'parallel',
          departments: [{ departmentId: 'finance' }, { departmentId: 'finance' }],
        },
      },
      'VALIDATION_FAILED',
    );
    await h.send(caseId, 'wang', STANDARD_CHECK);
  });

  it('会签: a head acts only for their own department; members come from the department; deputies act for their principal', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h);
    await refused(
      h,
      caseId,
      'he',
      { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' },
      'NOT_PERMITTED',
      '您不是县财政局“会签”的办理人',
    );
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN_MEMBER', departmentId: 'education', memberId: 'lu' },
      'NOT_PERMITTED',
      '您不是县教育局“指定会签人”的办理人',
    );
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'ASSIGN_MEMBER', departmentId: 'finance', memberId: 'lu' },
      'VALIDATION_FAILED',
      '会签人须为县财政局或其下属科室人员',
    );
    // fang deputises for zhao in 发文: the deputy acts through zhao's task, only for finance
    await refused(
      h,
      caseId,
      'fang',
      { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' },
      'NOT_PERMITTED',
    );
    await h.send(caseId, 'fang', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'sun',
    });
    const c = await h.engine.case(caseId);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.at(-1)).toMatchObject({
      actorId: 'fang',
      onBehalfOf: 'zhao',
      event: 'ASSIGN_MEMBER',
    });
    expect(
      c.assignments.find((a) => a.key === 'countersign:1:finance:1:member')?.candidates,
    ).toEqual(['sun']);
    // the member writes; the head (not another member) reviews
    await refused(
      h,
      caseId,
      'qian',
      { type: 'COUNTERSIGN', departmentId: 'finance', opinion: 'x' },
      'NOT_PERMITTED',
    );
    await h.send(caseId, 'sun', {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '建议删去第二段',
      agree: false,
      body: body('只保留第一段。'),
    });
    await refused(
      h,
      caseId,
      'sun',
      { type: 'COUNTERSIGN', departmentId: 'finance', opinion: 'x' },
      'NOT_PERMITTED',
    );
    // a head changed while the step waited: the former head holds the task but is refused
    await h.store.directory.putDepartment({
      id: 'finance',
      unitId: 'demo',
      parentId: 'gov',
      name: '县财政局',
      headUserId: 'kong',
      sort: 3,
    });
    await refused(
      h,
      caseId,
      'zhao',
      { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' },
      'NOT_PERMITTED',
      '只有县财政局负责人可以办理此步骤',
    );
    const versions = outgoingVersions(await h.engine.case(caseId));
    expect(versions.at(-1)).toMatchObject({
      kind: 'proposal',
      departmentId: 'finance',
      author: 'sun',
    });
  });

  it('签发: only the picked leader; a deputy signs for them; 复核 by the secretariat or the named rechecker', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft();
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await h.send(caseId, 'li', { ...STANDARD_CHECK, countersign: undefined, rechecker: 'gao' });
    await refused(h, caseId, 'zhou', { type: 'RECHECK', opinion: '同意' }, 'NOT_PERMITTED');
    await h.send(caseId, 'gao', { type: 'RECHECK', opinion: '同意' });
    const can = async (actorId: string) =>
      (await h.engine.can({ caseId, actorId })).map((e) => e.type).sort();
    expect(await can('zhang')).toEqual(['REJECT', 'RETURN_FOR_REVISION', 'SIGN']);
    expect(await can('ma')).toEqual(['REJECT', 'RETURN_FOR_REVISION', 'SIGN']);
    expect(await can('gao')).toEqual(['WITHDRAW']);
    await refused(h, caseId, 'chen', { type: 'SIGN' }, 'NOT_PERMITTED');
    await refused(h, caseId, 'zhang', { type: 'REJECT' }, 'VALIDATION_FAILED');
    // ma deputises for zhang in 发文
    const r = await h.send(caseId, 'ma', { type: 'SIGN', opinion: '同意（代签）' });
    expect(r.onBehalfOf).toBe('zhang');
    expect((await h.engine.case(caseId)).fields.docNumber).toBe('示政办发〔2026〕1号');
    // 清稿 by the drafter or the secretariat, not by others; 盖章/分发 by the secretariat
    await refused(h, caseId, 'li', { type: 'FINALIZE', mode: 'auto' }, 'NOT_PERMITTED');
    expect(await can('xu')).toEqual(['FINALIZE']);
    expect(await can('wang')).toEqual(['FINALIZE', 'VOID_DOC_NUMBER']);
    await h.send(caseId, 'zhou', { type: 'FINALIZE', mode: 'auto' });
    expect(await can('wang')).toEqual(['SEAL', 'VOID_DOC_NUMBER']);
    await refused(
      h,
      caseId,
      'xu',
      {
        type: 'SEAL',
        pdfBlobKey: 'k',
        pdfSha256: 'a'.repeat(64),
        pageCount: 1,
        certificateSerial: '01',
        signerName: 'x',
        sealId: 's',
        docNumber: '示政办发〔2026〕1号',
        sealedAt: '2026-11-25T03:00:00Z',
      },
      'NOT_PERMITTED',
    );
  });

  it('a user of another unit sees nothing and cannot act', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toSigning(h);
    await expect(h.send(caseId, 'outsider', { type: 'SIGN' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h.engine.case(caseId, { actorId: 'lin' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
