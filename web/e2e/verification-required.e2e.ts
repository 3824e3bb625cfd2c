import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerViaApi } from './support/api';
import {
  launchBrowser,
  newPage,
  unexpectedPageErrors,
  waitForNavigation,
  waitForPage,
} from './support/browser';
import { waitForToken } from './support/mail';
import { startE2EServer, uniqueEmail, type E2EServer } from './support/server';

/** A server that refuses sign-in until the address is confirmed (REQUIRE_EMAIL_VERIFICATION). */
let server: E2EServer;
let browser: Browser;
const password = 'verification first passphrase';

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startE2EServer({ REQUIRE_EMAIL_VERIFICATION: 'true' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('registers, shows "Check your inbox" without a session, then verifies and signs in', async () => {
  const email = uniqueEmail('gated');
  const { page } = await newPage(browser, server.url);
  await page.goto('/register');
  await page.getByLabel('Name').fill('Gated');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await waitForNavigation(page, 'Check your inbox');
  expect(await page.getByText(email).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Resend email' }).count()).toBe(0);

  const token = await waitForToken(server.outbox, email, '/verify-email');
  await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Confirm email address' }).click();
  await waitForNavigation(page, 'Your email address is confirmed');
  await page.getByRole('link', { name: 'Continue' }).click();
  await waitForNavigation(page, 'Sign in');
  expect(await page.getByLabel('Email address').inputValue()).toBe('');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForNavigation(page, 'Profile');
});

it('explains an unconfirmed address at sign-in', async () => {
  const email = uniqueEmail('unconfirmed');
  await registerViaApi(server.url, { email, name: 'Unconfirmed', password });
  const { page } = await newPage(browser, server.url);
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .locator('.error-summary')
    .getByText('Confirm your email address before signing in', { exact: false })
    .waitFor();
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
