import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerViaApi } from './support/api';
import {
  launchBrowser,
  logTiming,
  newPage,
  waitForNavigation,
  waitForPage,
  unexpectedPageErrors,
} from './support/browser';
import { ADMIN, startE2EServer, type E2EServer } from './support/server';
import { signIn, statusRegion } from './support/ui';

let server: E2EServer;
let browser: Browser;
let page: Page;
const SEEDED = 45;
const run = Date.now().toString(36);
const seeded: Array<{ id: number; email: string; name: string }> = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
  for (let i = 1; i <= SEEDED; i += 1) {
    const n = String(i).padStart(2, '0');
    const user = {
      email: `seed.${n}.${run}@example.com`,
      name: `Seed User ${n}`,
      password: 'seeded user passphrase',
    };
    seeded.push({ ...user, id: (await registerViaApi(server.url, user)).id });
  }
  ({ page } = await newPage(browser, server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const total = SEEDED + 1;
const params = () => new URL(page.url()).searchParams;

it('a signed-out visit goes to sign-in and comes back (req 25)', async () => {
  await page.goto('/admin/users');
  await page.waitForURL(/\/sign-in\?returnTo=%2Fadmin%2Fusers/);
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForNavigation(page, 'Users');
  await logTiming(page, 'admin users (after sign-in)');
});

it('shows the total, a semantic table and numbered pagination (req 30)', async () => {
  await page.getByText(`${total} users`, { exact: true }).waitFor();
  const table = page.locator('table');
  expect(await table.locator('caption').count()).toBe(1);
  expect(await table.locator('th[scope=col]').count()).toBeGreaterThanOrEqual(4);
  expect(await table.locator('tbody tr').count()).toBe(20);
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  expect(await nav.locator('[aria-current=page]').innerText()).toBe('1');
  await nav.getByRole('link', { name: 'Page 2' }).click();
  await page.waitForFunction(
    () =>
      document.querySelector('nav[aria-label=Pagination] [aria-current=page]')?.textContent === '2',
  );
  expect(params().get('page')).toBe('2');
  expect(await page.getByText(`Showing 21–40 of ${total}`).count()).toBe(1);
  await page.reload();
  await waitForPage(page, 'Users');
  await page.locator('table').waitFor();
  expect(await page.locator('nav[aria-label=Pagination] [aria-current=page]').innerText()).toBe(
    '2',
  );
});

it('keeps the old rows and their summary, marked busy, until the next page arrives', async () => {
  // @see issue 13: the new summary ("Showing 41–46") showed over the old page's 20 rows.
  await page.goto('/admin/users?page=2');
  await page.getByText(`Showing 21–40 of ${total}`).waitFor();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const isPage3 = (url: URL) =>
    url.pathname === '/api/users' && url.searchParams.get('page') === '3';
  let requested: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (requested = resolve));
  await page.route(isPage3, async (route) => {
    requested();
    await held;
    await route.continue();
  });
  const results = page.locator('.users-results');
  await page
    .getByRole('navigation', { name: 'Pagination' })
    .getByRole('link', { name: 'Page 3' })
    .click();
  await arrived;
  await page.waitForFunction(
    () => document.querySelector('.users-results')?.getAttribute('aria-busy') === 'true',
  );
  // The page being left: its rows, its summary and its page number, all busy.
  expect(await results.locator('tbody tr').count()).toBe(20);
  expect(await results.locator('p.muted').innerText()).toBe(`Showing 21–40 of ${total}`);
  expect(await results.locator('[aria-current=page]').innerText()).toBe('2');
  release();
  await page.getByText(`Showing 41–46 of ${total}`).waitFor();
  expect(await results.locator('tbody tr').count()).toBe(6);
  expect(await results.locator('[aria-current=page]').innerText()).toBe('3');
  expect(await results.getAttribute('aria-busy')).toBeNull();
  await page.unroute(isPage3);
});

it('changes page size and sort through the URL', async () => {
  await page.getByLabel('Users per page').selectOption('50');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 46);
  expect(params().get('limit')).toBe('50');
  expect(params().get('page')).toBeNull();
  await page.getByLabel('Sort by').selectOption('email.asc');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('order') === 'asc');
  await page.waitForFunction(() =>
    document.querySelector('tbody tr td .table__secondary')?.textContent?.startsWith('admin@'),
  );
  await page.getByLabel('Users per page').selectOption('20');
  await page.getByLabel('Sort by').selectOption('created_at.desc');
});

it('searches on the server, reflects it in the URL and restores it on reload', async () => {
  await page.getByLabel('Search by name or email').fill('Seed User 07');
  await page.waitForFunction(
    () => new URL(location.href).searchParams.get('search') === 'Seed User 07',
  );
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  await statusRegion(page).getByText('1 user found').waitFor();
  await page.reload();
  await waitForPage(page, 'Users');
  expect(await page.getByLabel('Search by name or email').inputValue()).toBe('Seed User 07');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  await page.getByLabel('Search by name or email').fill('no-such-person-xyz');
  await page.getByText('No users match "no-such-person-xyz".').waitFor();
  await page.getByRole('button', { name: 'Clear search' }).first().click();
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 20);
  expect(params().get('search')).toBeNull();
});

it('filters by role', async () => {
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  expect(params().get('role')).toBe('admin');
  await page.getByLabel('Role', { exact: true }).selectOption('');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 20);
});

it('refuses to demote the last admin, with the reason (LAST_ADMIN)', async () => {
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  await page.locator('tbody tr', { hasText: ADMIN.email }).getByRole('link').click();
  await waitForNavigation(page, /.+/);
  await page.getByLabel('Role', { exact: true }).selectOption('user');
  await page.getByRole('button', { name: 'Save role' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('You will lose access to the admin area.').waitFor();
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await dialog.getByRole('alert').getByText('This is the only admin.', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.getByText('To delete your own account', { exact: false }).count()).toBe(1);
});

it('promotes a user through a confirmation dialog and sees it in the audit events', async () => {
  const target = seeded[6] as (typeof seeded)[number];
  await page.goto(`/admin/users/${target.id}`);
  await waitForPage(page, target.name);
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  const trigger = page.getByRole('button', { name: 'Save role' });
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: `Make ${target.name} an admin?` });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
  await trigger.click();
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await statusRegion(page).getByText('Role changed to Admin.').waitFor();

  await page.getByRole('tab', { name: 'Audit events' }).click();
  expect(await page.getByRole('tab', { name: 'Audit events' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  await page.getByRole('region', { name: 'Audit events table' }).waitFor();
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Overview' }).click();
});

it('deletes a user after typing their email (req 21)', async () => {
  const target = seeded[7] as (typeof seeded)[number];
  await page.goto(`/admin/users/${target.id}`);
  await waitForPage(page, target.name);
  await page.getByRole('button', { name: 'Delete user…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete ${target.email}?` });
  await dialog.waitFor();
  const confirm = dialog.getByRole('button', { name: 'Delete user' });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel(`Type "${target.email}" to confirm`).fill(target.email);
  expect(await confirm.isDisabled()).toBe(false);
  await confirm.click();
  await waitForNavigation(page, 'Users');
  await statusRegion(page).getByText('User deleted.').waitFor();
  // Back on the list as it was left (filters kept), then the whole list is one shorter.
  expect(params().get('role')).toBe('admin');
  await page.getByLabel('Role', { exact: true }).selectOption('');
  await page.getByText(`${total - 1} users`, { exact: true }).waitFor();
});

it('shows the permission page to a non-admin, never the table (req 25)', async () => {
  const { page: other } = await newPage(browser, server.url);
  const target = seeded[0] as (typeof seeded)[number];
  await signIn(other, target.email, 'seeded user passphrase');
  await other.goto('/admin/users');
  await waitForPage(other, "You don't have permission to view this page");
  expect(await other.locator('table').count()).toBe(0);
  expect(await other.getByRole('link', { name: 'Admin' }).count()).toBe(0);
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
