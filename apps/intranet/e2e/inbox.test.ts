import { describe, expect, it } from 'vitest';
import { browserPerFile, newContext, screenshot, signIn } from './browser';
import { SECRETARY } from './people';

const { browser } = browserPerFile();

const numberIn = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

describe('首页 and 待办', () => {
  it('shows the 待办 count on 首页, the same number the 待办 list pages through', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, SECRETARY.username, SECRETARY.password);
    const total = page.getByTestId('count-total').locator('.ant-statistic-content-value');
    await total.waitFor({ state: 'visible' });
    const count = numberIn(await total.textContent());
    expect(count).toBeGreaterThan(0);
    await screenshot(page, 'home-secretary');

    await page.getByRole('link', { name: '待办', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    const pageTotal = page.locator('.ant-pagination-total-text');
    await pageTotal.waitFor({ state: 'visible' });
    expect(numberIn(await pageTotal.textContent())).toBe(count);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(Math.min(count, 20));

    // A search nothing matches empties the list and says so.
    await page.getByRole('searchbox', { name: '搜索' }).fill('不存在的标题zzz');
    await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
    await page.getByText('暂无待办事项').waitFor({ state: 'visible' });
    await screenshot(page, 'inbox-empty-search');
    await context.close();
  });
});
