import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, browserPerFile, cookieHeader, pickOption, screenshot } from './browser';

// People of the demo county (see demo/org.ts): 黄静 (秘书科, 签收登记/拟办/归档),
// 刘洋 (办公室主任: 审阅; and 代理 for 陈志强副县长 in 收文 this week), 马晓东 (县财政局局长),
// 朱红梅 and 胡斌 (县财政局科员), 梁晨 (县卫生健康委员会, no part in the case).
const P = {
  secretary: 'huangjing',
  director: 'liuyang',
  head: 'maxiaodong',
  firstHandler: 'zhuhongmei',
  handler: 'hubin',
  outsider: 'liangchen',
};

const { as } = browserPerFile();

const TITLE = `关于开展冬季安全生产大检查的通知（E2E${Date.now() % 100000}）`;
let caseUrl = '';

async function openCase(user: string): Promise<Page> {
  const page = await as(user);
  await page.goto(caseUrl);
  await page.getByTestId('case-title').waitFor({ state: 'visible' });
  return page;
}

/** Opens an action's panel (the first one is open already) and returns its form. */
async function openAction(page: Page, type: string): Promise<Locator> {
  const form = page.getByTestId(`action-form-${type}`);
  if (!(await form.isVisible())) await page.getByTestId(`action-${type}`).click();
  await form.waitFor({ state: 'visible' });
  return form;
}

async function submitAction(page: Page, type: string, done: string) {
  await page.getByTestId(`action-submit-${type}`).click();
  await page.getByText(done).first().waitFor({ state: 'visible' });
}

describe('收文 from 签收登记 to 存档 through six people', () => {
  it('签收登记 with an attachment (秘书科 黄静)', async () => {
    const page = await as(P.secretary);
    await page.getByRole('link', { name: '收文', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/incoming');
    await page.locator('.ant-table').waitFor({ state: 'visible' });
    await screenshot(page, 'incoming-list');
    await page.getByTestId('register-button').click();
    await page.waitForURL((u) => u.pathname === '/incoming/new');
    // Submitting empty shows the core schema's Chinese messages and creates nothing.
    await page.getByTestId('registration-submit').click();
    await page.getByText('请填写标题').waitFor({ state: 'visible' });
    await page.getByText('请填写来文单位').waitFor({ state: 'visible' });
    await screenshot(page, 'incoming-register-errors');

    await page.locator('input[aria-label="标题"]').fill(TITLE);
    await page.locator('input[aria-label="来文单位"]').fill('市应急管理局');
    await page.locator('input[aria-label="来文字号"]').fill('市应急〔2026〕45号');
    await page.getByText('特急', { exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: '检查方案.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 检查方案\n%%EOF\n'),
    });
    // The finished item is a link; while the list animates, the uploading <span> may still be
    // there beside it, so wait for the link rather than for the class both share.
    await page.locator('.ant-upload-list').getByRole('link', { name: '检查方案.pdf' }).waitFor();
    await screenshot(page, 'incoming-register');
    await page.getByTestId('registration-submit').click();
    await page.waitForURL((u) => /^\/incoming\/[0-9a-f-]{36}$/.test(u.pathname), {
      timeout: 30_000,
    });
    caseUrl = new URL(page.url()).pathname;
    await page.getByTestId('case-state').filter({ hasText: '待拟办' }).waitFor();
    expect(await page.getByTestId('attachment-link').textContent()).toContain('检查方案.pdf');
  });

  it('拟办 (黄静) with a leader and a 主办 department', async () => {
    const page = await openCase(P.secretary);
    const form = await openAction(page, 'PROPOSE');
    await form
      .locator('textarea[aria-label="拟办意见"]')
      .fill('拟请陈志强副县长阅示，县财政局牵头落实。');
    // Typing a name and Enter picks the match; a name nothing matches picks nothing.
    const leaders = form.locator('input[aria-label="批示领导"]');
    await leaders.fill('陈志强');
    await page.locator('.ant-select-item-option-active', { hasText: '陈志强' }).waitFor();
    await leaders.press('Enter');
    await leaders.press('Escape');
    const leaderSelect = form.locator('.ant-select:has(input[aria-label="批示领导"])');
    await leaderSelect.locator('.ant-select-selection-item', { hasText: '陈志强' }).waitFor();
    const main = form.locator('input[aria-label="主办部门"]');
    await main.fill('不存在的部门');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-empty')
      .last()
      .waitFor();
    await main.press('Enter');
    await main.press('Escape');
    const mainSelect = form.locator('.ant-select:has(input[aria-label="主办部门"])');
    expect(await mainSelect.locator('.ant-select-content-has-value').count()).toBe(0);
    await main.fill('财政');
    await page.locator('.ant-select-item-option-active', { hasText: '县财政局' }).waitFor();
    await main.press('Enter');
    await mainSelect.locator('.ant-select-content-has-value', { hasText: '县财政局' }).waitFor();
    // What was typed survives the window crossing the layout's breakpoint: the page keeps one
    // tree at every width (a layout switch once remounted the form and emptied it).
    const formLeft = async () => (await form.boundingBox())?.x ?? -1;
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(formLeft).toBeLessThan(500);
    await page.setViewportSize({ width: 1360, height: 900 });
    await expect.poll(formLeft).toBeGreaterThan(700);
    expect(await form.locator('textarea[aria-label="拟办意见"]').inputValue()).toBe(
      '拟请陈志强副县长阅示，县财政局牵头落实。',
    );
    await mainSelect.locator('.ant-select-content-has-value', { hasText: '县财政局' }).waitFor();
    await screenshot(page, 'incoming-propose');
    await submitAction(page, 'PROPOSE', '已拟办');
    await page.getByTestId('case-state').filter({ hasText: '待审阅' }).waitFor();
  });

  it('a staff member of another department gets 无权访问, also for the attachment', async () => {
    const page = await as(P.outsider);
    await page.goto(caseUrl);
    await page.getByText('无权访问：您与该收文无关，不能查看').waitFor({ state: 'visible' });
    await screenshot(page, 'incoming-forbidden');
    const href = await (await openCase(P.secretary))
      .getByTestId('attachment-link')
      .getAttribute('href');
    const res = await fetch(`${baseURL()}${href}`, {
      headers: { cookie: await cookieHeader((await as(P.outsider)).context()) },
    });
    expect(res.status).toBe(403);
  });

  it('审阅 (刘洋), then 批示 as 代理 for 陈志强 with a handwritten annotation', async () => {
    const page = await openCase(P.director);
    await (await openAction(page, 'REVIEW'))
      .locator('textarea[aria-label="审阅意见"]')
      .fill('同意拟办意见。');
    await submitAction(page, 'REVIEW', '已审阅');
    await page.getByTestId('case-state').filter({ hasText: '待批示' }).waitFor();
    const form = await openAction(page, 'INSTRUCT');
    await form.getByText('您正在代理陈志强办理（代理授权）').waitFor();
    await form.locator('textarea[aria-label="批示意见"]').fill('请财政局抓紧落实，按时反馈。');
    const pad = form.getByTestId('handwriting-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    for (const [y0, y1] of [
      [0.3, 0.35],
      [0.6, 0.55],
    ] as const) {
      await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * y0);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++)
        await page.mouse.move(
          box.x + box.width * (0.15 + i * 0.05),
          box.y + box.height * (y0 + ((y1 - y0) * i) / 12),
        );
      await page.mouse.up();
    }
    await form.getByText('已写 2 笔').waitFor();
    await screenshot(page, 'incoming-instruct-handwriting');
    await submitAction(page, 'INSTRUCT', '已批示');
    await page.getByTestId('case-state').filter({ hasText: '办理中' }).waitFor();
    const step = page.getByTestId('timeline-step').filter({ hasText: '请财政局抓紧落实' });
    await step.getByText('代陈志强').waitFor();
    await step.getByTestId('handwriting-view').waitFor();
  });

  it('承办: the head assigns, the handler returns it (退回), the head reassigns', async () => {
    let page = await openCase(P.head);
    let form = await openAction(page, 'ASSIGN');
    await pickOption(form.locator('input[aria-label="承办人"]'), '朱红梅', { close: true });
    await submitAction(page, 'ASSIGN', '已分派承办人');

    page = await openCase(P.firstHandler);
    // On a 承办 step the panel open is the work itself; 退回 comes after it.
    await page.getByTestId('action-form-SUBMIT_RESULT').waitFor({ state: 'visible' });
    const panels = await page
      .getByTestId('actions-card')
      .locator('.ant-collapse-header')
      .allTextContents();
    expect(panels[0]).toContain('提交办理结果');
    expect(panels.findIndex((t) => t.includes('退回'))).toBeGreaterThan(0);
    form = await openAction(page, 'RETURN');
    const reason = form.locator('textarea[aria-label="退回理由"]');
    await reason.fill('本人近期出差，请改派他人办理。');
    // 退回 asks first; cancelling sends nothing and keeps the reason
    await page.getByTestId('action-submit-RETURN').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确定要退回吗？' });
    await confirm.getByTestId('confirm-action-cancel').click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await reason.inputValue()).toBe('本人近期出差，请改派他人办理。');
    await page.getByTestId('action-submit-RETURN').click();
    await screenshot(page, 'incoming-return-confirm');
    await confirm.getByTestId('confirm-action-ok').click();
    await page.getByText('已退回').first().waitFor();

    page = await openCase(P.head);
    form = await openAction(page, 'ASSIGN');
    await pickOption(form.locator('input[aria-label="承办人"]'), '胡斌', { close: true });
    await submitAction(page, 'ASSIGN', '已分派承办人');
  });

  it('催办 by the secretariat', async () => {
    const page = await openCase(P.secretary);
    await page.getByTestId('remind-button').click();
    await page.locator('textarea[aria-label="催办说明"]').fill('请于本周五前反馈。');
    await page.getByRole('button', { name: '发送催办' }).click();
    await page.getByText('已催办').first().waitFor();
    await page.getByText('催办 1 次').waitFor();
  });

  it('the handler submits the result; his view shows only his own steps', async () => {
    const page = await openCase(P.handler);
    await (await openAction(page, 'SUBMIT_RESULT'))
      .locator('textarea[aria-label="办理结果"]')
      .fill('已组织全县开展冬季安全生产大检查，排查隐患12处，均已整改。');
    await submitAction(page, 'SUBMIT_RESULT', '已提交办理结果');
    await page.getByText('按规定只显示您本人及下级人员的办理环节。').waitFor();
    // The notice stands before the submission too: wait for the timeline that holds the new step.
    await page.getByTestId('timeline-step').filter({ hasText: '提交办理结果' }).first().waitFor();
    const labels = await page.getByTestId('timeline-step').allTextContents();
    expect(labels.some((l) => l.includes('拟办'))).toBe(false);
    expect(labels.some((l) => l.includes('提交办理结果'))).toBe(true);
    await screenshot(page, 'incoming-handler-downward');
  });

  it('the head confirms; the secretariat archives; the 处理笺 prints every opinion', async () => {
    let page = await openCase(P.head);
    await openAction(page, 'CONFIRM');
    await submitAction(page, 'CONFIRM', '已确认办结');
    page = await openCase(P.secretary);
    await page.getByTestId('case-state').filter({ hasText: '已办结' }).waitFor();
    await (await openAction(page, 'ARCHIVE'))
      .locator('input[aria-label="档号"]')
      .fill('WS·2026-Y-0099');
    await submitAction(page, 'ARCHIVE', '已归档');
    await page.getByTestId('case-state').filter({ hasText: '已归档' }).waitFor();
    await screenshot(page, 'incoming-archived');

    await page.goto(`${caseUrl}/sheet`);
    const sheet = page.getByTestId('processing-sheet');
    await sheet.waitFor();
    for (const text of [
      '收文处理笺',
      TITLE,
      '拟请陈志强副县长阅示',
      '请财政局抓紧落实',
      '刘洋（代陈志强）',
      '本人近期出差',
    ]) {
      await sheet.getByText(text).first().waitFor();
    }
    await sheet.getByTestId('handwriting-view').waitFor();
    await screenshot(page, 'incoming-sheet');
    const pdf = await fetch(`${baseURL()}${caseUrl}/sheet/pdf`, {
      headers: { cookie: await cookieHeader((await as(P.secretary)).context()) },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
