import { describe, expect, it } from 'vitest';
import { browserPerFile, newContext, screenshot, signIn, submitLogin } from './browser';
import { ADMIN, LOCK_VICTIM } from './people';

const { browser } = browserPerFile();

describe('登录', () => {
  it('signs in with the right password and shows the user in the header', async () => {
    const context = await newContext(browser());
    // The Content-Security-Policy (src/proxy.ts) must not block anything the pages need.
    const violations: string[] = [];
    context.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) {
        violations.push(m.text());
      }
    });
    const page = await signIn(context, ADMIN.username, ADMIN.password);
    expect(await page.getByTestId('user-name').textContent()).toBe(ADMIN.name);
    // The side menu shows the admin entries to an administrator.
    expect(await page.getByRole('link', { name: '组织机构与用户' }).count()).toBe(1);
    await screenshot(page, 'home-admin');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses a wrong password with 用户名或密码错误 and stays on 登录', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await submitLogin(page, ADMIN.username, 'definitely-wrong-1');
    const alert = page.getByTestId('login-error');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-failed');
    // Nothing behind sign-in opens without a session.
    await page.goto('/inbox');
    await page.waitForURL((u) => u.pathname === '/login');
    await context.close();
  });

  it('locks the account after five wrong passwords, even against the right one', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      await submitLogin(page, LOCK_VICTIM.username, `wrong-password-${i}`);
      const alert = page.getByTestId('login-error');
      await alert.waitFor({ state: 'visible' });
      messages.push((await alert.textContent()) ?? '');
    }
    expect(messages.slice(0, 4).every((m) => m.includes('用户名或密码错误'))).toBe(true);
    expect(messages[4]).toContain('账号已锁定，请 15 分钟后再试');
    await submitLogin(page, LOCK_VICTIM.username, LOCK_VICTIM.password);
    const alert = page.getByTestId('login-error');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('账号已锁定，请 15 分钟后再试');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-locked');
    await context.close();
  });
});
