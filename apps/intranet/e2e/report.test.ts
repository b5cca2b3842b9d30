import { describe, expect, it } from 'vitest';
import { isDestructiveAction } from '~/components/action-order';
import { browserPerFile, pickOption, screenshot } from './browser';

// People of the demo county (demo/org.ts): 徐磊 (综合科) writes; 吴涛 (综合科科长) and
// 刘洋 (县政府办公室主任) approve in parallel, both must agree.
const P = { author: 'xulei', first: 'wutao', second: 'liuyang' };

const { as } = browserPerFile();

const TITLE = `关于举办档案业务培训的申请（E2E${Date.now() % 100000}）`;
let url = '';

/** An approver opens the report and decides in the dialog. */
async function decide(user: string, button: string, text: string) {
  const page = await as(user);
  await page.goto(url);
  await page.getByTestId(`report-action-${button}`).click();
  const dialog = page.getByRole('dialog').last();
  await dialog.locator('#report-action-text').fill(text);
  await dialog.getByTestId('report-action-ok').click();
  // 退回修改, 不同意 and 撤回 ask first
  if (isDestructiveAction(button)) await page.getByTestId('confirm-action-ok').click();
  await page.getByTestId('report-action-ok').waitFor({ state: 'hidden', timeout: 60_000 });
}

describe('报告审批: parallel, all must approve, with a return and a resubmission', () => {
  it('the author drafts and sends the report to two approvers at once', async () => {
    const page = await as(P.author);
    await page.goto('/reports/new');
    await page.locator('#report-title').waitFor({ state: 'visible' });
    await pickOption(page.locator('#report-kind'), '申请');
    await page.locator('#report-title').fill(TITLE);
    await page
      .getByTestId('body-editor')
      .getByRole('textbox', { name: '第1块：正文段落' })
      .fill('为提高档案管理水平，拟举办全县档案业务培训班一期，经费约1万元。');
    await pickOption(page.locator('#report-approvers'), '吴涛');
    await pickOption(page.locator('#report-approvers'), '刘洋');
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: '同时审批' }).check();
    await page.getByRole('radio', { name: '全部同意' }).check();
    await screenshot(page, 'report-01-new');
    await page.getByTestId('submit-report').click();
    await page.waitForURL(
      (u) => /^\/reports\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'),
      {
        timeout: 60_000,
      },
    );
    url = new URL(page.url()).pathname;
    await expect
      .poll(() => page.getByTestId('report-state').textContent(), { timeout: 30_000 })
      .toBe('审批中');
    await expect.poll(() => page.getByTestId('approver-wutao').textContent()).toBe('审批中');
    await expect.poll(() => page.getByTestId('approver-liuyang').textContent()).toBe('审批中');
  });

  it("the author's page follows the approvers without reload; a return, a resubmission, approval", async () => {
    const author = await as(P.author);
    // a marker that a reload would wipe
    await author.evaluate(() => {
      (window as unknown as { __stay: number }).__stay = 1;
    });
    await decide(P.first, 'APPROVE', '同意');
    await expect
      .poll(() => author.getByTestId('approver-wutao').textContent(), { timeout: 20_000 })
      .toBe('已同意');
    await decide(P.second, 'RETURN', '请补充培训日程安排');
    await expect
      .poll(() => author.getByTestId('report-state').textContent(), { timeout: 20_000 })
      .toBe('退回修改');
    await expect
      .poll(() => author.getByTestId('report-returned').textContent())
      .toContain('请补充培训日程安排');
    expect(await author.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
    await screenshot(author, 'report-02-returned-live');

    // a colleague who is no approver is refused the page
    const outsider = await as('liangchen');
    await outsider.goto(url);
    await outsider.getByText('您与该报告无关').first().waitFor({ timeout: 30_000 });

    // the author revises and sends it again: 吴涛's approval stands, 刘洋 acts again
    await author.getByTestId('report-action-RESUBMIT').click();
    const dialog = author.getByRole('dialog').last();
    await dialog.locator('#report-action-text').fill('已补充培训日程安排');
    await dialog.getByTestId('report-action-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await expect
      .poll(() => author.getByTestId('report-state').textContent(), { timeout: 20_000 })
      .toBe('审批中');
    await expect.poll(() => author.getByTestId('approver-wutao').textContent()).toBe('已同意');
    await expect.poll(() => author.getByTestId('report-holders').textContent()).toContain('刘洋');

    await author.evaluate(() => {
      (window as unknown as { __stay: number }).__stay = 2;
    });
    await decide(P.second, 'APPROVE', '同意举办');
    await expect
      .poll(() => author.getByTestId('report-state').textContent(), { timeout: 20_000 })
      .toBe('审批通过');
    expect(await author.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(2);
    await screenshot(author, 'report-03-approved-live');
  });
});
