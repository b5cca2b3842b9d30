import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadAttachment } from '~/server/services/incoming/attachments';
import { outgoingRenderer } from '~/server/services/outgoing/renderer';
import {
  draftBody as body,
  demoOutgoingDraft as demoDraft,
  outgoingDraft as draft,
  type OutgoingTestApp,
  shareOutgoingTestApp,
} from '~/server/testing/outgoing-fixtures';
import { caseCount as countCases, sessionUserOf } from '~/server/testing/router-helpers';
import { callerFor } from '~/server/testing/test-app';
import { loadDemoOrg } from '~demo/org';

// 发文 drafting: refused drafts, the .docx import, and in whose name and under which 机关代字
// a draft may be written.

let app: OutgoingTestApp;
shareOutgoingTestApp((opened) => {
  app = opened;
});

const caseCount = () => countCases(app, 'outgoing');

const sessionUser = (id: string) => sessionUserOf(app, id);

describe('outgoing router: refusals', () => {
  it('refuses a bad draft with a Chinese message and writes nothing', async () => {
    const before = await caseCount();
    const sun = callerFor(app, 'sun');
    const err = await sun.outgoing
      .create({ commandId: randomUUID(), draft: draft({ title: '  ', copies: 0 }) })
      .catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as { message: string }).message).toMatch(/请填写标题/);
    expect((err as { message: string }).message).toMatch(/份数至少为1/);
    const classified = await sun.outgoing
      .create({ commandId: randomUUID(), draft: draft({ secrecy: '秘密' }) })
      .catch((e: unknown) => e as { code: string; message: string });
    expect(classified).toMatchObject({ code: 'BAD_REQUEST' });
    expect((classified as { message: string }).message).toMatch(/涉密文件须填写保密期限/);
    expect(await caseCount()).toBe(before);
  });

  it('refuses attachments that are not the drafter’s own uploads', async () => {
    const before = await caseCount();
    const err = await callerFor(app, 'sun')
      .outgoing.create({
        commandId: randomUUID(),
        draft: draft({ attachments: [{ blobId: randomUUID(), name: '伪造.pdf' }] }),
      })
      .catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: '附件不存在或已被使用，请重新上传' });
    expect(await caseCount()).toBe(before);
  });

  it('signed-out callers are refused', async () => {
    await expect(callerFor(app, null).outgoing.list({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('outgoing router: .docx import', () => {
  it('imports the 正文 of an uploaded Word file', async () => {
    const docx = await outgoingRenderer().renderDocx({
      issuerMark: '示例县人民政府文件',
      title: '关于开展冬季防火检查的通知',
      body: {
        blocks: [
          { type: 'heading', level: 1, text: '一、检查范围' },
          { type: 'paragraph', text: '全县各乡镇、各部门办公场所。' },
        ],
      },
      signatureName: '示例县人民政府',
      date: new Date('2026-11-25T02:00:00Z'),
      printer: '示例县人民政府办公室',
      printDate: new Date('2026-11-25T02:00:00Z'),
    });
    const sun = await sessionUser('sun');
    const up = await uploadAttachment(app, sun, { name: '防火检查.docx', bytes: docx });
    // someone else cannot import sun's upload
    await expect(
      callerFor(app, 'qian').outgoing.importDocx({ blobId: up.blobId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const imported = await callerFor(app, 'sun').outgoing.importDocx({ blobId: up.blobId });
    expect(imported.body.blocks).toContainEqual({
      type: 'heading',
      level: 1,
      text: '一、检查范围',
    });
    expect(imported.body.blocks).toContainEqual({
      type: 'paragraph',
      text: '全县各乡镇、各部门办公场所。',
    });
    expect(imported.original).toEqual({ blobId: up.blobId, name: '防火检查.docx' });
    // the draft keeps the Word file as its 原稿 attachment
    const started = await callerFor(app, 'sun').outgoing.create({
      commandId: randomUUID(),
      draft: draft({
        title: '关于开展冬季防火检查的通知',
        body: imported.body,
        importedFrom: imported.original,
      }),
    });
    const c = await callerFor(app, 'sun').outgoing.get({ caseId: started.caseId });
    expect(c.header.attachments).toContainEqual({
      blobId: up.blobId,
      name: '防火检查.docx',
      role: 'original',
    });
    expect(c.versions[0]?.note).toBe('导入自 防火检查.docx');
  });
});

describe('outgoing router: 拟稿单位 and 机关代字 (issue 12, demo organisation)', () => {
  beforeAll(async () => {
    await loadDemoOrg(app.store.directory, app.clock.now());
  });

  it('朱红梅 may not draft in another department’s name, a department that does not exist, or under a foreign 机关代字', async () => {
    const zhu = callerFor(app, 'zhuhongmei');
    const before = await caseCount();
    const refusal = (overrides: Record<string, unknown>) =>
      zhu.outgoing.create({ commandId: randomUUID(), draft: demoDraft(overrides) }).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
    expect(
      await refusal({ draftingDepartment: 'emergency', issuerCode: '示应急发' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: '朱红梅无权以县应急管理局名义拟稿，只能以本部门（县财政局）名义拟稿',
    });
    expect(await refusal({ draftingDepartment: 'nope' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: '拟稿单位“nope”不存在或不属于本单位',
    });
    expect(await refusal({ issuerCode: '示应急发' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: '机关代字“示应急发”不属于示例县人民政府（本单位机关代字为示政发）',
    });
    expect(await refusal({ issuerCode: '城政发' })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caseCount()).toBe(before);

    // her own department, under the unit's 机关代字, is accepted
    const { caseId } = await zhu.outgoing.create({ commandId: randomUUID(), draft: demoDraft() });
    const c = await zhu.outgoing.get({ caseId });
    expect(c.header).toMatchObject({
      draftingDepartment: 'finance',
      draftingDepartmentName: '县财政局',
      issuerCode: '示政发',
    });
    // the 秘书科 drafts for any department
    await callerFor(app, 'zhaoli').outgoing.create({
      commandId: randomUUID(),
      draft: demoDraft({ draftingDepartment: 'emergency' }),
    });
    expect(await caseCount()).toBe(before + 2);

    // 保存正文 with 同时修改稿头 is held to the same rule and saves nothing when refused
    const save = (header: Record<string, unknown>) =>
      zhu.outgoing.saveVersion({
        caseId,
        commandId: randomUUID(),
        edit: { body: body('再改一稿'), header },
      });
    await expect(save({ draftingDepartment: 'emergency' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '朱红梅无权以县应急管理局名义拟稿，只能以本部门（县财政局）名义拟稿',
    });
    await expect(save({ draftingDepartment: 'nope' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(save({ issuerCode: '示应急发' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '机关代字“示应急发”不属于示例县人民政府（本单位机关代字为示政发）',
    });
    expect((await zhu.outgoing.get({ caseId })).rev).toBe(c.rev);
  });
});
