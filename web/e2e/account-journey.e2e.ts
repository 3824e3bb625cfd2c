import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, loginViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  launchBrowser,
  logTiming,
  newPage,
  waitForNavigation,
  waitForPage,
  unexpectedPageErrors,
} from './support/browser';
import { waitForToken } from './support/mail';
import { startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { statusRegion } from './support/ui';

let server: E2EServer;
let browser: Browser;
let page: Page;
const person = {
  name: 'Ana Lima',
  email: uniqueEmail('ana'),
  password: 'first journey passphrase',
};
const newPassword = 'second journey passphrase';

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
  ({ page } = await newPage(browser, server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One person's whole life in Gatehouse; the steps depend on each other, so they run in order. */
it('registers and lands on "Check your inbox"', async () => {
  await page.goto('/register');
  await waitForPage(page, 'Create your account');
  await logTiming(page, 'register');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await waitForNavigation(page, 'Check your inbox');
  expect(await page.getByText(person.email).count()).toBeGreaterThan(0);
});

it('resends the verification email with a status message and a cooldown (req 18)', async () => {
  const status = await statusRegion(page).elementHandle();
  await page.getByRole('button', { name: 'Resend email' }).click();
  await page.getByRole('button', { name: /Resend in \d:\d\d/ }).waitFor();
  expect(await status?.evaluate((el) => el.textContent)).toContain('Email sent');
});

it('confirms the email with a button press, never on load (req 23)', async () => {
  const token = await waitForToken(server.outbox, person.email, '/verify-email');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/auth/verify-email'))
      posts.push(request.url());
  });
  await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
  await waitForPage(page, 'Confirm your email address');
  await page.waitForFunction(() => !location.search.includes('token'));
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(0);
  await page.getByRole('button', { name: 'Confirm email address' }).click();
  await waitForNavigation(page, 'Your email address is confirmed');
  expect(posts).toHaveLength(1);
});

it('signs out and back in, returning to the page asked for (req 24)', async () => {
  await page.goto('/account');
  await waitForPage(page, 'Profile');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForNavigation(page, 'Sign in');
  expect(await statusRegion(page).innerText()).toContain('You have signed out.');
  await page.goto('/account/security');
  await page.waitForURL(/\/sign-in\?returnTo=%2Faccount%2Fsecurity/);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForNavigation(page, 'Security');
  expect(new URL(page.url()).pathname).toBe('/account/security');
});

it('edits the profile name with a status message (req 18)', async () => {
  await page
    .getByRole('navigation', { name: 'Account settings' })
    .getByRole('link', { name: 'Profile' })
    .click();
  await waitForNavigation(page, 'Profile');
  const status = await statusRegion(page).elementHandle();
  const save = page.getByRole('button', { name: 'Save name' });
  expect(await save.isDisabled()).toBe(true);
  await page.getByLabel('Name', { exact: true }).fill('Ana Maria Lima');
  await save.click();
  await page.waitForFunction((el) => el?.textContent?.includes('Profile saved.'), status);
  await page.reload();
  await waitForPage(page, 'Profile');
  expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Ana Maria Lima');
});

it('changes the password: wrong current password is a field error, then success (req 4)', async () => {
  await page.goto('/account/security');
  await waitForPage(page, 'Security');
  const username = page.locator('form input[autocomplete=username]');
  expect(await username.inputValue()).toBe(person.email);
  await expect(page.getByLabel('New password').getAttribute('autocomplete')).resolves.toBe(
    'new-password',
  );
  await expect(page.getByLabel('Current password').getAttribute('autocomplete')).resolves.toBe(
    'current-password',
  );
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Update password' }).click();
  await page.locator('#current-password-error').waitFor();
  expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Current password').fill(person.password);
  await page.getByRole('button', { name: 'Update password' }).click();
  await statusRegion(page).getByText('Your password has been updated.').waitFor();
  expect(await page.getByLabel('Current password').inputValue()).toBe('');
  person.password = newPassword;
});

it('revokes another session through an accessible dialog (req 20, 22)', async () => {
  await loginViaApi(server.url, person.email, person.password);
  await loginViaApi(server.url, person.email, person.password);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const rows = page.locator('.sessions > li');
  await page.waitForFunction(() => document.querySelectorAll('.sessions > li').length === 3);
  expect(await page.locator('.sessions > li', { hasText: 'This device' }).count()).toBe(1);
  expect(
    await page.locator('.sessions > li', { hasText: 'This device' }).getByRole('button').count(),
  ).toBe(0);
  const names = await page
    .locator('.sessions button')
    .evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  expect(new Set(names).size).toBe(names.length);

  const trigger = page.getByRole('button', { name: /^Sign out .+ last active/ }).first();
  await trigger.click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign out this session?' });
  await dialog.waitFor();
  expect(await dialog.getAttribute('aria-modal')).toBe('true');
  expect(
    await page.evaluate(() =>
      document.querySelector('[role=alertdialog]')?.contains(document.activeElement),
    ),
  ).toBe(true);
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() =>
        document.querySelector('[role=alertdialog]')?.contains(document.activeElement),
      ),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);

  await trigger.click();
  await expectAccessible(page, 'revoke dialog');
  await dialog.getByRole('button', { name: 'Sign out session' }).click();
  await statusRegion(page).getByText('Session signed out.').waitFor();
  expect(await rows.count()).toBe(2);

  await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  await page
    .getByRole('alertdialog', { name: 'Sign out of all other sessions?' })
    .getByRole('button', { name: 'Sign out others' })
    .click();
  await statusRegion(page).getByText('You have signed out of all other sessions.').waitFor();
  expect(await rows.count()).toBe(1);
  expect(await page.getByText("You're only signed in on this device.").count()).toBe(1);
});

it('downloads the data export', async () => {
  await page
    .getByRole('navigation', { name: 'Account settings' })
    .getByRole('link', { name: 'Data & privacy' })
    .click();
  await waitForNavigation(page, 'Data & privacy');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gatehouse-data-\d+-\d{4}-\d{2}-\d{2}\.json$/);
  await statusRegion(page).getByText('Your download has started.').waitFor();
});

it('deletes the account after typing the phrase (req 21)', async () => {
  const trigger = page.getByRole('button', { name: 'Delete account…' });
  await trigger.click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
  await dialog.waitFor();
  expect(
    await dialog
      .getByRole('button', { name: 'Cancel' })
      .evaluate((el) => el === document.activeElement),
  ).toBe(true);
  const confirm = dialog.getByRole('button', { name: 'Delete account', exact: true });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel('Type "delete my account" to confirm').fill('delete my accoun');
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel('Type "delete my account" to confirm').fill('delete my account');
  expect(await confirm.isDisabled()).toBe(false);
  await dialog.getByLabel('Current password').fill(person.password);
  await confirm.click();
  await waitForNavigation(page, 'Sign in');
  expect(await statusRegion(page).innerText()).toContain('Your account has been deleted.');
  const login = await api(server.url, 'POST', '/api/auth/login', {
    email: person.email,
    password: person.password,
  });
  expect(login.status).toBe(401);
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
