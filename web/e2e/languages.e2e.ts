import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../src/i18n/ar/index';
import { en, type Catalog } from '../src/i18n/catalog';
import { de } from '../src/i18n/de/index';
import { es } from '../src/i18n/es/index';
import { LOCALE_NAMES } from '../src/i18n/locales';
import { api, loginViaApi, registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  DESKTOP,
  MOBILE,
  launchBrowser,
  newPage,
  unexpectedPageErrors,
  waitForNavigation,
} from './support/browser';
import { waitForToken } from './support/mail';
import { startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { signIn, statusRegion } from './support/ui';

/**
 * Issue 18 in the browser: the footer's Language select before sign-in, whole journeys in German
 * and in Arabic (right-to-left), and the profile's language following the person to a new device.
 * Copy comes from the catalogs themselves, so the checks hold for every translation.
 */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const catalogs = { en, de, es, ar } as Record<'en' | 'de' | 'es' | 'ar', Catalog>;

let server: E2EServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Exact, unlike the shared helper: by substring, German 'Profil' is found in English 'Profile'. */
async function waitForPage(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

async function freshPage(): Promise<Page> {
  const { context, page } = await newPage(browser, server.url);
  contexts.push(context);
  return page;
}

/** The footer's select: labelled in the language shown, and in English ("Sprache · Language"). */
function languageSelect(page: Page, shown: Catalog) {
  const name = shown === en ? en['language.label'] : `${shown['language.label']} · Language`;
  return page.getByRole('combobox', { name, exact: true });
}

/** Picks a language in the footer's select. */
async function chooseLanguage(page: Page, from: Catalog, to: keyof typeof catalogs) {
  await languageSelect(page, from).selectOption(to);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

async function htmlAttributes(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
}

async function shoot(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** The account's `locale` as the API has it. */
async function savedLocale(person: { email: string; password: string }) {
  const token = await loginViaApi(server.url, person.email, person.password);
  const me = await api<{ locale: string | null }>(
    server.url,
    'GET',
    '/api/users/me',
    undefined,
    token,
  );
  return me.data.locale;
}

/** No horizontal scrolling: the layout fits (mirrored) at this width. */
async function expectNoOverflow(page: Page, label: string) {
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    label,
  ).toBeLessThanOrEqual(width);
}

describe('the Language select', () => {
  it('lists each language in itself, with its lang attribute', async () => {
    const page = await freshPage();
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    const options = await page
      .getByLabel('Language', { exact: true })
      .locator('option')
      .evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('lang')]));
    expect(options).toEqual([
      ['English', 'en'],
      ['Deutsch', 'de'],
      ['Español', 'es'],
      ['العربية', 'ar'],
    ]);
    expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('works before sign-in: Deutsch on /sign-in shows German, a reload keeps it, API calls ask for it', async () => {
    const page = await freshPage();
    await page.goto('/sign-in');
    await waitForPage(page, en['signIn.title']);
    await chooseLanguage(page, en, 'de');
    await waitForPage(page, de['signIn.title']);
    expect(await page.getByLabel(de['field.email.label']).count()).toBe(1);
    expect(await page.title()).toContain(de['signIn.title']);

    const apiCall = page.waitForRequest((request) => request.url().includes('/api/'));
    await page.reload();
    await waitForPage(page, de['signIn.title']);
    expect((await apiCall).headers()['accept-language']).toBe('de');
    expect(await htmlAttributes(page)).toEqual({ lang: 'de', dir: 'ltr' });
    expect(await languageSelect(page, de).inputValue()).toBe('de');
    await expectAccessible(page, 'sign-in (de)');
  });

  it('follows the browser when nothing was chosen (de-AT → German)', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-AT' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await waitForPage(page, de['signIn.title']);
    await context.close();
  });
});

/** Register → confirm from the outbox → account → sign out → sign in → security → sign out. */
describe.each([
  ['de', 'ltr'],
  ['ar', 'rtl'],
] as const)('journey in %s', (locale, dir) => {
  const t = catalogs[locale];
  const person = {
    name: locale === 'ar' ? 'ليلى حداد' : 'Jonas Becker',
    email: uniqueEmail(`journey-${locale}`),
    password: `journey passphrase ${locale}`,
  };
  let page: Page;

  beforeAll(async () => {
    page = await freshPage();
  });

  it('registers in the chosen language', async () => {
    await page.goto('/register');
    await waitForPage(page, en['register.title']);
    await chooseLanguage(page, en, locale);
    await waitForPage(page, t['register.title']);
    expect(await htmlAttributes(page)).toEqual({ lang: locale, dir });
    await expectAccessible(page, `register (${locale})`);
    await expectNoOverflow(page, `register (${locale})`);
    await shoot(page, `language-${locale}-register-desktop`);

    await page.getByLabel(t['field.name.label'], { exact: true }).fill(person.name);
    await page.getByLabel(t['field.email.label'], { exact: true }).fill(person.email);
    await page.getByLabel(t['field.password.label'], { exact: true }).fill(person.password);
    const register = page.waitForRequest((r) => r.url().endsWith('/api/auth/register'));
    await page.getByRole('button', { name: t['register.submit'], exact: true }).click();
    expect((await register).headers()['accept-language']).toBe(locale);
    await waitForNavigation(page, t['verify.pending.title']);
    await expectAccessible(page, `check your inbox (${locale})`);
  });

  it('confirms the address from the mail', async () => {
    const token = await waitForToken(server.outbox, person.email, '/verify-email');
    await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
    await waitForPage(page, t['verify.landing.title']);
    await page.getByRole('button', { name: t['verify.landing.button'], exact: true }).click();
    await waitForNavigation(page, t['verify.done.title']);
    expect(await htmlAttributes(page)).toEqual({ lang: locale, dir });
    // Registration stored the language the app asked in (Accept-Language) as the user's locale.
    expect(await savedLocale(person)).toBe(locale);
  });

  it('shows the account, signs out and back in', async () => {
    await page.goto('/account');
    await waitForPage(page, t['profile.title']);
    await expectAccessible(page, `profile (${locale})`);
    await expectNoOverflow(page, `profile (${locale})`);
    await shoot(page, `language-${locale}-profile-desktop`);
    await page.setViewportSize(MOBILE);
    await expectNoOverflow(page, `profile (${locale}, 375px)`);
    await shoot(page, `language-${locale}-profile-mobile`);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: t['app.signOut'], exact: true }).click();
    await waitForNavigation(page, t['signIn.title']);
    await page.getByLabel(t['field.email.label'], { exact: true }).fill(person.email);
    await page.getByLabel(t['field.password.label'], { exact: true }).fill(person.password);
    await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
    await waitForNavigation(page, t['profile.title']);
    expect(await htmlAttributes(page)).toEqual({ lang: locale, dir });
  });

  it('opens Security and signs out', async () => {
    await page.getByRole('link', { name: t['account.nav.security'], exact: true }).first().click();
    await waitForNavigation(page, t['security.title']);
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    await expectAccessible(page, `security (${locale})`);
    await expectNoOverflow(page, `security (${locale})`);
    await shoot(page, `language-${locale}-security-desktop`);
    // Dates in the sessions list are in the language, with the exact time in their title.
    const time = page.locator('.sessions time').first();
    expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await time.getAttribute('title')).toBeTruthy();

    await page.getByRole('button', { name: t['app.signOut'], exact: true }).click();
    await waitForNavigation(page, t['signIn.title']);
    expect(await htmlAttributes(page)).toEqual({ lang: locale, dir });
  });
});

describe('the profile language', () => {
  const person = {
    name: 'Marta Vidal',
    email: uniqueEmail('marta'),
    password: 'profile language passphrase',
  };

  beforeAll(async () => {
    await registerViaApi(server.url, person);
  });

  it('is saved on the profile and followed on another device', async () => {
    const first = await freshPage();
    await signIn(first, person.email, person.password);
    await first.goto('/account');
    await waitForPage(first, en['profile.title']);
    await first.getByLabel(LOCALE_NAMES.de, { exact: true }).check();
    await first.getByRole('button', { name: en['language.profile.save'], exact: true }).click();
    await statusRegion(first).getByText(de['language.profile.saved']).waitFor();
    await waitForPage(first, de['profile.title']);

    expect(await savedLocale(person)).toBe('de');

    // Another device: nothing stored, an English browser; after sign-in the app is German.
    const second = await freshPage();
    await second.goto('/sign-in');
    await waitForPage(second, en['signIn.title']);
    await second.getByLabel(en['field.email.label']).fill(person.email);
    await second.getByLabel(en['field.password.label'], { exact: true }).fill(person.password);
    await second.getByRole('button', { name: en['signIn.submit'], exact: true }).click();
    await waitForPage(second, de['profile.title']);
    expect(await htmlAttributes(second)).toEqual({ lang: 'de', dir: 'ltr' });
    expect(await second.evaluate(() => localStorage.getItem('gatehouse-locale'))).toBe('de');
  });

  it('is also saved by the footer select while signed in', async () => {
    const page = await freshPage();
    await signIn(page, person.email, person.password);
    await waitForPage(page, de['profile.title']);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/users/me') && r.request().method() === 'PATCH',
    );
    await chooseLanguage(page, de, 'es');
    expect((await saved).status()).toBe(200);
    await waitForPage(page, es['profile.title']);
    expect(await savedLocale(person)).toBe('es');
  });
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
