import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerViaApi } from './support/api';
import {
  launchBrowser,
  logTiming,
  newPage,
  unexpectedPageErrors,
  waitForPage,
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

const activeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('sign in', () => {
  it('uses the right field types, tokens and attributes (req 3, 6, 7)', async () => {
    const page = await open('/sign-in');
    await waitForPage(page, 'Sign in');
    await logTiming(page, 'sign-in');
    expect(await page.title()).toBe('Sign in – Gatehouse');
    const email = page.getByLabel('Email address');
    await expect(email.getAttribute('type')).resolves.toBe('email');
    // `username` for password managers, then `webauthn` for passkey autofill (ux.md §7).
    await expect(email.getAttribute('autocomplete')).resolves.toBe('username webauthn');
    await expect(email.getAttribute('spellcheck')).resolves.toBe('false');
    const password = page.getByLabel('Password', { exact: true });
    await expect(password.getAttribute('autocomplete')).resolves.toBe('current-password');
    await expect(password.getAttribute('spellcheck')).resolves.toBe('false');
    await expect(password.getAttribute('autocapitalize')).resolves.toBe('none');
    await expect(password.getAttribute('maxlength')).resolves.toBeNull();

    const toggle = page.locator('button[type=button][aria-controls=password]');
    await expect(toggle.evaluate((el) => el.textContent)).resolves.toBe('Show password');
    await toggle.click();
    await expect(password.getAttribute('type')).resolves.toBe('text');
    await expect(page.getByRole('button', { name: 'Hide password' }).count()).resolves.toBe(1);
    await toggle.click();
    await expect(password.getAttribute('type')).resolves.toBe('password');
    expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(0);
  });

  it('shows one generic message for a wrong password and an unknown email, keeping only the email (req 14, 15)', async () => {
    const email = uniqueEmail('known');
    await registerViaApi(server.url, { email, name: 'Known', password: 'a good long passphrase' });
    const texts: string[] = [];
    for (const tryEmail of [email, uniqueEmail('unknown')]) {
      const page = await open('/sign-in');
      await page.getByLabel('Email address').fill(tryEmail);
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      texts.push((await summary.innerText()).trim());
      expect(await page.getByLabel('Email address').inputValue()).toBe(tryEmail);
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
      ).toBe(true);
      expect(await page.title()).toBe('Error: Sign in – Gatehouse');
      await expect(page.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expect(
        page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'),
      ).resolves.toBe('true');
    }
    expect(texts[0]).toContain('Email or password is incorrect.');
    expect(texts[0]).toBe(texts[1]);
  });
});

describe('register', () => {
  it('shows the error summary for an empty form and links to each field (req 11, 12)', async () => {
    const page = await open('/register');
    await waitForPage(page, 'Create your account');
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    const links = summary.getByRole('link');
    expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual([
      '#name',
      '#email',
      '#password',
    ]);
    for (const [i, id] of ['name', 'email', 'password'].entries()) {
      const text = (await links.nth(i).innerText()).trim();
      const input = page.locator(`#${id}`);
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
      const described = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
      const texts = await Promise.all(described.map((d) => page.locator(`#${d}`).innerText()));
      expect(texts.map((s) => s.trim())).toContain(text);
    }
    await links.nth(1).click();
    expect(await activeId(page)).toBe('email');
  });

  it('accepts a 9-char lowercase password, names the rule for 7, keeps 129 chars intact (req 5, 8, 9)', async () => {
    const page = await open('/register');
    const password = page.getByLabel('Password', { exact: true });
    const hintId = (await password.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${hintId}`).innerText()).toContain('8');
    await page.getByLabel('Name').fill('Ana');
    await page.getByLabel('Email address').fill('not-an-email');
    await password.fill('sevench');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(
      'Password must be at least 8 characters',
    );
    const long = 'x'.repeat(129);
    await password.evaluate((el: HTMLInputElement, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        cancelable: true,
        bubbles: true,
      });
      el.dispatchEvent(event);
      (el as HTMLInputElement & { pasteWasBlocked?: boolean }).pasteWasBlocked =
        event.defaultPrevented;
    }, long);
    expect(
      await password.evaluate(
        (el) => (el as HTMLInputElement & { pasteWasBlocked?: boolean }).pasteWasBlocked,
      ),
    ).toBe(false);
    await password.fill(long);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(password.inputValue()).resolves.toHaveLength(129);
    await page.locator('.error-summary', { hasText: '128 characters or fewer' }).waitFor();
    await password.fill('quietlamp');
    await page.getByLabel('Email address').fill(uniqueEmail('quiet'));
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForPage(page, 'Check your inbox');
  });

  it('puts a taken email on the email field and keeps the values (req 13)', async () => {
    const email = uniqueEmail('taken');
    await registerViaApi(server.url, { email, name: 'First', password: 'a good long passphrase' });
    const page = await open('/register');
    await page.getByLabel('Name').fill('Second');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('another good passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('#email-error').waitFor();
    expect(await page.locator('#email-error').innerText()).toContain(
      'An account with this email already exists',
    );
    expect(await page.getByLabel('Name').inputValue()).toBe('Second');
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
  });
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
