import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, pkce } from '../../test/oidc/support';
import { api, loginViaApi, registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  launchBrowser,
  newPage,
  unexpectedPageErrors,
  waitForNavigation,
  waitForPage,
} from './support/browser';
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { signIn, statusRegion } from './support/ui';

// Issue 14: the admin page "Applications" and the person's "Connected apps".
let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Applications (admin)', () => {
  let context: BrowserContext;
  let page: Page;
  const name = `Team notes ${Date.now().toString(36)}`;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, server.url));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await signIn(page, ADMIN.email, ADMIN.password);
  });

  it('is linked from the admin navigation and starts empty', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Applications' })
      .click();
    await waitForNavigation(page, 'Applications');
    await page.getByText('No application is registered yet.').waitFor();
    await expectAccessible(page, 'applications (empty)');
  });

  it('refuses a registration without redirect URI, with the error summary', async () => {
    await page.getByLabel('Application name').fill(name);
    await page.getByRole('button', { name: 'Register application' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter at least one redirect URI' }).count()).toBe(
      1,
    );
    expect(await page.title()).toMatch(/^Error: /);
  });

  it('registers an application and shows its secret once, with a copy button', async () => {
    await page.getByLabel('Redirect URIs').fill('https://notes.example.com/callback');
    await page.getByRole('button', { name: 'Register application' }).click();
    const panel = page.getByRole('region', { name: `${name} is registered` });
    await panel.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'created-app-title');
    await statusRegion(page).getByText(`Application ${name} registered.`).waitFor();
    await panel.getByText('you won’t see it again', { exact: false }).waitFor();
    const secret = await panel.getByLabel('Client secret').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await expectAccessible(page, 'applications (secret shown)');

    await panel.getByRole('button', { name: 'Copy secret' }).click();
    await panel.getByText('Secret copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const row = page.locator('tbody tr', { hasText: name });
    expect(await row.getByText('Confidential').count()).toBe(1);
    expect(await row.getByText('https://notes.example.com/callback').count()).toBe(1);

    await panel.getByRole('button', { name: 'Done, I stored it' }).click();
    await page.getByRole('heading', { name: 'Register an application' }).waitFor();
    // Gone for good: neither the page nor the API shows it again.
    expect(await page.getByText(secret).count()).toBe(0);
    await page.reload();
    await waitForPage(page, 'Applications');
    await page.locator('tbody tr', { hasText: name }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('edits the name, the redirect URIs and first-party', async () => {
    const row = page.locator('tbody tr', { hasText: name });
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await dialog.waitFor();
    await expectAccessible(page, 'applications (edit dialog)');
    await dialog.getByLabel('Application name').fill(`${name} v2`);
    await dialog
      .getByLabel('Redirect URIs')
      .fill('https://notes.example.com/callback\nhttps://notes.example.com/cb2');
    await dialog.getByLabel('First-party', { exact: false }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await statusRegion(page).getByText(`Application ${name} v2 saved.`).waitFor();
    const edited = page.locator('tbody tr', { hasText: `${name} v2` });
    expect(await edited.getByText('First-party').count()).toBe(1);
    expect(await edited.getByText('https://notes.example.com/cb2').count()).toBe(1);

    const admin = await loginViaApi(server.url, ADMIN.email, ADMIN.password);
    const listed = await api<
      Array<{ name: string; first_party: boolean; redirect_uris: string[] }>
    >(server.url, 'GET', '/api/admin/clients', undefined, admin);
    expect(listed.data.find((app) => app.name === `${name} v2`)).toMatchObject({
      first_party: true,
      redirect_uris: ['https://notes.example.com/callback', 'https://notes.example.com/cb2'],
    });
  });

  it('deletes it after a confirmation', async () => {
    const row = page.locator('tbody tr', { hasText: `${name} v2` });
    const trigger = row.getByRole('button', { name: `Delete ${name} v2` });
    await trigger.click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${name} v2?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
    await trigger.click();
    await dialog.getByRole('button', { name: 'Delete application' }).click();
    await statusRegion(page).getByText(`Application ${name} v2 deleted.`).waitFor();
    await page.getByText('No application is registered yet.').waitFor();
  });

  it('is not offered to a non-admin', async () => {
    const person = { email: uniqueEmail('apps'), name: 'Not Admin', password: 'not an admin pass' };
    await registerViaApi(server.url, person);
    const { page: other } = await newPage(browser, server.url);
    await signIn(other, person.email, person.password);
    expect(await other.getByRole('link', { name: 'Applications' }).count()).toBe(0);
    await other.goto('/admin/applications');
    await waitForPage(other, "You don't have permission to view this page");
  });
});

describe('Connected apps (security page)', () => {
  const person = {
    email: uniqueEmail('connected'),
    name: 'Cleo Park',
    password: 'connected apps pass',
  };
  let page: Page;

  beforeAll(async () => {
    const { id } = await registerViaApi(server.url, person);
    ({ page } = await newPage(browser, server.url));
    await signIn(page, person.email, person.password);
    // An application the person allows through the real authorization flow (API-driven).
    const admin = await loginViaApi(server.url, ADMIN.email, ADMIN.password);
    const created = await api<{ client_id: string }>(
      server.url,
      'POST',
      '/api/admin/clients',
      { name: 'Photo album', redirect_uris: ['https://photos.example.com/callback'] },
      admin,
    );
    expect(created.status).toBe(201);
    const token = await loginViaApi(server.url, person.email, person.password);
    const user = {
      id,
      ...person,
      accessToken: token,
      refreshToken: '',
      auth: { authorization: `Bearer ${token}` },
    };
    const { challenge } = pkce();
    const back = await authorize(server.app, user, {
      client_id: created.data.client_id,
      response_type: 'code',
      redirect_uri: 'https://photos.example.com/callback',
      scope: 'openid email',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('lists the app the person allowed, with what it may use', async () => {
    await page.goto('/account/security');
    await waitForPage(page, 'Security');
    const card = page.getByRole('region', { name: 'Connected apps' });
    const row = card.getByRole('listitem').filter({ hasText: 'Photo album' });
    await row.waitFor();
    expect(await row.getByText('Your email address', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'security with connected apps');
  });

  it('revokes it: the row goes after the server said so, and stays gone', async () => {
    const card = page.getByRole('region', { name: 'Connected apps' });
    await card.getByRole('button', { name: 'Revoke access of Photo album' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke access of Photo album?' });
    await dialog.getByRole('button', { name: 'Revoke access' }).click();
    await statusRegion(page).getByText('Access of Photo album revoked.').waitFor();
    await card.getByText('No application has access to your account.').waitFor();
    await page.reload();
    await waitForPage(page, 'Security');
    await page
      .getByRole('region', { name: 'Connected apps' })
      .getByText('No application has access to your account.')
      .waitFor();
  });
});

it('logs no console errors or CSP violations', () => {
  expect(unexpectedPageErrors()).toEqual([]);
});
