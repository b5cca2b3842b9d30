import { verifySealedPdf } from '@gongwen/seal';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_SEAL_PIN } from '~/server/services/outgoing/seal/create-sealer';
import { browserPerFile, OPEN_SELECT_DROPDOWN, pickOption, screenshot } from './browser';

// People of the demo county (demo/org.ts): 徐磊 (综合科, drafts), 吴涛 (综合科科长, his
// superior: 核稿), 马晓东 (县财政局) and 林海 (县教育局) 会签, 黄静 (秘书科: 复核, 成文, 盖章, 分发,
// 回执, 归档), 李明华 (常务副县长: 签发), 梁晨 (县卫生健康委员会, no part in the case).
const P = {
  drafter: 'xulei',
  checker: 'wutao',
  finance: 'maxiaodong',
  education: 'linhai',
  secretary: 'huangjing',
  signer: 'liminghua',
  outsider: 'liangchen',
};

const { as } = browserPerFile();

const TITLE = `关于做好元旦春节期间值班工作的通知（E2E${Date.now() % 100000}）`;
let caseUrl = '';

async function openCase(user: string): Promise<Page> {
  const page = await as(user);
  await page.goto(caseUrl);
  await page.getByTestId('case-title').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}

/** A button name as antd may print it (a space between two Chinese characters). */
const named = (title: string) => new RegExp(`^${[...title].join('\\s*')}$`);

/**
 * Picks an option of a select inside a dialog through the shared pickOption (which waits for
 * the open dropdown, not one still closing), then closes a multiple select's list without Esc.
 */
async function pickIn(dialog: Locator, select: Locator, option: string) {
  await pickOption(select, option);
  await dialog.locator('.ant-modal-title').click();
  await dialog.page().locator(OPEN_SELECT_DROPDOWN).waitFor({ state: 'hidden' });
}

/** Opens an action's form from the case page's action bar. */
async function openAction(page: Page, title: string): Promise<Locator> {
  await page
    .getByTestId('actions')
    .getByRole('button', { name: named(title) })
    .click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** Submits an open action form and waits until the case page shows `state`. */
async function submit(page: Page, dialog: Locator, okName: RegExp, state: string) {
  await dialog.getByRole('button', { name: okName }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  await expect
    .poll(async () => page.getByTestId('case-state').textContent(), { timeout: 30_000 })
    .toBe(state);
}

const OK = /^提\s*交$/;

describe('发文 through the real pages, several users', () => {
  it('拟稿 with the structured editor', async () => {
    const page = await as(P.drafter);
    await page.goto('/outgoing/new');
    await page.locator('#title').waitFor({ state: 'visible' });
    await page.locator('#title').fill(TITLE);
    await pickOption(page.locator('#mainRecipients'), '城关镇', { close: true });
    await page.locator('#mainRecipients-external').fill('市财政局');
    await page.locator('#mainRecipients-external').press('Enter');
    await page.locator('#keywords').fill('值班');
    await page.locator('#keywords').press('Enter');
    // the body: a level-1 heading, Enter gives a paragraph below it, then a table
    const editor = page.getByTestId('body-editor');
    await editor
      .getByRole('textbox', { name: '第1块：正文段落' })
      .fill('为做好元旦春节期间值班工作，现将有关事项通知如下。');
    await editor.getByRole('button', { name: '添加标题' }).click();
    await editor.getByRole('textbox', { name: '第2块：1级标题' }).fill('一、值班安排');
    await editor.getByRole('textbox', { name: '第2块：1级标题' }).press('Enter');
    await editor
      .getByRole('textbox', { name: '第3块：正文段落' })
      .fill('各单位实行24小时值班制度，主要负责同志带班。');
    await editor.getByRole('button', { name: '添加表格' }).click();
    await editor.getByRole('textbox', { name: '第4块表格第1行第1列' }).fill('日期');
    await editor.getByRole('textbox', { name: '第4块表格第1行第2列' }).fill('带班领导');
    // move the table above the heading's paragraph and back: Alt+↑ on a block moves it
    await editor.getByRole('textbox', { name: '第3块：正文段落' }).press('Alt+ArrowUp');
    await expect
      .poll(async () => editor.getByRole('textbox', { name: '第2块：正文段落' }).inputValue())
      .toContain('24小时值班');
    await editor.getByRole('textbox', { name: '第2块：正文段落' }).press('Alt+ArrowDown');
    await screenshot(page, 'outgoing-01-draft');
    await page.getByRole('button', { name: '保存拟稿' }).click();
    await page.waitForURL(
      (u) => /^\/outgoing\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'),
      {
        timeout: 60_000,
      },
    );
    caseUrl = new URL(page.url()).pathname;
    await page.getByTestId('case-state').waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-state').textContent()).toBe('拟稿中');
    expect(await page.getByTestId('body-view').textContent()).toContain('一、值班安排');
    // 送核稿 (to the drafter's direct superior)
    const dialog = await openAction(page, '送核稿');
    await submit(page, dialog, OK, '待核稿');
  });

  it('refuses a user with no part (无权访问)', async () => {
    const page = await as(P.outsider);
    await page.goto(caseUrl);
    await page.getByText('无权访问').first().waitFor({ state: 'visible' });
    await screenshot(page, 'outgoing-02-forbidden');
  });

  it('核稿 picks 会签 in two departments (in order) and the 签发 leader', async () => {
    const page = await openCase(P.checker);
    const dialog = await openAction(page, '核稿');
    await dialog.locator('#action-opinion').fill('文字已核。请县财政局、县教育局依次会签。');
    await pickIn(dialog, dialog.locator('#countersign-departments'), '县财政局');
    await pickIn(dialog, dialog.locator('#countersign-departments'), '县教育局');
    await pickIn(dialog, dialog.locator('#action-signer'), '李明华');
    await screenshot(page, 'outgoing-03-check');
    await submit(page, dialog, OK, '会签中');
  });

  it('会签: 县财政局 then 县教育局 (who proposes an edit)', async () => {
    let page = await openCase(P.finance);
    let dialog = await openAction(page, '会签');
    await dialog.locator('#action-opinion').fill('同意。');
    await submit(page, dialog, OK, '会签中');

    page = await openCase(P.education);
    dialog = await openAction(page, '会签');
    await dialog.locator('#action-opinion').fill('建议增加学校假期安全值守要求。');
    await dialog.getByRole('checkbox', { name: /修改正文/ }).check();
    await dialog
      .getByRole('textbox', { name: '第3块：正文段落' })
      .fill('各单位实行24小时值班制度，主要负责同志带班。学校假期安排专人值守。');
    await screenshot(page, 'outgoing-04-countersign');
    await submit(page, dialog, OK, '返还拟稿人');
  });

  it('返还: the drafter consolidates a new version, compares it, sends it to 复核', async () => {
    const page = await openCase(P.drafter);
    await page.getByRole('tab', { name: '审核意见' }).click();
    await page.getByTestId('countersign-opinion-education').waitFor({ state: 'visible' });
    const dialog = await openAction(page, '保存正文');
    await dialog
      .getByRole('textbox', { name: '第3块：正文段落' })
      .fill('各单位实行24小时值班制度，主要负责同志带班。学校假期安排专人值守，确保安全。');
    await dialog.locator('#action-note').fill('吸收县教育局会签意见');
    // the header changes with the body: 分类
    await dialog.getByRole('checkbox', { name: /同时修改稿头/ }).check();
    await dialog.locator('#edit-classification').fill('综合类');
    await dialog.getByRole('button', { name: '保存为新版本' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('综合类', { exact: true }).first().waitFor({ state: 'visible' });
    await page.getByRole('tab', { name: /版本与比较/ }).click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor({ state: 'visible' });
    await expect
      .poll(async () => diff.locator('ins[data-diff="added"]').allTextContents())
      .toContain('，确保安全');
    await screenshot(page, 'outgoing-05-diff');
    const send = await openAction(page, '送复核');
    await submit(page, send, OK, '待复核');
  });

  it('复核 and 签发 (with a handwritten opinion) give the 文号', async () => {
    let page = await openCase(P.secretary);
    let dialog = await openAction(page, '复核');
    await dialog.locator('#action-opinion').fill('已复核，格式规范。');
    await submit(page, dialog, OK, '待签发');

    page = await openCase(P.signer);
    dialog = await openAction(page, '签发');
    await dialog.locator('#action-opinion').fill('同意印发。');
    const pad = dialog.getByTestId('handwriting-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 8 });
    await page.mouse.move(box.x + 200, box.y + 50, { steps: 8 });
    await page.mouse.up();
    await screenshot(page, 'outgoing-06-sign');
    await submit(page, dialog, /^签\s*发$/, '待成文');
    const number = await page.getByTestId('doc-number').textContent();
    expect(number).toMatch(/^示政发〔\d{4}〕\d+号$/);
  });

  it('成文, the GB/T 9704 PDF, 盖章 with the PIN: the downloaded PDF verifies', async () => {
    const page = await openCase(P.secretary);
    const dialog = await openAction(page, '成文');
    await submit(page, dialog, OK, '待盖章');
    const number = (await page.getByTestId('doc-number').textContent())!;

    // the preview route renders the document with its 文号 (LibreOffice)
    const preview = await page.request.get(`/api/outgoing/${caseUrl.split('/').pop()}/preview`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(await preview.body())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await page.getByRole('tab', { name: '公文预览' }).click();
    await page.getByTestId('preview-frame').waitFor({ state: 'visible' });
    await screenshot(page, 'outgoing-07-preview');

    // a wrong PIN is refused; the right one seals
    await page
      .getByTestId('actions')
      .getByRole('button', { name: /盖\s*章/ })
      .click();
    const seal = page.getByRole('dialog').last();
    await seal.locator('#seal-pin').fill('000000');
    await seal.getByRole('button', { name: /^盖\s*章$/ }).click();
    await seal.getByText('PIN 不正确').waitFor({ state: 'visible', timeout: 60_000 });
    await seal.locator('#seal-pin').fill(DEMO_SEAL_PIN);
    await seal.getByRole('button', { name: /^盖\s*章$/ }).click();
    await seal.waitFor({ state: 'hidden', timeout: 90_000 });
    await expect
      .poll(async () => page.getByTestId('case-state').textContent(), { timeout: 30_000 })
      .toBe('待分发');
    await page.getByRole('tab', { name: '盖章' }).click();
    await page.getByTestId('seal-verification').waitFor({ state: 'visible' });
    expect(await page.getByTestId('seal-verification').textContent()).toContain('验章通过');
    await screenshot(page, 'outgoing-08-sealed');

    // the downloaded file verifies offline against the unit's CA certificate
    const download = page.waitForEvent('download');
    await page.getByTestId('download-sealed').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${number}.pdf`);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const pdf = new Uint8Array(Buffer.concat(chunks));
    const ca = await page.request.get('/api/outgoing/seal-certificate');
    expect(ca.status()).toBe(200);
    const reports = await verifySealedPdf(pdf, { trustAnchors: [await ca.text()] });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      valid: true,
      intact: true,
      trusted: true,
      signerName: '示例县人民政府',
    });
  });

  it('分发: 城关镇 signs for it on the platform, the 回执 of 市财政局 is recorded, then 存档', async () => {
    const page = await openCase(P.secretary);
    await page
      .getByTestId('actions')
      .getByRole('button', { name: /分\s*发/ })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /分\s*发/ })
      .click();
    await expect
      .poll(async () => page.getByTestId('case-state').textContent(), { timeout: 60_000 })
      .toBe('回执收集中');
    await page.getByRole('tab', { name: '分发与回执' }).click();
    const receipts = page.getByTestId('receipts');
    await receipts.waitFor({ state: 'visible' });
    const town = receipts.locator('tr', { hasText: '城关镇' });
    await expect.poll(async () => town.textContent()).toContain('已签收');
    const city = receipts.locator('tr', { hasText: '市财政局' });
    expect(await city.textContent()).toContain('未回执');
    await screenshot(page, 'outgoing-09-receipts');
    await city.getByRole('button', { name: '登记回执' }).click();
    const dialog = page.getByRole('dialog').last();
    await dialog.locator('#action-receivedBy').fill('市财政局办公室 刘敏');
    await submit(page, dialog, OK, '已分发');

    const archive = await openAction(page, '归档');
    await archive.locator('#action-archiveCode').fill('WS2026-Y-E2E');
    await submit(page, archive, OK, '已归档');
    await page.getByRole('tab', { name: '办理过程' }).click();
    await page.getByTestId('timeline').getByText('归档').first().waitFor({ state: 'visible' });
    await screenshot(page, 'outgoing-10-archived');

    // the 发文稿纸 print view carries the opinions
    await page.goto(`${caseUrl}/sheet`);
    const opinions = page.getByTestId('sheet-opinions');
    await opinions.waitFor({ state: 'visible' });
    const text = await opinions.textContent();
    expect(text).toContain('会签意见（县财政局）');
    expect(text).toContain('同意印发。');
    await screenshot(page, 'outgoing-11-sheet');
  });
});
