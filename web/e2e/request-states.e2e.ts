import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerViaApi } from './support/api';
import {
  launchBrowser,
  newPage,
  waitForNavigation,
  waitForPage,
  unexpectedPageErrors,
} from './support/browser';
import { startE2EServer, uniqueEmail, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const { page } = await newPage(browser, server.url);
  await page.goto(path);
  return page;
}

describe('forgot and reset password', () => {
  it('shows the same confirmation for registered and unknown emails (req 14)', async () => {
    const known = uniqueEmail('forgot');
    await registerViaApi(server.url, {
      email: known,
      name: 'Forgetful',
      password: 'a good long passphrase',
    });
    const panels: string[] = [];
    for (const email of [known, uniqueEmail('nobody')]) {
      const page = await open('/forgot-password');
      await waitForPage(page, 'Reset your password');
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await waitForNavigation(page, 'Check your email');
      panels.push((await page.locator('main').innerText()).replaceAll(email, '<email>'));
    }
    expect(panels[0]).toContain("we've sent a link to reset your password");
    expect(panels[0]).toBe(panels[1]);
  });

  it('strips the reset token from the address bar and explains a bad link (req 23)', async () => {
    const page = await open('/reset-password?token=not-a-real-token');
    await waitForPage(page, 'Choose a new password');
    await page.waitForFunction(() => !location.search.includes('token'));
    const password = page.getByLabel('New password');
    await expect(password.getAttribute('autocomplete')).resolves.toBe('new-password');
    await password.fill('quietlamp');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await waitForNavigation(page, "This reset link can't be used");
    await page.getByRole('link', { name: 'Request a new link' }).waitFor();
  });
});

describe('request states', () => {
  it('counts down from Retry-After on 429 with the submit disabled (req 16)', async () => {
    const { page } = await newPage(browser, server.url);
    await page.clock.install();
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30', 'content-type': 'application/json' },
        body: JSON.stringify({
          success: false,
          code: 'RATE_LIMITED',
          message: 'Too many requests',
        }),
      }),
    );
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    await page.getByLabel('Email address').fill('someone@example.com');
    await page.getByLabel('Password', { exact: true }).fill('whatever passphrase');
    const submit = page.getByRole('button', { name: 'Sign in', exact: true });
    await submit.click();
    await page.getByText('Too many attempts. Try again in 30 seconds.').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await page.clock.runFor(10_000);
    await page.getByText('Try again in 20 seconds.', { exact: false }).waitFor();
    await page.clock.runFor(21_000);
    await page.waitForFunction(
      () => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'),
    );
    expect(await page.getByText('Too many attempts').count()).toBe(0);
  });

  it('sends one request for a triple click and shows a busy state (req 17)', async () => {
    const { page } = await newPage(browser, server.url);
    let requests = 0;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      requests += 1;
      await released;
      await route.continue();
    });
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    await page.getByLabel('Email address').fill('someone@example.com');
    await page.getByLabel('Password', { exact: true }).fill('whatever passphrase');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click({ clickCount: 3 });
    const busy = page.getByRole('button', { name: 'Signing in…' });
    await busy.waitFor();
    expect(await busy.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('form[aria-busy=true]').count()).toBe(1);
    await busy.click({ force: true });
    release();
    await page.locator('.error-summary').waitFor();
    expect(requests).toBe(1);
  });

  it('only follows root-relative returnTo values (req 24)', async () => {
    const email = uniqueEmail('redirect');
    const password = 'a good long passphrase';
    await registerViaApi(server.url, { email, name: 'Redirect', password });
    for (const [returnTo, expected] of [
      ['/account/security', '/account/security'],
      ['https://evil.example', '/account'],
      ['//evil.example', '/account'],
      ['/\\evil.example', '/account'],
    ] as const) {
      const { page } = await newPage(browser, server.url);
      await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      expect(new URL(page.url()).origin).toBe(server.url);
      expect(new URL(page.url()).pathname).toBe(expected);
    }
  });

  it('sends signed-out visitors to sign-in with returnTo (req 25)', async () => {
    const page = await open('/account');
    await page.waitForURL(/\/sign-in\?returnTo=%2Faccount$/);
    await waitForPage(page, 'Sign in');
  });

  it('does not spend a verification token on load (req 23)', async () => {
    const { page } = await newPage(browser, server.url);
    const posts: string[] = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && r.url().includes('/verify-email') && posts.push(r.url()),
    );
    await page.goto('/verify-email?token=abc123');
    await waitForPage(page, 'Confirm your email address');
    await page.waitForFunction(() => !location.search.includes('token'));
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await waitForNavigation(page, "This link can't be used");
    expect(posts).toHaveLength(1);
  });

  it('checks paste and labels on every input of the public pages (req 2, 5)', async () => {
    for (const path of ['/sign-in', '/register', '/forgot-password', '/reset-password?token=x']) {
      const page = await open(path);
      await page.locator('h1').waitFor();
      const problems = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea')].flatMap((el) => {
          const issues: string[] = [];
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
          if (!label || !(label as HTMLElement).offsetParent)
            issues.push(`${el.id || el.outerHTML}: no visible label`);
          if (el.hasAttribute('onpaste')) issues.push(`${el.id}: onpaste`);
          const event = new ClipboardEvent('paste', {
            cancelable: true,
            bubbles: true,
            clipboardData: new DataTransfer(),
          });
          el.dispatchEvent(event);
          if (event.defaultPrevented) issues.push(`${el.id}: paste blocked`);
          if (el.getAttribute('type') === 'password' && el.hasAttribute('maxlength'))
            issues.push(`${el.id}: maxlength`);
          return issues;
        }),
      );
      expect(problems, path).toEqual([]);
    }
  });
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
