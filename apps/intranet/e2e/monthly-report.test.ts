import { describe, expect, it } from 'vitest';
import { browserPerFile, screenshot } from './browser';

// People of the demo county (demo/org.ts): 徐磊 (综合科) writes 综合科's report; 赵丽 (秘书科科长)
// returns it; 黄静 (秘书科) registers and files it; 梁晨 (县卫生健康委员会) may not see it.
// The demo seeds last month's reports of five other departments (demo/monthly-report-seeder.ts);
// 综合科 has none, so the form's default month (last month) is free for it.
const P = { writer: 'xulei', returner: 'zhaoli', registrar: 'huangjing', outsider: 'liangchen' };

const { as } = browserPerFile();

let url = '';

const state = (user: string) => async () =>
  (await as(user)).getByTestId('monthly-report-state').textContent();

/** One of the office opens the report and sends an action from its dialog. */
async function act(user: string, type: string, text?: string) {
  const page = await as(user);
  await page.goto(url);
  await page.getByTestId(`monthly-action-${type}`).click();
  const dialog = page.getByRole('dialog').last();
  if (text !== undefined) await dialog.locator('#monthly-action-text').fill(text);
  await dialog.getByTestId('monthly-action-ok').click();
  if (type === 'RETURN') await page.getByTestId('confirm-action-ok').click();
  await page.getByTestId('monthly-action-ok').waitFor({ state: 'hidden', timeout: 60_000 });
}

async function fillDraft(user: string, done: string) {
  const page = await as(user);
  await page.goto('/monthly-report/new');
  await page.locator('#monthly-report-done').waitFor({ state: 'visible' });
  expect(await page.getByTestId('monthly-report-department').inputValue()).toBe('综合科');
  await page.locator('#monthly-report-done').fill(done);
  await page.locator('#monthly-report-problems').fill('会议材料印制时间偏紧。');
  await page.locator('#monthly-report-plan').fill('做好年终综合考核材料汇总。');
  return page;
}

describe('工作月报: 拟稿 → 报送 → 退回 → 重新报送 → 登记 → 归档, and the 部门汇总', () => {
  it('a department writes its report of last month and sends it; a second one is refused', async () => {
    const page = await fillDraft(P.writer, '完成县政府常务会议会务保障4次，办理综合文稿21件。');
    await screenshot(page, 'monthly-01-new');
    await page.getByTestId('submit-monthly-report').click();
    await page.waitForURL(
      (u) => /^\/monthly-report\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'),
      {
        timeout: 60_000,
      },
    );
    url = new URL(page.url()).pathname;
    await expect.poll(state(P.writer), { timeout: 30_000 }).toBe('待登记');

    await fillDraft(P.writer, '重复的月报');
    await page.getByTestId('submit-monthly-report').click();
    await expect
      .poll(() => page.getByTestId('monthly-report-error').textContent(), { timeout: 30_000 })
      .toContain('的工作月报已存在');
  });

  it('the office returns it with a reason; the writer revises and sends it again', async () => {
    await act(P.returner, 'RETURN', '请补充文稿办理的时限情况');
    await expect.poll(state(P.returner), { timeout: 30_000 }).toBe('退回修改');
    const writer = await as(P.writer);
    await writer.goto(url);
    await expect
      .poll(() => writer.getByTestId('monthly-report-returned').textContent(), { timeout: 30_000 })
      .toContain('请补充文稿办理的时限情况');
    await writer.getByTestId('monthly-action-RESUBMIT').click();
    const dialog = writer.getByRole('dialog').last();
    await dialog
      .locator('#monthly-action-done')
      .fill('完成县政府常务会议会务保障4次，办理综合文稿21件，均在时限内办结。');
    await dialog.locator('#monthly-action-text').fill('已补充时限情况');
    await dialog.getByTestId('monthly-action-ok').click();
    await expect.poll(state(P.writer), { timeout: 30_000 }).toBe('待登记');
    await expect
      .poll(() => writer.getByTestId('part-done').textContent())
      .toContain('均在时限内办结');
  });

  it('the secretariat registers and files it; another department is refused the page', async () => {
    await act(P.registrar, 'REGISTER', '收悉');
    await expect.poll(state(P.registrar), { timeout: 30_000 }).toBe('已登记');
    await act(P.registrar, 'ARCHIVE');
    await expect.poll(state(P.registrar), { timeout: 30_000 }).toBe('已归档');
    const registrar = await as(P.registrar);
    await expect
      .poll(async () => (await registrar.getByTestId('timeline-step').allTextContents()).length)
      .toBe(6);

    const outsider = await as(P.outsider);
    await outsider.goto(url);
    await outsider.getByText('无权访问', { exact: true }).waitFor({ state: 'visible' });
  });

  it('the 部门汇总 shows every department of the month on a phone, with a link to the report', async () => {
    const page = await as(P.returner, {
      key: 'phone',
      context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    });
    await page.goto('/monthly-report');
    await page.getByTestId('monthly-summary-link').click();
    await page.waitForURL((u) => u.pathname === '/monthly-report/summary');
    const row = (id: string) => page.getByTestId(`summary-${id}`);
    await expect
      .poll(() => row('general').getByTestId('summary-standing').textContent(), { timeout: 30_000 })
      .toBe('已归档');
    expect(await row('finance').getByTestId('summary-standing').textContent()).toBe('已归档');
    expect(await row('health').getByTestId('summary-standing').textContent()).toBe('已报');
    expect(await row('agri').getByTestId('summary-standing').textContent()).toBe('未报');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'monthly-02-summary-phone');
    await row('general').getByRole('link', { name: '查看' }).click();
    await page.waitForURL((u) => u.pathname === url);
    await expect.poll(() => page.getByTestId('monthly-report-state').textContent()).toBe('已归档');
  });

  it('the writer does not get the 部门汇总', async () => {
    const page = await as(P.writer);
    await page.goto('/monthly-report/summary');
    await page.getByText('无权访问', { exact: true }).waitFor({ state: 'visible' });
  });
});
