/**
 * Passkeys in Debian Chromium with the DevTools protocol's virtual authenticator: registration on
 * the security page, passwordless sign-in (button and autofill), removal, and a cloned credential.
 * WebAuthn refuses IP addresses as relying party: the app is served and browsed at localhost.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/helpers/process';
import { startServer } from '../../test/helpers/server';
import { registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import {
  DESKTOP,
  launchBrowser,
  MOBILE,
  newPage,
  unexpectedPageErrors,
  waitForPage,
} from './support/browser';
import { uniqueEmail } from './support/server';
import { signIn, statusRegion } from './support/ui';

let server: Awaited<ReturnType<typeof startServer>>;
let url: string;
let browser: Browser;
const password = 'passkey tests passphrase';

beforeAll(async () => {
  const port = await freePort();
  url = `http://localhost:${port}`;
  [server, browser] = await Promise.all([startServer({ APP_URL: url }, { port }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface VirtualKey {
  cdp: CDPSession;
  authenticatorId: string;
}

/** A platform authenticator with resident keys and user verification, as a phone or laptop has. */
async function addAuthenticator(page: Page): Promise<VirtualKey> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentialsOf(key: VirtualKey) {
  const { credentials } = await key.cdp.send('WebAuthn.getCredentials', {
    authenticatorId: key.authenticatorId,
  });
  return credentials;
}

async function auditCount(email: string, type: string): Promise<number> {
  const rows = await server.app.ctx.database.db
    .selectFrom('audit_events')
    .innerJoin('users', 'users.id', 'audit_events.user_id')
    .select('audit_events.id')
    .where('users.email', '=', email)
    .where('audit_events.type', '=', type)
    .execute();
  return rows.length;
}

const signInsWithPasskey = (email: string) => auditCount(email, 'passkey.sign_in');

async function newUser(prefix: string) {
  const email = uniqueEmail(prefix);
  await registerViaApi(url, { email, name: 'Passkey Person', password });
  return email;
}

async function addPasskeyInUi(page: Page, name: string) {
  await page.goto('/account/security');
  await waitForPage(page, 'Security');
  await page.getByLabel('Passkey name').fill(name);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect.poll(() => statusRegion(page).innerText()).toContain(`Passkey "${name}" added.`);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPage(page, 'Sign in');
}

/**
 * The virtual authenticator answers a conditional (autofill) request at once, without anyone
 * picking the passkey: to test the button, this browser claims no autofill support.
 */
const WITHOUT_AUTOFILL = () => {
  PublicKeyCredential.isConditionalMediationAvailable = async () => false;
};

async function openSignedIn(email: string, options: { autofill?: boolean } = {}) {
  const { context, page } = await newPage(browser, url);
  if (!options.autofill) await context.addInitScript(WITHOUT_AUTOFILL);
  const key = await addAuthenticator(page);
  await signIn(page, email, password);
  return { context, page, key };
}

describe('passkeys in the browser', () => {
  it('signs in through the email field autofill (conditional mediation)', async () => {
    const email = await newUser('autofill');
    const { context, page } = await openSignedIn(email, { autofill: true });
    await addPasskeyInUi(page, 'Laptop');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    // The sign-in page starts the autofill request; the virtual authenticator answers it.
    await expect.poll(() => signInsWithPasskey(email)).toBe(1);
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await context.close();
  });

  it('registers a passkey, signs in with it (alone and as the second step), renames and removes it', async () => {
    const email = await newUser('passkey');
    const { context, page, key } = await openSignedIn(email);
    await addPasskeyInUi(page, 'Laptop');
    const list = page.locator('section[aria-labelledby="passkeys-title"] .sessions > li');
    await expect.poll(() => list.count()).toBe(1);
    await expect.poll(() => list.first().innerText()).toContain('Laptop');
    expect(await credentialsOf(key)).toHaveLength(1);

    // Passwordless: the button.
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

    expect(await signInsWithPasskey(email)).toBe(1);
    await signOut(page);
    expect(await page.getByLabel('Email address').getAttribute('autocomplete')).toBe(
      'username webauthn',
    );
    // With a passkey, the password alone is not enough: the passkey is the second step.
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForPage(page, 'Confirm with your passkey');
    await expectAccessible(page, 'passkey second step');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    const logins = await server.app.ctx.database.db
      .selectFrom('audit_events')
      .innerJoin('users', 'users.id', 'audit_events.user_id')
      .select('audit_events.details')
      .where('users.email', '=', email)
      .where('audit_events.type', '=', 'login.succeeded')
      .execute();
    expect(logins.map((l) => (l.details as { second_step?: string }).second_step)).toContain(
      'passkey',
    );

    // Rename, then remove with the password.
    await page.goto('/account/security');
    await waitForPage(page, 'Security');
    await page.getByRole('button', { name: 'Rename passkey Laptop' }).click();
    await page.getByLabel('Passkey name').first().fill('Work laptop');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => statusRegion(page).innerText())
      .toContain('Passkey renamed to "Work laptop".');
    await page.getByRole('button', { name: 'Remove passkey Work laptop' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel('Current password').fill(password);
    await dialog.getByRole('button', { name: 'Remove passkey' }).click();
    await expect.poll(() => statusRegion(page).innerText()).toContain('Passkey removed.');
    await expect.poll(() => list.count()).toBe(0);

    // The authenticator still holds the credential, but the server no longer accepts it.
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain("That passkey couldn't be used");
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(unexpectedPageErrors()).toEqual([]);
    await context.close();
  });

  it('removes a passkey after confirming with a passkey instead of the password', async () => {
    const email = await newUser('reauth');
    const { context, page } = await openSignedIn(email);
    await addPasskeyInUi(page, 'Phone');
    await page.getByRole('button', { name: 'Remove passkey Phone' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Confirm with a passkey instead' }).click();
    await expect
      .poll(() => dialog.innerText())
      .toContain('Confirmed with your passkey. You can remove it now.');
    await dialog.getByRole('button', { name: 'Remove passkey' }).click();
    await expect.poll(() => statusRegion(page).innerText()).toContain('Passkey removed.');
    await context.close();
  });

  it('refuses a cloned credential whose counter is lower than the one stored', async () => {
    const email = await newUser('clone');
    const { context, page, key } = await openSignedIn(email);
    await addPasskeyInUi(page, 'Original');
    // Two sign-ins move the stored counter forward.
    for (let i = 0; i < 2; i++) {
      await signOut(page);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    }
    const [original] = await credentialsOf(key);
    expect(original!.signCount).toBeGreaterThanOrEqual(2);

    // The same private key on a second authenticator, its counter set back.
    const cloned = await browser.newContext({ baseURL: url, viewport: DESKTOP });
    await cloned.addInitScript(WITHOUT_AUTOFILL);
    const clonePage = await cloned.newPage();
    const copy = await addAuthenticator(clonePage);
    await copy.cdp.send('WebAuthn.addCredential', {
      authenticatorId: copy.authenticatorId,
      credential: { ...original!, signCount: 0 },
    });
    await clonePage.goto('/sign-in');
    await waitForPage(clonePage, 'Sign in');
    await clonePage.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect
      .poll(() => clonePage.getByRole('alert').first().innerText())
      .toContain("That passkey couldn't be used");
    expect(new URL(clonePage.url()).pathname).toBe('/sign-in');
    await cloned.close();

    // The original still works, and the refusal is in the audit trail.
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    expect(await auditCount(email, 'passkey.counter_regressed')).toBe(1);
    await context.close();
  });
});

describe('accessibility', () => {
  const cases = [
    ['light', DESKTOP],
    ['dark', DESKTOP],
    ['light', MOBILE],
    ['dark', MOBILE],
  ] as const;

  it.each(cases)('sign-in and the Passkeys section are axe clean (%s, %o)', async (theme, size) => {
    const email = await newUser(`axe-${theme}-${size.width}`);
    const { context, page } = await newPage(browser, url, { viewport: size, colorScheme: theme });
    await context.addInitScript(WITHOUT_AUTOFILL);
    await addAuthenticator(page);
    await page.goto('/sign-in');
    await waitForPage(page, 'Sign in');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await expectAccessible(page, `sign-in ${theme} ${size.width}`);
    await signIn(page, email, password);
    await addPasskeyInUi(page, 'Laptop');
    await expectAccessible(page, `security passkeys ${theme} ${size.width}`);
    await page.getByRole('button', { name: 'Remove passkey Laptop' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page, `remove passkey ${theme} ${size.width}`);
    await context.close();
  });
});
