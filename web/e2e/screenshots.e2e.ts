import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loginViaApi, registerViaApi } from './support/api';
import { DESKTOP, MOBILE, launchBrowser, newPage } from './support/browser';
import { PAGES, visit, type PageSpec } from './support/pages';
import { ADMIN, startE2EServer, type E2EServer } from './support/server';
import { signIn } from './support/ui';

/** Screenshots for docs/screenshots, only with SCREENSHOTS=1 (they are committed, not compared). */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const NAMES = [
  'Ana Lima',
  'Bruno Costa',
  'Chen Wei',
  'Dara Okafor',
  'Elif Yılmaz',
  'Farah Haddad',
  'Gustav Berg',
  'Hana Sato',
  'Ivan Petrov',
  'Julia Nowak',
  'Kwame Mensah',
  'Lucía Romero',
  'Mateo Rossi',
  'Nadia Karim',
  'Oskar Lind',
  'Priya Nair',
  'Quentin Moreau',
  'Rosa Alves',
  'Sven Olsen',
  'Tomás Ruiz',
  'Uma Patel',
  'Viktor Horvat',
  'Wen Li',
  'Yara Silva',
  'Zoe Martin',
];
const UAS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
];

describe.skipIf(process.env.SCREENSHOTS !== '1')('screenshots', () => {
  let server: E2EServer;
  let browser: Browser;
  const pages: Partial<Record<PageSpec['as'], Page>> = {};
  const ana = {
    email: 'ana.lima@example.com',
    name: 'Ana Lima',
    password: 'screenshots passphrase',
    id: 0,
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
    for (const [i, name] of NAMES.entries()) {
      const email =
        i === 0
          ? ana.email
          : `${name
              .split(' ')[0]
              ?.toLowerCase()
              .normalize('NFD')
              .replace(/[^a-z]/g, '')}@example.com`;
      const { id } = await registerViaApi(server.url, { email, name, password: ana.password });
      if (i === 0) ana.id = id;
    }
    for (const ua of UAS) await loginViaApi(server.url, ana.email, ana.password, ua);
    for (const role of ['anonymous', 'user', 'admin'] as const)
      pages[role] = (await newPage(browser, server.url)).page;
    await signIn(pages.user as Page, ana.email, ana.password);
    await signIn(pages.admin as Page, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function shoot(page: Page, name: string, viewport: { width: number; height: number }) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({
      path: path.join(OUT, `${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }

  it('main pages at 1280px and 375px', async () => {
    for (const spec of PAGES) {
      const page = pages[spec.as] as Page;
      for (const [suffix, viewport] of [
        ['desktop', DESKTOP],
        ['mobile', MOBILE],
      ] as const) {
        await page.setViewportSize(viewport);
        await visit(page, spec, { userId: ana.id });
        await shoot(page, `${spec.shot}-${suffix}`, viewport);
      }
    }
  });

  it('states: errors, dialogs, dark theme', async () => {
    const anon = pages.anonymous as Page;
    await anon.goto('/sign-in');
    await anon.getByLabel('Email address').fill('ana.lima@example.com');
    await anon.getByLabel('Password', { exact: true }).fill('wrong password');
    await anon.getByRole('button', { name: 'Sign in', exact: true }).click();
    await anon.locator('.error-summary').waitFor();
    await shoot(anon, 'sign-in-error-desktop', DESKTOP);
    await shoot(anon, 'sign-in-error-mobile', MOBILE);

    for (const viewport of [DESKTOP, MOBILE]) {
      await anon.setViewportSize(viewport);
      await anon.emulateMedia({ colorScheme: 'dark' });
      await anon.goto('/sign-in');
      await anon.locator('h1').waitFor();
      await shoot(anon, `sign-in-dark-${viewport === DESKTOP ? 'desktop' : 'mobile'}`, viewport);
    }

    const user = pages.user as Page;
    await user.setViewportSize(DESKTOP);
    await user.emulateMedia({ colorScheme: 'dark' });
    await visit(user, PAGES.find((p) => p.key === 'security') as PageSpec, { userId: ana.id });
    await shoot(user, 'account-security-dark-desktop', DESKTOP);
    await user.emulateMedia({ colorScheme: 'light' });
    await visit(user, PAGES.find((p) => p.key === 'data') as PageSpec, { userId: ana.id });
    await user.getByRole('button', { name: 'Delete account…' }).click();
    await user.getByRole('alertdialog').waitFor();
    await user.screenshot({
      path: path.join(OUT, 'delete-account-dialog-desktop.png'),
      animations: 'disabled',
    });

    const admin = pages.admin as Page;
    await admin.emulateMedia({ colorScheme: 'dark' });
    await visit(admin, PAGES.find((p) => p.key === 'admin-list') as PageSpec, { userId: ana.id });
    await shoot(admin, 'admin-users-dark-desktop', DESKTOP);
    await admin.emulateMedia({ colorScheme: 'light' });
    await admin.goto(`/admin/users/${ana.id}?tab=events`);
    await admin.locator('table').waitFor();
    await shoot(admin, 'admin-user-events-desktop', DESKTOP);
  });
});
