import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INCOMING_LEDGER_COLUMNS } from '~/lib/ledger-columns';
import { DEMO_PASSWORD } from '~demo/accounts';
import { DEMO_ORG, DEMO_UNIT_ID } from '~demo/org';
import { ARTIFACTS, browserPerFile, newContext, screenshot, signIn } from './browser';
import { STAFF } from './people';

const leader = DEMO_ORG.users.find(
  (u) => u.unitId === DEMO_UNIT_ID && u.active && u.roles.includes('leader'),
);
if (!leader) throw new Error('the demo organisation has no leader');
const LEADER = { username: leader.id, password: DEMO_PASSWORD };

const { browser } = browserPerFile();

const numberIn = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

describe('流程台帐 and 统计', () => {
  it('a leader pages the 收文台帐, exports it as .xlsx and opens the print view', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, LEADER.username, LEADER.password);
    await page.getByRole('link', { name: '流程台帐', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/ledger');
    const totalText = page.locator('.ant-pagination-total-text').first();
    await totalText.waitFor({ state: 'visible', timeout: 60_000 });
    const total = numberIn(await totalText.textContent());
    expect(total).toBeGreaterThan(0);
    const rows = page.getByTestId('ledger-table').locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(Math.min(total, 20));
    for (const title of ['收文编号', '来文单位', '拟办', '批示', '承办', '催办次数', '归档时间'])
      await expect(
        page.getByRole('columnheader', { name: title, exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
    await screenshot(page, 'ledger-incoming-leader');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ledger-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^收文台帐-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('收文台帐');
    if (!ws) throw new Error('the export has no 收文台帐 sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(
      INCOMING_LEDGER_COLUMNS.map((c) => c.title),
    );
    expect(ws.actualRowCount).toBe(total + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const print = await context.newPage();
    await print.goto('/ledger/print?workflow=incoming');
    const printView = print.getByTestId('ledger-print-view');
    await printView.waitFor({ state: 'visible' });
    expect(await printView.locator('tbody tr').count()).toBe(Math.min(total, 1000));
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('.ant-layout-sider').isVisible()).toBe(false);
    // the first printed page only (a full-page shot of hundreds of rows is tens of MB)
    await print.screenshot({ path: join(ARTIFACTS, 'ledger-print-incoming.png') });
    await context.close();
  });

  it('the wide 收文台帐 keeps 收文编号 and 标题 at the left, says more columns follow, and lets one choose them', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, LEADER.username, LEADER.password);
    await page.goto('/ledger');
    const table = page.getByTestId('ledger-table');
    await table.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    const header = (title: string) =>
      table.getByRole('columnheader', { name: title, exact: true }).first();
    // pinned first columns
    for (const title of ['收文编号', '标题'])
      expect(await header(title).getAttribute('class')).toContain('ant-table-cell-fix');
    // the hint counts the columns and says the table scrolls; the arrow scrolls it
    const hint = page.getByTestId('ledger-columns-hint');
    const all = INCOMING_LEDGER_COLUMNS.length;
    await hint.filter({ hasText: `显示 ${all}/${all} 列，向右滚动查看其余各列` }).waitFor();
    await page.getByTestId('ledger-scroll-right').click();
    await page.getByRole('button', { name: '向左滚动' }).and(page.locator(':enabled')).waitFor();
    await screenshot(page, 'ledger-incoming-scrolled');

    // 列设置: hide 拟办 and 审阅; the choice outlives a reload
    await page.getByTestId('ledger-column-chooser').click();
    const options = page.getByTestId('ledger-column-options');
    await options.getByLabel('拟办', { exact: true }).uncheck();
    await options.getByLabel('审阅', { exact: true }).uncheck();
    await hint.filter({ hasText: `显示 ${all - 2}/${all} 列` }).waitFor();
    expect(await header('拟办').count()).toBe(0);
    await page.reload();
    await table.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await hint.filter({ hasText: `显示 ${all - 2}/${all} 列` }).waitFor();
    expect(await header('审阅').count()).toBe(0);
    expect(await header('批示').count()).toBe(1);
    await page.getByTestId('ledger-column-chooser').click();
    await page.getByRole('button', { name: '全部显示' }).click();
    await hint.filter({ hasText: `显示 ${all}/${all} 列` }).waitFor();
    await context.close();
  });

  it('on a phone the ledger keeps 标题 in view and the column chooser at hand', async () => {
    const context = await newContext(browser(), {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await signIn(context, LEADER.username, LEADER.password);
    await page.goto('/ledger');
    const table = page.getByTestId('ledger-table');
    await table.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    const title = table.getByRole('columnheader', { name: '标题', exact: true }).first();
    expect(await title.getAttribute('class')).toContain('ant-table-cell-fix');
    const box = await title.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.getByTestId('ledger-column-chooser').waitFor({ state: 'visible' });
    await screenshot(page, 'ledger-incoming-phone');
    await context.close();
  });

  it('a leader sees 统计 as charts with tables beside them', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, LEADER.username, LEADER.password);
    await page.getByRole('link', { name: '统计', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/statistics');
    const canvas = page.getByTestId('chart-incoming-months').locator('canvas');
    await canvas.waitFor({ state: 'visible', timeout: 60_000 });
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    const received = page
      .getByTestId('incoming-summary')
      .locator('.ant-statistic-content-value')
      .first();
    expect(numberIn(await received.textContent())).toBeGreaterThan(0);
    await page.getByTestId('table-incoming-departments').locator('tbody tr').first().waitFor();
    await screenshot(page, 'statistics-incoming-leader');

    await page.getByRole('tab', { name: '发文统计' }).click();
    await page.getByTestId('outgoing-summary').waitFor({ state: 'visible' });
    await screenshot(page, 'statistics-outgoing-leader');
    await context.close();
  });

  it('staff see fewer ledger rows than the leader and no 统计', async () => {
    const leaderContext = await newContext(browser());
    const leaderPage = await signIn(leaderContext, LEADER.username, LEADER.password);
    await leaderPage.goto('/ledger');
    const leaderTotal = leaderPage.locator('.ant-pagination-total-text').first();
    await leaderTotal.waitFor({ state: 'visible', timeout: 60_000 });
    const all = numberIn(await leaderTotal.textContent());
    await leaderContext.close();

    const context = await newContext(browser());
    const page = await signIn(context, STAFF.username, STAFF.password);
    await page.goto('/ledger');
    await page
      .getByText('仅列出您本人及下级经办的办件')
      .waitFor({ state: 'visible', timeout: 60_000 });
    const own = numberIn(await page.locator('.ant-pagination-total-text').first().textContent());
    expect(own).toBeLessThan(all);
    await screenshot(page, 'ledger-incoming-staff');
    await page.goto('/statistics');
    await page.getByText('无权访问').waitFor({ state: 'visible' });
    await context.close();
  });
});
