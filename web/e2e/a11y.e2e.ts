import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginViaApi, registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  DESKTOP,
  MOBILE,
  launchBrowser,
  newPage,
  waitForNavigation,
  waitForPage,
  unexpectedPageErrors,
} from './support/browser';
import { PAGES, visit, type PageSpec } from './support/pages';
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { signIn } from './support/ui';

let server: E2EServer;
let browser: Browser;
const pages: Record<PageSpec['as'], Page> = {} as never;
const contexts: BrowserContext[] = [];
const user = {
  email: uniqueEmail('a11y'),
  name: 'Ana Lima',
  password: 'a11y journey passphrase',
  id: 0,
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
  user.id = (await registerViaApi(server.url, user)).id;
  await loginViaApi(server.url, user.email, user.password); // a second session, so the list has a revoke button
  for (const role of ['anonymous', 'user', 'admin'] as const) {
    const { context, page } = await newPage(browser, server.url);
    contexts.push(context);
    pages[role] = page;
  }
  await signIn(pages.user, user.email, user.password);
  await signIn(pages.admin, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ids = () => ({ userId: user.id });

describe('axe on every page, light and dark, 1280 and 375 (req 1)', () => {
  for (const spec of PAGES) {
    it(spec.key, async () => {
      const page = pages[spec.as];
      for (const viewport of [DESKTOP, MOBILE]) {
        await page.setViewportSize(viewport);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await visit(page, spec, ids());
          await expectAccessible(page, `${spec.key} ${colorScheme} ${viewport.width}px`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize(DESKTOP);
    });
  }

  it('with the error summary shown and with dialogs open', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const anon = pages.anonymous;
      await anon.emulateMedia({ colorScheme });
      await anon.goto('/register');
      await anon.getByRole('button', { name: 'Create account' }).click();
      await anon.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectAccessible(anon, `register errors ${colorScheme}`);

      const page = pages.user;
      await page.emulateMedia({ colorScheme });
      await visit(page, PAGES.find((p) => p.key === 'data') as PageSpec, ids());
      await page.getByRole('button', { name: 'Delete account…' }).click();
      await page.getByRole('alertdialog').waitFor();
      await expectAccessible(page, `delete dialog ${colorScheme}`);
      await page.keyboard.press('Escape');

      await visit(page, PAGES.find((p) => p.key === 'security') as PageSpec, ids());
      await page
        .getByRole('button', { name: /^Sign out .+ last active/ })
        .first()
        .click();
      await page.getByRole('alertdialog').waitFor();
      await expectAccessible(page, `revoke dialog ${colorScheme}`);
      await page.keyboard.press('Escape');
    }
  });
});

describe('layout sweeps', () => {
  it('reflows at 320px without page-level horizontal scroll (req 27)', async () => {
    for (const spec of PAGES) {
      const page = pages[spec.as];
      await page.setViewportSize({ width: 320, height: 720 });
      await visit(page, spec, ids());
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, spec.key).toBeLessThanOrEqual(320);
    }
    const table = pages.admin
      .locator('[role=region][aria-label]')
      .filter({ has: pages.admin.locator('table') });
    await visit(pages.admin, PAGES.find((p) => p.key === 'admin-list') as PageSpec, ids());
    await expect(table.getAttribute('tabindex')).resolves.toBe('0');
    for (const page of Object.values(pages)) await page.setViewportSize(DESKTOP);
  });

  it('keeps every control at least 24×24 px, text links excepted (req 26)', async () => {
    for (const spec of PAGES) {
      const page = pages[spec.as];
      for (const viewport of [DESKTOP, MOBILE]) {
        await page.setViewportSize(viewport);
        await visit(page, spec, ids());
        const small = await page.evaluate(() => {
          const inText = (el: Element) => {
            const parent = el.parentElement;
            return (
              parent !== null &&
              (parent.textContent ?? '').trim().length > (el.textContent ?? '').trim().length
            );
          };
          return [...document.querySelectorAll('a, button, input, select, summary')]
            .filter((el) => {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) return false;
              if (el.closest('.visually-hidden')) return false;
              if (el.tagName === 'A' && inText(el)) return false;
              return box.width < 24 || box.height < 24;
            })
            .map(
              (el) =>
                `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim()}" ${el.getBoundingClientRect().width}x${el.getBoundingClientRect().height}`,
            );
        });
        expect(small, `${spec.key} @${viewport.width}`).toEqual([]);
      }
    }
    for (const page of Object.values(pages)) await page.setViewportSize(DESKTOP);
  });

  it('survives the pseudo-locale (+40%) without clipped buttons, and RTL without overflow (req 29)', async () => {
    const page = pages.user;
    await page.evaluate(() => localStorage.setItem('gatehouse-locale', 'pseudo'));
    for (const key of ['security', 'data', 'profile']) {
      for (const viewport of [DESKTOP, MOBILE]) {
        await page.setViewportSize(viewport);
        await page.goto((PAGES.find((p) => p.key === key) as PageSpec).path(ids()));
        await page.locator('h1').waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll('button')]
            .filter((b) => b.getClientRects().length > 0 && !b.closest('.visually-hidden'))
            .filter((b) => b.scrollWidth > b.clientWidth + 1)
            .map((b) => b.textContent),
        );
        expect(clipped, `${key} @${viewport.width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
      }
    }
    await page.evaluate(() => localStorage.removeItem('gatehouse-locale'));
    for (const spec of PAGES.filter((p) => p.as !== 'admin')) {
      const target = pages[spec.as];
      await target.setViewportSize(MOBILE);
      await visit(target, spec, ids());
      await target.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      expect(
        await target.evaluate(() => document.documentElement.scrollWidth),
        `${spec.key} rtl`,
      ).toBeLessThanOrEqual(MOBILE.width);
      await target.setViewportSize(DESKTOP);
    }
  });
});

describe('document basics', () => {
  it('sets lang, a skip link to <main>, focus and title on client-side navigation (req 19)', async () => {
    const page = pages.user;
    await page.goto('/account');
    await waitForPage(page, 'Profile');
    // A full load leaves focus alone, so the skip link is the first Tab stop.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip.getAttribute('href')).resolves.toBe('#main');
    expect(await page.locator('main#main').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    for (const [link, heading] of [
      ['Security', 'Security'],
      ['Data & privacy', 'Data & privacy'],
      ['Profile', 'Profile'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Account settings' })
        .getByRole('link', { name: link })
        .click();
      await waitForNavigation(page, heading);
      expect(await page.title()).toBe(`${heading} – Gatehouse`);
      expect(await page.locator('h1').count()).toBe(1);
    }
  });

  it('follows the OS dark preference before any action and persists an explicit choice from the first frame (req 28)', async () => {
    const { context, page } = await newPage(browser, server.url, { colorScheme: 'dark' });
    expect(
      await page
        .goto('/sign-in')
        .then(() => page.locator('meta[name=color-scheme]').getAttribute('content')),
    ).toBe('light dark');
    await waitForPage(page, 'Sign in');
    const luminance = () =>
      page.evaluate(() => {
        const [r = 0, g = 0, b = 0] = (
          getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []
        ).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
    expect(await luminance()).toBeLessThan(0.2);

    await page.getByLabel('Light').check();
    expect(await luminance()).toBeGreaterThan(0.8);
    // Record the theme attribute at the moment <body> is parsed, i.e. before the first paint.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | null }).themeAtBody =
            document.documentElement.getAttribute('data-theme');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await waitForPage(page, 'Sign in');
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody),
    ).toBe('light');
    expect(await luminance()).toBeGreaterThan(0.8);
    expect(await page.getByLabel('Light').isChecked()).toBe(true);
    await page.getByLabel('System').check();
    expect(await luminance()).toBeLessThan(0.2);
    await context.close();
  });
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
