import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ORG, DEMO_UNIT_ID } from '~demo/org';
import { browserPerFile, pickOption, screenshot } from './browser';
import { LOCK_VICTIM } from './people';

// Every list that links to cases — 首页 我的待办, 待办, 已办 and the 消息提醒 bell — must open the
// case page of every workflow (会议 under /meetings/, 报告审批 under /reports/), never 页面不存在.

const WORKFLOWS = {
  incoming: { title: '收文办理', heading: 'case-title' },
  outgoing: { title: '发文办理', heading: 'case-title' },
  meeting: { title: '会议管理', heading: 'meeting-title' },
  report: { title: '报告审批', heading: 'report-title' },
} as const;
type Workflow = keyof typeof WORKFLOWS;
const ALL = Object.keys(WORKFLOWS) as Workflow[];

// The demo people with the most varied work first: leaders, the office, heads of department.
const rank = (roles: string[]) =>
  roles.includes('officeDirector')
    ? 0
    : roles.includes('leader')
      ? 1
      : roles.includes('secretary')
        ? 2
        : roles.includes('departmentHead')
          ? 3
          : 4;
const PEOPLE = DEMO_ORG.users
  .filter((u) => u.unitId === DEMO_UNIT_ID && u.active && u.id !== LOCK_VICTIM.username)
  .sort((a, b) => rank(a.roles) - rank(b.roles))
  .map((u) => u.id);

const { as } = browserPerFile();

/** The case links of one workflow in `area` (each link names its workflow). */
const linksOf = (area: Locator, workflow: Workflow) =>
  area.locator(`a[data-workflow="${workflow}"]`);

/**
 * Clicks the link and checks that the case page opens at the link's address: the case's
 * heading shows, and not 页面不存在.
 */
async function follow(page: Page, link: Locator, workflow: Workflow, name: string) {
  const href = await link.getAttribute('href');
  expect(href, name).toMatch(
    new RegExp(
      `^/${workflow === 'meeting' ? 'meetings' : workflow === 'report' ? 'reports' : workflow}/`,
    ),
  );
  await link.click();
  await page.waitForURL((u) => u.pathname === href, { timeout: 60_000 });
  const heading = page.getByTestId(WORKFLOWS[workflow].heading);
  const missing = page.getByText('页面不存在');
  await heading.or(missing).first().waitFor({ state: 'visible', timeout: 60_000 });
  expect(await missing.isVisible(), `${name}: ${href}`).toBe(false);
  expect(await heading.isVisible(), `${name}: ${href}`).toBe(true);
}

/**
 * For each workflow, finds a person whose list (opened by `open`, narrowed to the workflow by
 * `narrow` where the list can filter) links to such a case, and follows the link.
 */
async function followEach(
  list: string,
  open: (page: Page) => Promise<Locator>,
  narrow?: (page: Page, area: Locator, workflow: Workflow) => Promise<void>,
) {
  const left = new Set<Workflow>(ALL);
  for (const user of PEOPLE) {
    if (left.size === 0) break;
    const page = await as(user);
    // without a filter, one look tells which workflows this person's list links to
    let present: Workflow[] = [...left];
    if (!narrow) {
      const area = await open(page);
      const shown = await area
        .locator('a[data-workflow]')
        .evaluateAll((els) => els.map((a) => a.getAttribute('data-workflow')));
      present = present.filter((w) => shown.includes(w));
    }
    for (const workflow of present) {
      const area = await open(page);
      if (narrow) await narrow(page, area, workflow);
      if ((await linksOf(area, workflow).count()) === 0) continue;
      await follow(page, linksOf(area, workflow).first(), workflow, `${list} of ${user}`);
      await screenshot(page, `links-${list}-${workflow}`);
      left.delete(workflow);
    }
  }
  expect([...left], `${list}: no demo person has a case of these workflows`).toEqual([]);
}

/** A list page (待办 or 已办) once it has loaded: rows, or its empty text. */
async function openListPage(page: Page, path: string, empty: string): Promise<Locator> {
  await page.goto(path);
  const table = page.locator('.ant-table');
  await table
    .locator('tr.ant-table-row')
    .first()
    .or(page.getByText(empty))
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  return table;
}

/** Narrows a list page to one workflow (流程类型) and waits until it lists only that one. */
async function narrowToWorkflow(page: Page, area: Locator, workflow: Workflow, empty: string) {
  await pickOption(page.locator('input[aria-label="流程类型"]'), WORKFLOWS[workflow].title);
  await expect
    .poll(
      async () => {
        if (await page.getByText(empty).isVisible()) return true;
        const shown = await area
          .locator('a[data-workflow]')
          .evaluateAll((els) => els.map((a) => a.getAttribute('data-workflow')));
        return shown.length > 0 && shown.every((w) => w === workflow);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

describe('case links open the case page of every workflow', () => {
  it('首页 我的待办', { timeout: 900_000 }, async () => {
    await followEach('home-inbox', async (page) => {
      await page.goto('/');
      const card = page.getByTestId('home-inbox');
      await card
        .locator('.ant-list-item')
        .first()
        .or(card.getByText('暂无待办事项'))
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      return card;
    });
  });

  it('待办', { timeout: 900_000 }, async () => {
    await followEach(
      'inbox',
      (page) => openListPage(page, '/inbox', '暂无待办事项'),
      (page, area, workflow) => narrowToWorkflow(page, area, workflow, '暂无待办事项'),
    );
  });

  it('已办', { timeout: 900_000 }, async () => {
    await followEach(
      'done',
      (page) => openListPage(page, '/done', '暂无已办事项'),
      (page, area, workflow) => narrowToWorkflow(page, area, workflow, '暂无已办事项'),
    );
  });

  it('消息提醒 (the bell)', { timeout: 900_000 }, async () => {
    await followEach('bell', async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: '消息提醒' }).click();
      const popover = page.locator('.ant-popover:not(.ant-popover-hidden)').last();
      await popover
        .locator('.ant-list-item')
        .first()
        .or(popover.getByText('暂无消息'))
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      return popover;
    });
  });
});
