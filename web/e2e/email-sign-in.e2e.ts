import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  DESKTOP,
  MOBILE,
  launchBrowser,
  newPage,
  unexpectedPageErrors,
  waitForNavigation,
  waitForPage,
} from './support/browser';
import { mailsTo, waitForToken } from './support/mail';
import { startE2EServer, uniqueEmail, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startE2EServer({ EMAIL_SIGN_UP: 'true' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe in both themes at 1280 and 375 px. */
async function accessibleEverywhere(page: Page, label: string): Promise<void> {
  for (const viewport of [DESKTOP, MOBILE]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectAccessible(page, `${label} ${colorScheme} ${viewport.width}px`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The 6-digit code of the newest sign-in mail to `to` (alone on its line in the text part). */
async function waitForCode(to: string, count: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const codes = mailsTo(server.outbox, to).flatMap((mail) =>
      [...mail.matchAll(/^(\d{6})\r?$/gm)].map((m) => m[1]!),
    );
    if (codes.length >= count) return codes.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no sign-in code #${count} to ${to}`);
}

async function requestFromSignInPage(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
  await waitForNavigation(page, 'Sign in with your email');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await waitForNavigation(page, 'Check your inbox');
}

it('signs in with the code from the mail, after a wrong one', async () => {
  const email = uniqueEmail('code');
  await registerViaApi(server.url, {
    email,
    name: 'Cody Mail',
    password: 'code journey passphrase',
  });
  const { context, page } = await newPage(browser, server.url);
  await page.goto('/email-sign-in');
  await waitForPage(page, 'Sign in with your email');
  await accessibleEverywhere(page, 'email sign-in: ask the address');
  await requestFromSignInPage(page, email);
  await accessibleEverywhere(page, 'email sign-in: check your inbox');
  const code = await waitForCode(email, 1);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Sign-in code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .getByText(/code is wrong/)
    .first()
    .waitFor();
  await accessibleEverywhere(page, 'email sign-in: wrong code');
  await page.getByLabel('Sign-in code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await waitForPage(page, 'Profile');
  expect(unexpectedPageErrors()).toEqual([]);
  await context.close();
}, 240_000);

it('signs in from the link only when the button is pressed', async () => {
  const email = uniqueEmail('link');
  await registerViaApi(server.url, {
    email,
    name: 'Linda Link',
    password: 'link journey passphrase',
  });
  const res = await api(server.url, 'POST', '/api/auth/email-sign-in', { email });
  expect(res.status).toBe(200);
  const token = await waitForToken(server.outbox, email, '/email-sign-in');
  const { context, page } = await newPage(browser, server.url);
  await page.goto(`/email-sign-in?token=${encodeURIComponent(token)}`);
  await waitForPage(page, 'Sign in to Gatehouse');
  // Opening the link spent nothing: the token still works after a reload.
  expect(new URL(page.url()).search).toBe('');
  await accessibleEverywhere(page, 'email sign-in: link landing');
  await page.reload();
  await waitForPage(page, 'Sign in to Gatehouse');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await waitForPage(page, 'Profile');
  await context.close();

  // Used once: a second visit offers a new mail instead.
  const again = await newPage(browser, server.url);
  await again.page.goto(`/email-sign-in?token=${encodeURIComponent(token)}`);
  await waitForPage(again.page, 'Sign in to Gatehouse');
  await again.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForPage(again.page, 'Sign in with your email');
  await again.page
    .getByText(/link has expired or has already been used/)
    .first()
    .waitFor();
  await accessibleEverywhere(again.page, 'email sign-in: used link');
  await again.context.close();
}, 240_000);

it('with EMAIL_SIGN_UP a new address gets an account and is asked for a name', async () => {
  const email = uniqueEmail('newcomer');
  const { context, page } = await newPage(browser, server.url);
  await requestFromSignInPage(page, email);
  const code = await waitForCode(email, 1);
  await page.getByLabel('Sign-in code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForNavigation(page, 'Welcome to Gatehouse');
  await accessibleEverywhere(page, 'welcome: give a name');
  await page.getByLabel('Name').fill('Nadia Newcomer');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await waitForPage(page, 'Profile');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('input')].some((i) => i.value === 'Nadia Newcomer'),
  );
  expect(unexpectedPageErrors()).toEqual([]);
  await context.close();
}, 240_000);
