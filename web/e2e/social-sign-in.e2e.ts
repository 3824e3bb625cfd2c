import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../../test/helpers/upstream-oidc';
import { registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  DESKTOP,
  MOBILE,
  launchBrowser,
  newPage,
  unexpectedPageErrors,
  waitForPage,
} from './support/browser';
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { clickLink, signIn } from './support/ui';

let server: E2EServer;
let upstream: Upstream;
let browser: Browser;

/** A free loopback port: the callback URL registered upstream must name Gatehouse's port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  upstream = await startUpstream({ redirectUris: [`${appUrl}/api/auth/oauth/upstream/callback`] });
  [server, browser] = await Promise.all([
    startE2EServer(
      {
        APP_URL: appUrl,
        SOCIAL_ALLOW_HTTP: 'true',
        SOCIAL_PROVIDERS: JSON.stringify([
          {
            id: 'upstream',
            preset: 'oidc',
            name: 'Upstream ID',
            issuer: upstream.issuer,
            client_id: upstream.clientId,
            client_secret: upstream.clientSecret,
          },
        ]),
      },
      { port },
    ),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await upstream?.close();
});

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

/** From /sign-in through the upstream's login form and back. */
async function continueWithUpstream(page: Page, email: string, verified = true): Promise<void> {
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByRole('button', { name: 'Continue with Upstream ID' }).click();
  await page.waitForURL((url) => url.origin === upstream.issuer);
  await page.getByLabel('Upstream email').fill(email);
  if (!verified) await page.getByLabel('Email verified').uncheck();
  await page.getByRole('button', { name: 'Continue to Gatehouse' }).click();
}

it('signs in through the upstream provider, then unlinks on the security page', async () => {
  const email = uniqueEmail('social');
  const { context, page } = await newPage(browser, server.url);
  await page.goto('/sign-in');
  await waitForPage(page, 'Sign in');
  await page.getByRole('button', { name: 'Continue with Upstream ID' }).waitFor();
  await accessibleEverywhere(page, 'sign-in with a provider button');

  await continueWithUpstream(page, email);
  await page.waitForURL((url) => url.pathname.startsWith('/account'));
  await waitForPage(page, 'Profile');
  // The one-time code never stays in the address or history.
  expect(page.url()).not.toContain('code=');

  await page.goto('/account/security');
  await waitForPage(page, 'Security');
  const methods = page.getByRole('region', { name: 'Sign-in methods' });
  await methods.getByText('Upstream ID').first().waitFor();
  // The only way in: Unlink is disabled, and the reason is shown.
  const unlink = methods.getByRole('button', { name: 'Unlink' });
  await expect(unlink.isDisabled()).resolves.toBe(true);
  await methods.getByText('This is the only way to sign in to your account').waitFor();
  await accessibleEverywhere(page, 'security: sign-in methods');

  // A second linked provider account (as if linked earlier): now one of them can go.
  const { db } = server.app.ctx.database;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_identities')
    .values({ user_id: user.id, provider: 'upstream', subject: `other-${email}`, email })
    .execute();
  await page.reload();
  await waitForPage(page, 'Security');
  await methods.getByRole('button', { name: 'Unlink' }).nth(1).waitFor();
  await methods.getByRole('button', { name: 'Unlink' }).first().click();
  await page.getByText('Upstream ID account unlinked.').waitFor();
  await expect.poll(() => methods.getByRole('button', { name: 'Unlink' }).count()).toBe(1);
  await expect(methods.getByRole('button', { name: 'Unlink' }).isDisabled()).resolves.toBe(true);
  await context.close();
});

it('explains on the sign-in page why an unverified upstream email was refused', async () => {
  const { context, page } = await newPage(browser, server.url);
  await continueWithUpstream(page, uniqueEmail('unverified'), false);
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page
    .getByRole('alert')
    .getByText("Upstream ID hasn't verified your email address")
    .waitFor();
  await expectAccessible(page, 'sign-in: provider error');
  await context.close();
  expect(unexpectedPageErrors()).toEqual([]);
});

it('lets an admin add and remove a provider on /admin/providers', async () => {
  const { context, page } = await newPage(browser, server.url);
  await signIn(page, ADMIN.email, ADMIN.password);
  await clickLink(page, 'Sign-in providers', 'Sign-in providers');
  // The one from SOCIAL_PROVIDERS is listed, read-only.
  await page.getByRole('cell', { name: /Upstream ID/ }).waitFor();
  await page.getByLabel('Id', { exact: true }).fill('google');
  await page.getByLabel('Type').selectOption('google');
  await page.getByLabel('Client ID').fill('1234.apps.googleusercontent.com');
  await page.getByLabel('Client secret').fill('a client secret');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByText(`${server.url}/api/auth/oauth/google/callback`).waitFor();
  await accessibleEverywhere(page, 'admin: sign-in providers');
  await page.getByRole('button', { name: 'Remove provider Google' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove provider' }).click();
  await page.getByText('Provider Google removed.').waitFor();
  await context.close();
});

it('links to an existing account only after the person signs in to it', async () => {
  const email = uniqueEmail('existing');
  const password = 'existing account passphrase';
  await registerViaApi(server.url, { email, name: 'Existing Person', password });
  const { context, page } = await newPage(browser, server.url);
  await continueWithUpstream(page, email);
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByText('Sign in to link your Upstream ID account').waitFor();
  await expectAccessible(page, 'sign-in: link notice');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Your Upstream ID account is linked.').waitFor();
  await page.goto('/account/security');
  await waitForPage(page, 'Security');
  const methods = page.getByRole('region', { name: 'Sign-in methods' });
  await methods.getByText(email).waitFor();
  // A password and the provider account: Unlink is allowed.
  await expect(methods.getByRole('button', { name: 'Unlink' }).isDisabled()).resolves.toBe(false);
  await context.close();
});
