import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserPerFile, pickOption, screenshot, serverClockReaches } from './browser';

// People of the demo county (demo/org.ts): 杨帆 (办公室副主任) organises; 李明华
// (常务副县长) approves; 赵丽 attends; 周婷 delegates to 黄静; 刘洋 (办公室主任) proofreads.
const P = {
  organiser: 'yangfan',
  approver: 'liminghua',
  attendee: 'zhaoli',
  delegator: 'zhouting',
  deputy: 'huangjing',
  proofreader: 'liuyang',
  outsider: 'liangchen',
};

const { as } = browserPerFile();

const TITLE = `办公室文秘工作碰头会（E2E${Date.now() % 100000}）`;
let url = '';
// The meeting starts well after it is planned: replies close at the start and attendance closes
// only after it, so the start leaves ample time for the approval and the replies however loaded
// the machine is; the test then moves the server's clock past the start (serverClockReaches)
// rather than waiting for it.
const LEAD_MS = 20 * 60_000;
let START = new Date();

async function openMeeting(user: string): Promise<Page> {
  const page = await as(user);
  await page.goto(url);
  await page.getByTestId('meeting-title').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}

/** Opens an action's dialog, lets `fill` fill it, confirms and waits for the dialog to close. */
async function act(page: Page, type: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId(`action-${type}`).click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor({ state: 'visible' });
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-ok').click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
}

const state = (page: Page) => page.getByTestId('meeting-state').textContent();

describe('会议管理: planned, approved, replies with a deputy, attendance, minutes approved', () => {
  it('the organiser plans the meeting and books a room', async () => {
    const page = await as(P.organiser);
    await page.goto('/meetings/new');
    await page.locator('#meeting-title').waitFor({ state: 'visible' });
    await page.locator('#meeting-title').fill(TITLE);
    // the time, typed as the browser's local time; Enter commits a typed date
    const local = (ms: number) =>
      page.evaluate((t) => {
        const d = new Date(t);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
      }, ms);
    START = new Date(Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000);
    const END = new Date(START.getTime() + 60 * 60_000);
    const [from, to] = [await local(START.getTime()), await local(END.getTime())];
    for (const [id, value] of [
      ['#meeting-start', from],
      ['#meeting-end', to],
    ] as const) {
      const input = page.locator(id);
      await input.click();
      await input.fill(value);
      await input.press('Enter');
      await input.press('Escape');
      await expect.poll(() => input.inputValue()).toBe(value);
    }
    await page
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
    await screenshot(page, 'meeting-00-time');
    expect(await page.locator('#meeting-start').inputValue()).toBe(from);
    expect(await page.locator('#meeting-end').inputValue()).toBe(to);
    await pickOption(page.locator('#meeting-users'), '赵丽');
    await pickOption(page.locator('#meeting-users'), '周婷');
    await page.getByText('新建会议（会议计划/申请）').click();
    await pickOption(page.locator('#meeting-approver'), '李明华');
    await pickOption(page.locator('#meeting-room'), '小会议室');
    await screenshot(page, 'meeting-01-plan');
    await page.getByTestId('submit-plan').click();
    await page.waitForURL(
      (u) => /^\/meetings\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'),
      {
        timeout: 60_000,
      },
    );
    url = new URL(page.url()).pathname;
    await expect
      .poll(() => page.getByTestId('meeting-room').textContent(), { timeout: 30_000 })
      .toContain('小会议室');

    await act(page, 'SET_AGENDA', async (d) => {
      await d.getByRole('button', { name: /添加议题/ }).click();
      await d.getByRole('textbox', { name: '议题1名称' }).fill('年终文秘工作安排');
    });
    await expect.poll(() => page.getByTestId('agenda').textContent()).toContain('年终文秘工作安排');
    await act(page, 'SUBMIT_PLAN');
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('待审批');
  });

  it('a colleague with no part is refused; the leader approves and the notice goes out', async () => {
    const outsider = await as(P.outsider);
    await outsider.goto(url);
    await outsider.getByText('您与该会议无关').first().waitFor({ timeout: 30_000 });

    const page = await openMeeting(P.approver);
    await act(page, 'APPROVE', async (d) => {
      await d.locator('#action-text').fill('同意');
    });
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('已通知（回执、签到）');
  });

  it('invitees reply in their own browsers: one attends, one delegates to a deputy', async () => {
    const organiser = await openMeeting(P.organiser);
    await expect.poll(() => organiser.getByTestId('non-repliers').textContent()).toContain('周婷');

    const a = await openMeeting(P.attendee);
    await act(a, 'REPLY');
    const d = await openMeeting(P.delegator);
    await act(d, 'REPLY', async (dialog) => {
      await dialog.getByRole('radio', { name: '委托他人参加' }).check();
      await pickOption(dialog.locator('#reply-deputy'), '黄静');
      await dialog.locator('#reply-reason').fill('外出办事');
    });

    await organiser.reload();
    await organiser.getByTestId('replies').waitFor();
    await expect.poll(() => organiser.getByTestId('replies').textContent()).toContain('委托：黄静');
    expect(await organiser.getByTestId('non-repliers').count()).toBe(0);
    await screenshot(organiser, 'meeting-02-replies');
  });

  it('attendance is recorded, the meeting is held, the minutes are drafted and approved', async () => {
    const a = await openMeeting(P.attendee);
    await act(a, 'SIGN_IN');
    const organiser = await openMeeting(P.organiser);
    await organiser.getByTestId('sign-in-huangjing').click();
    const dialog = organiser.getByRole('dialog').last();
    await dialog.getByTestId('action-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await expect
      .poll(() => organiser.getByTestId('attendance').textContent(), { timeout: 30_000 })
      .toMatch(/黄静.*已签到/);
    await expect
      .poll(() => organiser.getByTestId('attendance').textContent())
      .toMatch(/赵丽.*已签到/);
    await screenshot(organiser, 'meeting-03-attendance');

    // attendance closes once the meeting has started
    await serverClockReaches(START.getTime() + 1_000);
    await organiser.reload();
    await act(organiser, 'CLOSE_ATTENDANCE');
    await expect.poll(() => state(organiser), { timeout: 30_000 }).toBe('会议记录');
    await act(organiser, 'DRAFT_MINUTES', async (d) => {
      await d
        .getByTestId('body-editor')
        .getByRole('textbox', { name: '第2块：正文段落' })
        .fill('会议研究了年终文秘工作，明确由秘书科牵头做好年终公文归档。');
    });
    await expect.poll(() => state(organiser), { timeout: 30_000 }).toBe('纪要校对');

    const proof = await openMeeting(P.proofreader);
    await act(proof, 'APPROVE_MINUTES', async (d) => {
      await d.locator('#action-text').fill('已校对');
    });
    await expect
      .poll(() => proof.getByTestId('minutes-approved').textContent(), { timeout: 30_000 })
      .toContain('校对通过');
    await expect
      .poll(() => proof.getByTestId('minutes-body').textContent())
      .toContain('年终公文归档');
    await screenshot(proof, 'meeting-04-minutes-approved');
  }, 600_000);
});
