import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import {
  baseURL,
  browserPerFile,
  cookieHeader,
  newContext,
  pickOption,
  screenshot,
  signIn,
} from './browser';
import { ADMIN, SOME_DEPARTMENT, STAFF } from './people';

const { browser } = browserPerFile();

const NEW_USER = { username: 'e2e.xinren', name: '辛仁', password: 'Xinren2026' };

/** Calls a tRPC mutation over HTTP the way the browser client does (superjson body). */
async function trpcPost(path: string, input: unknown, cookie?: string) {
  const res = await fetch(`${baseURL()}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = (await res.json()) as {
    error?: { json?: { message?: string; data?: { code?: string } } };
  };
  return { status: res.status, error: body.error?.json };
}

describe('组织机构与用户', () => {
  it('an administrator creates a user, who can then sign in', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: '组织机构与用户' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/org');
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('#new-username').fill(NEW_USER.username);
    await dialog.locator('#new-name').fill(NEW_USER.name);
    await pickOption(dialog.locator('#new-department'), SOME_DEPARTMENT.name);
    await dialog.locator('#new-password').fill(NEW_USER.password);
    await screenshot(page, 'admin-create-user');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已新建用户：${NEW_USER.name}`).waitFor({ state: 'visible' });
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'admin-user-created');
    await context.close();

    const newcomer = await newContext(browser());
    const home = await signIn(newcomer, NEW_USER.username, NEW_USER.password);
    expect(await home.getByTestId('user-name').textContent()).toBe(NEW_USER.name);
    // Not an administrator: no admin entries in the menu.
    expect(await home.getByRole('link', { name: '组织机构与用户' }).count()).toBe(0);
    await newcomer.close();
  });

  it('shows 无权访问 to a non-administrator who opens the admin pages', async () => {
    const context = await newContext(browser());
    const page = await signIn(context, STAFF.username, STAFF.password);
    for (const path of ['/admin/org', '/admin/audit']) {
      await page.goto(path);
      await page.getByText('无权访问', { exact: true }).waitFor({ state: 'visible' });
      expect(await page.getByRole('button', { name: /新建用户/ }).count()).toBe(0);
    }
    await screenshot(page, 'forbidden');
    await context.close();
  });

  it('rejects forged tRPC calls to admin procedures, with a staff session and without one', async () => {
    const context = await newContext(browser());
    await signIn(context, STAFF.username, STAFF.password);
    const staffCookie = await cookieHeader(context);
    const forged = {
      username: 'e2e.forged',
      name: '伪造',
      departmentId: SOME_DEPARTMENT.id,
      roles: ['admin'],
      superiorId: null,
      password: 'Forged2026x',
    };
    const asStaff = await trpcPost('admin.createUser', forged, staffCookie);
    expect(asStaff.status).toBe(403);
    expect(asStaff.error?.data?.code).toBe('FORBIDDEN');
    expect(asStaff.error?.message).toBe('无权访问：需要系统管理员权限');

    const anonymous = await trpcPost('admin.createUser', forged);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.message).toBe('请先登录');

    const promote = await trpcPost(
      'admin.updateUser',
      {
        id: STAFF.username,
        name: STAFF.name,
        departmentId: STAFF.departmentId,
        roles: ['admin'],
        superiorId: null,
      },
      staffCookie,
    );
    expect(promote.status).toBe(403);

    // Nothing was written: the forged user cannot sign in, and the staff member is still no admin.
    const admin = await newContext(browser());
    await signIn(admin, ADMIN.username, ADMIN.password);
    const org = await fetch(`${baseURL()}/api/trpc/admin.org`, {
      headers: { cookie: await cookieHeader(admin) },
    });
    expect(org.status).toBe(200);
    const data = superjson.deserialize<{ users: Array<{ id: string; roles: string[] }> }>(
      ((await org.json()) as { result: { data: never } }).result.data,
    );
    expect(data.users.some((u) => u.id === 'e2e.forged')).toBe(false);
    expect(data.users.find((u) => u.id === STAFF.username)?.roles).not.toContain('admin');
    await admin.close();
    await context.close();
  });
});
