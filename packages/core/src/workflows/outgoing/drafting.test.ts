import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { draftableDepartments, isUnitIssuerCode } from './org-checks.ts';
import { sampleDraft } from './test-org.ts';
import { body, outgoingHarness } from './testing-harness.ts';

type H = Awaited<ReturnType<typeof outgoingHarness>>;

/** Starts a draft as `actorId` with a fixed case id; returns the refusal, and checks no case was written. */
async function refusedStart(h: H, actorId: string, overrides: Record<string, unknown>) {
  const caseId = `refused-${Math.random().toString(36).slice(2)}`;
  const err = await h.engine
    .start({
      workflow: 'outgoing',
      actorId,
      caseId,
      commandId: h.cmd(),
      input: sampleDraft(overrides),
    })
    .then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
  await expect(h.engine.case(caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  return err;
}

describe('发文 拟稿单位 and 机关代字 (engine start and 保存正文 with 稿头)', () => {
  it('refuses another department, an unknown one, another unit’s, and a foreign 机关代字', async () => {
    const h = await outgoingHarness(createMemoryStore());
    // sun works in 预算股: not 县教育局, nor the 县财政局 above her
    expect(
      await refusedStart(h, 'sun', { draftingDepartment: 'education', issuerCode: '示政发' }),
    ).toMatchObject({
      code: 'NOT_PERMITTED',
      message: '孙科员无权以县教育局名义拟稿，只能以本部门（预算股）名义拟稿',
    });
    expect(
      await refusedStart(h, 'sun', { draftingDepartment: 'finance', issuerCode: '示政发' }),
    ).toMatchObject({ code: 'NOT_PERMITTED' });
    expect(
      await refusedStart(h, 'sun', { draftingDepartment: 'nope', issuerCode: '示政发' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', message: '拟稿单位“nope”不存在或不属于本单位' });
    expect(
      await refusedStart(h, 'sun', { draftingDepartment: 'other-office', issuerCode: '示政发' }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '拟稿单位“other-office”不存在或不属于本单位',
    });
    for (const issuerCode of ['示应急发', '邻政发']) {
      expect(
        await refusedStart(h, 'sun', { draftingDepartment: 'budget', issuerCode }),
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: `机关代字“${issuerCode}”不属于示例县人民政府（本单位机关代字为示政发）`,
      });
    }
  });

  it('accepts the own department, a department below one the drafter heads, and any for 办公室/文秘', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const ok = async (actorId: string, draftingDepartment: string, issuerCode = '示政发') => {
      const { caseId } = await h.draft(actorId, { draftingDepartment, issuerCode });
      expect((await h.engine.case(caseId)).fields).toMatchObject({
        draftingDepartment,
        issuerCode,
      });
    };
    await ok('sun', 'budget');
    await ok('sun', 'budget', '示政');
    await ok('sun', 'budget', '示政函');
    await ok('zhao', 'finance');
    await ok('zhao', 'budget'); // the head of 县财政局 for 预算股 below it
    await ok('zhou', 'education'); // 文秘 drafts for any department
    await ok('li', 'agri'); // 办公室主任 too
    // and the drafter's later steps accept a header drafted for another department
    const { caseId } = await h.draft('zhou', { draftingDepartment: 'education' });
    await h.send(caseId, 'zhou', { type: 'SUBMIT', checker: 'wang' });
    expect((await h.engine.case(caseId)).state).toBe('checking');
  });

  it('机关代字 reserved for a department: only it and those below it', async () => {
    const h = await outgoingHarness(createMemoryStore(), undefined, {
      departmentIssuerCodes: { office: ['示政办发'] },
    });
    await h.draft('xu', { draftingDepartment: 'office', issuerCode: '示政办发' });
    await h.draft('wang', { draftingDepartment: 'secretariat', issuerCode: '示政办发' });
    expect(
      await refusedStart(h, 'sun', { draftingDepartment: 'budget', issuerCode: '示政办发' }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '机关代字“示政办发”为县政府办公室专用，不能用于预算股的发文',
    });
  });

  it('保存正文 with 稿头 is held to the same rule', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft('sun', { draftingDepartment: 'budget', issuerCode: '示政发' });
    const rev = (await h.engine.case(caseId)).rev;
    const edit = (header: Record<string, unknown>) =>
      h.send(caseId, 'sun', { type: 'EDIT', body: body('改'), header });
    await expect(edit({ draftingDepartment: 'education' })).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '孙科员无权以县教育局名义拟稿，只能以本部门（预算股）名义拟稿',
    });
    await expect(edit({ draftingDepartment: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '拟稿单位“nope”不存在或不属于本单位',
    });
    await expect(edit({ issuerCode: '示应急发' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '机关代字“示应急发”不属于示例县人民政府（本单位机关代字为示政发）',
    });
    expect((await h.engine.case(caseId)).rev).toBe(rev);
    await edit({ issuerCode: '示政函', classification: '财政' });
    expect((await h.engine.case(caseId)).fields).toMatchObject({ issuerCode: '示政函' });
  });

  it('isUnitIssuerCode: the unit’s code and those formed from its stem', () => {
    expect(isUnitIssuerCode('示政发', '示政发')).toBe(true);
    expect(isUnitIssuerCode('示政发', '示政')).toBe(true);
    expect(isUnitIssuerCode('示政发', '示政办发')).toBe(true);
    expect(isUnitIssuerCode('示政发', '示应急发')).toBe(false);
    expect(isUnitIssuerCode('示政发', '邻政发')).toBe(false);
    expect(isUnitIssuerCode(null, '示政发')).toBe(false);
    expect(isUnitIssuerCode('发', '发文')).toBe(false);
  });
});

describe('draftableDepartments', () => {
  it('lists what the 拟稿单位 picker offers, by the same rule', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const ids = async (drafterId: string) =>
      (await draftableDepartments({ directory: h.directory, unitId: 'demo', drafterId })).map(
        (d) => d.id,
      );
    expect(await ids('sun')).toEqual(['budget']);
    expect(await ids('zhao')).toEqual(['finance', 'budget']);
    expect((await ids('zhou')).length).toBe((await h.directory.listDepartments('demo')).length);
    expect(await ids('outsider')).toEqual([]);
  });
});
