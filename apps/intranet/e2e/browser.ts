import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DEMO_PASSWORD } from '~demo/accounts';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(
  new URL(`./${process.env.GONGWEN_E2E_ARTIFACTS || 'artifacts'}/`, import.meta.url),
);

/** The running intranet's base URL (from the global setup). */
export const baseURL = (): string => process.env.GONGWEN_E2E_BASE_URL || inject('baseURL');

/**
 * Brings the server's clock to `at` (epoch ms) or later. On the server the global setup started,
 * it writes the offset the server adds to its clock (never backwards), so nothing waits on real
 * time; on a server started elsewhere (GONGWEN_E2E_BASE_URL) it can only wait.
 */
export async function serverClockReaches(at: number): Promise<void> {
  const file = process.env.GONGWEN_E2E_BASE_URL ? undefined : inject('clockOffsetFile');
  if (!file) {
    const wait = at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return;
  }
  let current = 0;
  try {
    current = Number(readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    // no offset yet
  }
  const needed = at - Date.now();
  if (needed > current) writeFileSync(file, String(needed));
}

/** Debian's Chromium, headless, with the network chatter switched off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies) on the intranet, in Chinese; `options` override. */
export function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseURL(),
    locale: 'zh-CN',
    viewport: { width: 1360, height: 900 },
    ...options,
  });
}

/**
 * The test file's browser: launched before its tests and closed, with every context, after
 * them. `as(user)` is that user signed in through the real form, in a context of their own,
 * once per `key` (default: the user name) — the same page on every later call.
 */
export function browserPerFile() {
  let browser: Browser | undefined;
  const contexts = new Map<string, { context: BrowserContext; page: Page }>();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
    await browser?.close();
  });
  const current = (): Browser => {
    if (!browser) throw new Error('browserPerFile: the browser starts in beforeAll');
    return browser;
  };
  async function as(
    user: string,
    opts: { password?: string; key?: string; context?: BrowserContextOptions } = {},
  ): Promise<Page> {
    const key = opts.key ?? user;
    let entry = contexts.get(key);
    if (!entry) {
      const context = await newContext(current(), opts.context);
      entry = { context, page: await signIn(context, user, opts.password ?? DEMO_PASSWORD) };
      contexts.set(key, entry);
    }
    return entry.page;
  }
  return { browser: current, as };
}

/** Fills and submits the 登录 form; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Signs in through the real form and waits for the 首页; returns the page. */
export async function signIn(
  context: BrowserContext,
  username: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await submitLogin(page, username, password);
  await page.waitForURL((url) => url.pathname === '/', { timeout: 60_000 });
  await page.getByTestId('user-name').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/** Saves a full-page screenshot to e2e/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Cookie header of a context, for forged requests. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * The open dropdown of Ant Design Selects: not hidden, and not one still playing its closing
 * animation (`ant-slide-up-leave…`), which stays visible for a moment after another opened.
 */
export const OPEN_SELECT_DROPDOWN =
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])';

/**
 * Picks an option of an Ant Design Select. Long option lists are virtualised, so an option
 * far down is not in the page: a searchable select is then filtered by typing the option's
 * text. `close` presses Escape afterwards (a multiple select stays open otherwise).
 */
export async function pickOption(
  select: Locator,
  option: string,
  opts: { close?: boolean } = {},
): Promise<void> {
  const page = select.page();
  await select.click();
  const dropdown = page.locator(OPEN_SELECT_DROPDOWN).last();
  await dropdown.waitFor({ state: 'visible' });
  const item = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
  const searchable = await select.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly);
  if (!(await item.isVisible()) && searchable) await select.fill(option);
  await item.click();
  if (opts.close) await page.keyboard.press('Escape');
}
