import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, Receiver } from '../../test/webhooks/support';
import { registerViaApi } from './support/api';
import { expectAccessible } from './support/axe';
import { launchBrowser, newPage, unexpectedPageErrors, waitForNavigation } from './support/browser';
import { ADMIN, startE2EServer, uniqueEmail, type E2EServer } from './support/server';
import { signIn, statusRegion } from './support/ui';

// Issue 17: the admin page "Webhooks": endpoints and their delivery log with Redeliver.
let server: E2EServer;
let browser: Browser;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await new Receiver().start();
  [server, browser] = await Promise.all([
    startE2EServer({
      // A receiver on loopback (test-only) and quick retries.
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      JOBS_POLL_INTERVAL_MS: '500',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.stop();
});

describe('Webhooks (admin)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, server.url));
    expect(context).toBeTruthy();
    await signIn(page, ADMIN.email, ADMIN.password);
  });

  it('is linked from the admin navigation and starts empty', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await waitForNavigation(page, 'Webhooks');
    await page.getByText('No webhook endpoint is registered yet.').waitFor();
    await expectAccessible(page, 'webhooks (empty)');
  });

  it('refuses an endpoint without events, with the error summary', async () => {
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Choose at least one event' }).count()).toBe(1);
    await expectAccessible(page, 'webhooks (errors)');
  });

  it('adds an endpoint and shows its signing secret once', async () => {
    await page.getByLabel('user.created').check();
    await page.getByLabel('Description (optional)').fill('CRM sync');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const panel = page.getByRole('region', { name: 'Endpoint added: store its signing secret' });
    await panel.waitFor();
    await statusRegion(page).getByText(`Endpoint ${receiver.url} added.`).waitFor();
    const secret = await panel.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secret = secret;
    await expectAccessible(page, 'webhooks (secret shown)');
    await panel.getByRole('button', { name: 'Done, I stored it' }).click();
    await page.getByRole('heading', { name: 'Add an endpoint' }).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
  });

  it('shows a delivery in the log, and redelivers it with the same webhook-id', async () => {
    const person = {
      email: uniqueEmail('hook'),
      name: 'Hooked Person',
      password: 'a long pass here',
    };
    const { id } = await registerViaApi(server.url, person);
    await eventually(() => receiver.ofType('user.created').some((e) => e.data.id === id));

    await page.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = page.getByRole('region', { name: `Deliveries to ${receiver.url}` });
    await log.waitFor();
    await log.getByText('Delivered').first().waitFor();
    expect(await log.getByText('200').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'webhooks (delivery log)');

    const before = receiver.received.length;
    await log
      .getByRole('button', { name: /^Redeliver user\.created/ })
      .first()
      .click();
    await statusRegion(page).getByText('user.created queued for delivery again.').waitFor();
    await eventually(() => receiver.received.length === before + 1);
    const [first, again] = receiver.received.slice(-2);
    expect(again!.id).toBe(first!.id);
    expect(receiver.rejected).toEqual([]);
  });

  it('disables and deletes the endpoint', async () => {
    await page.getByRole('button', { name: `Disable ${receiver.url}` }).click();
    await statusRegion(page).getByText(`Endpoint ${receiver.url} disabled.`).waitFor();
    await page.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${receiver.url}?` });
    await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
    await statusRegion(page).getByText(`Endpoint ${receiver.url} deleted.`).waitFor();
    await page.getByText('No webhook endpoint is registered yet.').waitFor();
    expect(unexpectedPageErrors()).toEqual([]);
  });
});
