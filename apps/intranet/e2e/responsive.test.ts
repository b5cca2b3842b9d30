import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, browserPerFile, pickOption, screenshot } from './browser';
import { ADMIN, STAFF } from './people';

// Phones and tablets: staff and leaders read and approve on them. Each viewport gets its own
// browser contexts (touch, and a mobile viewport for the phone), signed in through the real form.
// People of the demo county (demo/org.ts): 黄静 (秘书科: 签收登记, 拟办), 刘洋
// (办公室主任: 审阅), 张秀英 (副县长: 批示).
const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 768, height: 1024 }, isMobile: false, hasTouch: true },
} as const;
type ViewportName = keyof typeof VIEWPORTS;

const P = { secretary: 'huangjing', director: 'liuyang', leader: 'zhangxiuying' };

const people = browserPerFile();

/** `user` on `size`, in their own context, signed in once. */
const as = (user: string, size: ViewportName, password?: string): Promise<Page> =>
  people.as(user, {
    key: `${user}@${size}`,
    context: VIEWPORTS[size],
    ...(password ? { password } : {}),
  });

/** Waits until the page's content has loaded: no skeleton, spinner or client-only placeholder. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .ant-skeleton, .ant-spin-spinning'),
  );
}

/**
 * How far the page scrolls sideways (0 when it fits the screen). Measured against the device's
 * width: on a phone, content wider than the screen widens the layout viewport (innerWidth) too.
 */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(
    () => document.scrollingElement!.scrollWidth - Math.min(window.innerWidth, screen.width),
  );

/** True when `locator` is painted where it is (not clipped away or covered at its centre). */
const painted = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width > 0 && r.height > 0 && !!hit && el.contains(hit);
  });

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  return box?.width ?? 0;
}

/** The main pages and what shows once each has loaded. */
const PAGES: Array<{ path: string; user: 'secretary' | 'admin'; ready: string | RegExp }> = [
  { path: '/', user: 'secretary', ready: '我的待办' },
  { path: '/inbox', user: 'secretary', ready: '待办' },
  { path: '/done', user: 'secretary', ready: '已办' },
  { path: '/incoming', user: 'secretary', ready: '收文' },
  { path: '/incoming/new', user: 'secretary', ready: '签收登记' },
  { path: '/outgoing', user: 'secretary', ready: '发文' },
  { path: '/outgoing/new', user: 'secretary', ready: '拟稿' },
  { path: '/meetings', user: 'secretary', ready: '会议管理' },
  { path: '/reports', user: 'secretary', ready: '报告审批' },
  { path: '/statistics', user: 'secretary', ready: '收文统计' },
  { path: '/admin/org', user: 'admin', ready: /^组织机构与用户 · / },
  { path: '/admin/audit', user: 'admin', ready: '审计日志' },
];

const TITLE = `关于做好雨雪冰冻天气防范应对工作的紧急通知（E2E${Date.now() % 100000}）`;
let caseUrl = '';

for (const size of ['phone', 'tablet'] as const) {
  const { width: vw } = VIEWPORTS[size].viewport;

  describe(`on a ${size} (${vw}px)`, () => {
    it('every main page fits the width: no sideways scrolling of the page', async () => {
      const overflowing: string[] = [];
      for (const p of PAGES) {
        const page = await as(p.user === 'admin' ? ADMIN.username : P.secretary, size);
        await page.goto(p.path);
        await page
          .getByRole('main')
          .getByText(p.ready, { exact: true })
          .first()
          .waitFor({ state: 'visible' });
        await settled(page);
        const over = await sidewaysOverflow(page);
        if (over > 0) overflowing.push(`${p.path} (+${over}px)`);
        await screenshot(
          page,
          `responsive-${size}-${p.path === '/' ? 'home' : p.path.slice(1).replaceAll('/', '-')}`,
        );
      }
      expect(overflowing).toEqual([]);
    }, 600_000);

    it('list tables keep titles readable: the title column is not squeezed to a character', async () => {
      const page = await as(P.secretary, size);
      for (const path of ['/incoming', '/outgoing', '/inbox']) {
        await page.goto(path);
        const title = page.locator('.ant-table-tbody tr.ant-table-row a[href]').first();
        await title.waitFor({ state: 'visible' });
        await settled(page);
        expect(await width(title), path).toBeGreaterThanOrEqual(120);
        expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
      }
    }, 300_000);

    it('the menu is a drawer: it opens from the header and navigates', async () => {
      const page = await as(P.secretary, size);
      await page.goto('/');
      await settled(page);
      const nav = page.getByRole('navigation', { name: '主菜单' });
      // No icon strip taking the width: the menu is hidden until asked for.
      expect(await nav.isVisible()).toBe(false);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await nav.waitFor({ state: 'visible' });
      await screenshot(page, `responsive-${size}-drawer`);
      await nav.getByRole('link', { name: '已办', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/done');
      await nav.waitFor({ state: 'hidden' });
      await page
        .getByRole('main')
        .getByText('已办', { exact: true })
        .first()
        .waitFor({ state: 'visible' });
      // The unit's name stays on one line in the header.
      const unit = page.getByTestId('unit-name');
      const box = (await unit.boundingBox())!;
      const lineHeight = await unit.evaluate((el) =>
        Number.parseFloat(getComputedStyle(el).lineHeight),
      );
      expect(box.height).toBeLessThanOrEqual(lineHeight * 1.5);
    });

    it('the menu offers only what the user may open (no 统计 or 管理 for staff)', async () => {
      const page = await as(STAFF.username, size, STAFF.password);
      await page.getByRole('button', { name: '打开菜单' }).click();
      const nav = page.getByRole('navigation', { name: '主菜单' });
      await nav.getByRole('link', { name: '已办', exact: true }).waitFor({ state: 'visible' });
      expect(await nav.getByRole('link', { name: '统计', exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: '审计日志', exact: true }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });

      const secretary = await as(P.secretary, size);
      await secretary.getByRole('button', { name: '打开菜单' }).click();
      const menu = secretary.getByRole('navigation', { name: '主菜单' });
      await menu.getByRole('link', { name: '统计', exact: true }).waitFor({ state: 'visible' });
      await secretary.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    });

    it('统计: the number cards are wide enough and their figures do not run together', async () => {
      const page = await as(P.secretary, size);
      await page.goto('/statistics');
      const summary = page.getByTestId('incoming-summary');
      await summary.waitFor({ state: 'visible' });
      await settled(page);
      const boxes = await summary.locator('.ant-statistic').evaluateAll((els) =>
        els.map((el) => {
          const card = el.getBoundingClientRect();
          const figure = el.querySelector('.ant-statistic-content')!.getBoundingClientRect();
          return { left: card.left, right: card.right, top: card.top, figureRight: figure.right };
        }),
      );
      expect(boxes).toHaveLength(6);
      for (const b of boxes) {
        expect(b.right - b.left).toBeGreaterThanOrEqual(120);
        expect(b.figureRight).toBeLessThanOrEqual(b.right + 0.5);
        expect(b.right).toBeLessThanOrEqual(vw);
      }
      // Cards on one row do not overlap.
      for (const a of boxes)
        for (const b of boxes)
          if (a !== b && Math.abs(a.top - b.top) < 1 && a.left < b.left)
            expect(a.right).toBeLessThanOrEqual(b.left + 0.5);
      await screenshot(page, `responsive-${size}-statistics-cards`);
    });

    it('发文: the case title is visible and has its width', async () => {
      const page = await as(P.secretary, size);
      await page.goto('/outgoing');
      const link = page.locator('.ant-table-tbody tr.ant-table-row a[href^="/outgoing/"]').first();
      await link.waitFor({ state: 'visible' });
      await link.click();
      await page.waitForURL((u) => /^\/outgoing\/[^/]+$/.test(u.pathname));
      const title = page.getByTestId('case-title');
      await title.waitFor({ state: 'visible' });
      await settled(page);
      await title.scrollIntoViewIfNeeded();
      expect(await width(title)).toBeGreaterThanOrEqual(Math.min(200, vw / 2));
      expect(await painted(title)).toBe(true);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `responsive-${size}-outgoing-case`);
    });
  });
}

describe('the favicon', () => {
  it('pages link a 公 icon that is served', async () => {
    const page = await as(P.secretary, 'phone');
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toMatch(/^\/icon\.svg/);
    const res = await fetch(`${baseURL()}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toContain('公');
  });
});

describe('收文 on phones and tablets: 签收登记, 拟办, 审阅 and a handwritten 批示 by touch', () => {
  it('签收登记 on a phone (黄静)', async () => {
    const page = await as(P.secretary, 'phone');
    await page.goto('/incoming/new');
    await page.locator('input[aria-label="标题"]').fill(TITLE);
    await page.locator('input[aria-label="来文单位"]').fill('市应急管理局');
    await page.locator('input[aria-label="来文字号"]').fill('市应急〔2026〕52号');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('registration-submit').click();
    await page.waitForURL((u) => /^\/incoming\/[0-9a-f-]{36}$/.test(u.pathname), {
      timeout: 30_000,
    });
    caseUrl = new URL(page.url()).pathname;
    await page.getByTestId('case-state').filter({ hasText: '待拟办' }).waitFor();
  });

  it('拟办 on a tablet (黄静): the 办理 panel comes before the document details', async () => {
    const page = await as(P.secretary, 'tablet');
    await page.goto(caseUrl);
    const form = page.getByTestId('action-form-PROPOSE');
    await form.waitFor({ state: 'visible' });
    const actions = (await page.getByTestId('actions-card').boundingBox())!;
    const details = (await page.getByTestId('case-details').boundingBox())!;
    expect(actions.y).toBeLessThan(details.y);
    expect(actions.y).toBeLessThan(VIEWPORTS.tablet.viewport.height);
    await form.locator('textarea[aria-label="拟办意见"]').fill('拟请张秀英副县长阅示。');
    await pickOption(form.locator('input[aria-label="批示领导"]'), '张秀英', { close: true });
    await pickOption(form.locator('input[aria-label="主办部门"]'), '县应急管理局', { close: true });
    await page.getByTestId('action-submit-PROPOSE').click();
    await page.getByTestId('case-state').filter({ hasText: '待审阅' }).waitFor();
  });

  it('审阅 on a phone (刘洋): the case title shows and the 办理 panel is the first thing below it', async () => {
    const page = await as(P.director, 'phone');
    await page.goto(caseUrl);
    const title = page.getByTestId('case-title');
    await title.waitFor({ state: 'visible' });
    expect(await width(title)).toBeGreaterThan(100);
    expect(await painted(title)).toBe(true);
    const form = page.getByTestId('action-form-REVIEW');
    await form.waitFor({ state: 'visible' });
    const actions = (await page.getByTestId('actions-card').boundingBox())!;
    const details = (await page.getByTestId('case-details').boundingBox())!;
    expect(actions.y).toBeLessThan(details.y);
    await screenshot(page, 'responsive-phone-incoming-review');
    await form.locator('textarea[aria-label="审阅意见"]').fill('同意拟办意见。');
    await page.getByTestId('action-submit-REVIEW').click();
    await page.getByTestId('case-state').filter({ hasText: '待批示' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('批示 with handwriting drawn by finger on a tablet (张秀英)', async () => {
    const page = await as(P.leader, 'tablet');
    await page.goto(caseUrl);
    const form = page.getByTestId('action-form-INSTRUCT');
    await form.waitFor({ state: 'visible' });
    await form
      .locator('textarea[aria-label="批示意见"]')
      .fill('请县应急管理局抓紧部署，确保安全。');
    const pad = form.getByTestId('handwriting-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS.tablet.viewport.width);
    // Real touch events (touchstart/move/end), which Chromium turns into touch pointer events.
    const cdp = await page.context().newCDPSession(page);
    for (const [y0, y1] of [
      [0.3, 0.35],
      [0.6, 0.55],
    ] as const) {
      const at = (i: number) => ({
        x: box.x + box.width * (0.15 + i * 0.05),
        y: box.y + box.height * (y0 + ((y1 - y0) * i) / 12),
      });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
      for (let i = 1; i <= 12; i++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i)] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
    await form.getByText('已写 2 笔').waitFor();
    await screenshot(page, 'responsive-tablet-incoming-instruct');
    await page.getByTestId('action-submit-INSTRUCT').click();
    await page.getByTestId('case-state').filter({ hasText: '办理中' }).waitFor();
    const step = page.getByTestId('timeline-step').filter({ hasText: '请县应急管理局抓紧部署' });
    await step.getByTestId('handwriting-view').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
