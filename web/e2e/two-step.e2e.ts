import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerViaApi } from './support/api';
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
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;
const password = 'two-step journey passphrase';

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The code an authenticator app shows, `steps` 30-second steps from now. */
function codeAt(secret: string, steps = 0): string {
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

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

async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForNavigation(page, 'Enter the 6-digit code');
  expect(new URL(page.url()).pathname).toBe('/sign-in/verify');
}

it('turns on two-step verification in the web app, then signs in with a code and a recovery code', async () => {
  const email = uniqueEmail('totp');
  await registerViaApi(server.url, { email, name: 'Tess Otp', password });
  const { context, page } = await newPage(browser, server.url);
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  // Set up: password, then the QR code and the key, then a code.
  await page.goto('/account/security');
  await waitForPage(page, 'Security');
  const section = page.getByRole('region', { name: 'Two-step verification' });
  await section.waitFor();
  await section.getByRole('button', { name: 'Turn on' }).click();
  await section.getByLabel('Current password', { exact: true }).fill(password);
  await section.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await accessibleEverywhere(page, 'two-step set-up');
  // The previous step's code (one step of drift), leaving the current one for the sign-in below.
  await section.getByLabel('Authentication code').fill(codeAt(secret, -1));
  await section.getByRole('button', { name: 'Confirm' }).click();

  // Ten recovery codes, once, with Download and Print.
  const list = page.getByRole('list', { name: 'Your recovery codes' });
  await list.waitFor();
  const codes = (await list.locator('li').allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await accessibleEverywhere(page, 'recovery codes');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('gatehouse-recovery-codes.txt');
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  await page.getByText('Two-step verification is on.').first().waitFor();
  await page.getByText('Recovery codes left: 10').waitFor();
  await accessibleEverywhere(page, 'security page, two-step on');

  // Sign out, then sign in: password, then the code.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPage(page, 'Sign in');
  await passwordStep(page, email);
  await accessibleEverywhere(page, 'enter the code');
  await page
    .getByLabel('Authentication code')
    .fill('000000' === codeAt(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByText(/incorrect or has already been used/)
    .first()
    .waitFor();
  await accessibleEverywhere(page, 'enter the code, wrong code');
  await page.getByLabel('Authentication code').fill(codeAt(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await waitForPage(page, /Profile|Security/);

  // And once more with a recovery code.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPage(page, 'Sign in');
  await passwordStep(page, email);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await waitForNavigation(page, 'Enter a recovery code');
  await accessibleEverywhere(page, 'enter a recovery code');
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await page.goto('/account/security');
  await page.getByText('Recovery codes left: 9').waitFor();

  await context.close();

  // An admin resets it: the user's sessions end, and the password alone signs in again.
  const passwordLogin = async () =>
    (
      (await (
        await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).json()) as { data: { mfa_required?: true; access_token?: string } }
    ).data;
  expect((await passwordLogin()).mfa_required).toBe(true);
  const admin = await newPage(browser, server.url);
  await admin.page.goto('/sign-in');
  await waitForPage(admin.page, 'Sign in');
  await admin.page.getByLabel('Email address').fill(ADMIN.email);
  await admin.page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await admin.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await admin.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await admin.page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  await admin.page.locator('tbody tr', { hasText: email }).getByRole('link').first().click();
  await waitForNavigation(admin.page, 'Tess Otp');
  const card = admin.page.getByRole('region', { name: 'Two-step verification' });
  await card.getByText('On', { exact: true }).waitFor();
  await card.getByRole('button', { name: 'Reset two-step verification' }).click();
  await admin.page
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Reset two-step verification' })
    .click();
  await card.getByText('Off', { exact: true }).waitFor();
  expect((await passwordLogin()).access_token).toEqual(expect.any(String));

  expect(unexpectedPageErrors()).toEqual([]);
  await admin.context.close();
}, 300_000);

it('MFA_REQUIRED_FOR_ADMINS: an admin without a second factor is sent to set it up first', async () => {
  const strict = await startE2EServer({ MFA_REQUIRED_FOR_ADMINS: 'true' });
  try {
    const { context, page } = await newPage(browser, strict.url);
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForNavigation(page, 'Security');
    expect(new URL(page.url()).pathname).toBe('/account/security');
    const section = page.getByRole('region', { name: 'Two-step verification' });
    await section.getByText('requires administrators to use two-step verification').waitFor();
    await accessibleEverywhere(page, 'enrolment required');

    await section.getByRole('button', { name: 'Turn on' }).click();
    await section.getByLabel('Current password', { exact: true }).fill(ADMIN.password);
    await section.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await section.getByLabel('Authentication code').fill(codeAt(secret));
    await section.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('list', { name: 'Your recovery codes' }).waitFor();
    await page.getByRole('button', { name: 'I have saved my codes' }).click();

    // Now the admin area works.
    await page.goto('/admin/users');
    await waitForPage(page, 'Users');
    await page.locator('tbody tr').first().waitFor();
    expect(unexpectedPageErrors()).toEqual([]);
    await context.close();
  } finally {
    await strict.close();
  }
}, 300_000);
