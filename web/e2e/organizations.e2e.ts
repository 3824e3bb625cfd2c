import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { waitForToken } from './support/mail';
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { signIn, statusRegion } from './support/ui';

// Issue 17: create an organization, invite someone, who accepts and switches to it.
let server: E2EServer;
let browser: Browser;
let owner: Page;
let guest: Page;
const orgName = `Northwind ${Date.now().toString(36)}`;
const ownerUser = {
  email: uniqueEmail('org-owner'),
  name: 'Olga Owner',
  password: 'org owner passphrase',
};
const guestUser = {
  email: uniqueEmail('org-guest'),
  name: 'Gus Guest',
  password: 'org guest passphrase',
};
let invitationToken = '';

/** axe in both themes at 1280 and 375 px, on the page as it is now (reloaded per combination). */
async function accessibleEverywhere(page: Page, label: string, heading: string | RegExp) {
  for (const viewport of [DESKTOP, MOBILE]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.reload();
      await waitForPage(page, heading);
      await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
      await expectAccessible(page, `${label} ${colorScheme} ${viewport.width}px`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EServer(), launchBrowser()]);
  await registerViaApi(server.url, ownerUser);
  await registerViaApi(server.url, guestUser);
  ({ page: owner } = await newPage(browser, server.url));
  ({ page: guest } = await newPage(browser, server.url));
  await signIn(owner, ownerUser.email, ownerUser.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('organizations journey', () => {
  it('the owner creates an organization from the Organizations page', async () => {
    await owner
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Organizations' })
      .click();
    await waitForNavigation(owner, 'Organizations');
    await owner.getByText('You are not in any organization yet', { exact: false }).waitFor();
    await accessibleEverywhere(owner, 'organizations (empty)', 'Organizations');

    await owner.getByRole('button', { name: 'Create organization' }).click();
    await owner.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await owner.getByLabel('Organization name').fill(orgName);
    await owner.getByRole('button', { name: 'Create organization' }).click();
    await statusRegion(owner)
      .getByText(`Organization ${orgName} created.`, { exact: false })
      .waitFor();
    const row = owner.locator('tbody tr', { hasText: orgName });
    expect(await row.getByText('Owner').count()).toBe(1);
    await accessibleEverywhere(owner, 'organizations (one)', 'Organizations');
  });

  it('the owner invites a member by email', async () => {
    await owner.getByRole('link', { name: orgName }).click();
    await waitForNavigation(owner, orgName);
    await owner.getByLabel('Email address').fill(guestUser.email);
    await owner.getByLabel('Role', { exact: true }).selectOption('member');
    await owner.getByRole('button', { name: 'Invite member' }).click();
    await statusRegion(owner).getByText(`Invitation sent to ${guestUser.email}.`).waitFor();
    const pending = owner.getByRole('region', { name: 'Pending invitations table' });
    await pending.getByText(guestUser.email).waitFor();
    expect(
      await pending
        .getByRole('button', { name: `Revoke the invitation for ${guestUser.email}` })
        .count(),
    ).toBe(1);
    await accessibleEverywhere(owner, 'organization', orgName);
    invitationToken = await waitForToken(server.outbox, guestUser.email, '/invitations/accept');
  });

  it('the invitee opens the link signed out, signs in, and joins', async () => {
    await guest.goto(`/invitations/accept?token=${encodeURIComponent(invitationToken)}`);
    await waitForPage(guest, `Join ${orgName}`);
    // The token left the address bar; the page keeps it for after sign-in.
    expect(new URL(guest.url()).search).toBe('');
    await accessibleEverywhere(guest, 'invitation (signed out)', `Join ${orgName}`);
    await guest.getByRole('link', { name: 'Sign in to accept' }).click();
    await waitForNavigation(guest, 'Sign in');
    await guest.getByLabel('Email address').fill(guestUser.email);
    await guest.getByLabel('Password', { exact: true }).fill(guestUser.password);
    await guest.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForPage(guest, `Join ${orgName}`);
    await expectAccessible(guest, 'invitation (signed in)');
    await guest.getByRole('button', { name: `Join ${orgName}` }).click();
    await waitForNavigation(guest, orgName);
    await guest.getByText('Your role: Member').waitFor();
  });

  it('the member switches to the organization in the header, and it survives a reload', async () => {
    const switcher = guest.getByLabel('Organization', { exact: true });
    await switcher.selectOption({ label: orgName });
    await guest
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Organizations' })
      .click();
    await waitForNavigation(guest, 'Organizations');
    const row = guest.locator('tbody tr', { hasText: orgName });
    await row.getByText('Active').waitFor();
    // A full load signs in again from the refresh cookie: the new access token keeps org_id.
    await guest.reload();
    await waitForPage(guest, 'Organizations');
    await guest.locator('tbody tr', { hasText: orgName }).getByText('Active').waitFor();
    expect(await guest.getByLabel('Organization', { exact: true }).inputValue()).not.toBe('');
    await row.getByRole('button', { name: 'Stop using' }).click();
    await statusRegion(guest).getByText('You are no longer working in an organization.').waitFor();
  });

  it('the owner sees the new member and changes their role; the invitation is gone', async () => {
    await owner.reload();
    await waitForPage(owner, orgName);
    const members = owner.getByRole('region', { name: 'Members table' });
    await members.getByText(guestUser.email).waitFor();
    await owner.getByText('No pending invitations.').waitFor();
    await owner.getByLabel(`Role of ${guestUser.name}`).selectOption('admin');
    await statusRegion(owner).getByText(`${guestUser.name} is now Admin.`).waitFor();
  });

  it('admins see every organization', async () => {
    const { page: admin } = await newPage(browser, server.url);
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'All organizations' })
      .click();
    await waitForNavigation(admin, 'All organizations');
    await admin.getByText(orgName).waitFor();
    await accessibleEverywhere(admin, 'admin organizations', 'All organizations');
    await admin.close();
  });

  it('logged no unexpected errors in the browser', () => {
    expect(unexpectedPageErrors()).toEqual([]);
  });
});
