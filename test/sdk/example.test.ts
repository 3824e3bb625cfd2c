import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientRegistrationArgs, createExampleApp } from '../../examples/express-app/app.js';
import { launchBrowser } from '../../web/e2e/support/browser.js';
import { cli, cliEnv, tempDir } from '../ops/helpers.js';
import { freePort, signUpOverHttp, startGatehouse, type RunningGatehouse } from './helpers.js';

// examples/express-app against a running Gatehouse: registered with the CLI as its README says,
// signed in to through Chromium (Gatehouse's sign-in and consent pages), then its own API called.
let gatehouse: RunningGatehouse;
let example: Server | null = null;
let browser: Browser;
const data = tempDir();

beforeAll(async () => {
  const port = await freePort();
  [gatehouse, browser] = await Promise.all([
    startGatehouse({ APP_URL: `http://127.0.0.1:${port}` }, { port }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (example) await new Promise((resolve) => example!.close(resolve));
  await gatehouse?.close();
  data.remove();
});

let page: Page;
let appUrl: string;

it('examples/express-app signs a person in through Gatehouse (CLI registration, sign-in and consent in Chromium)', async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  const created = await cli(
    clientRegistrationArgs(appUrl),
    cliEnv(gatehouse.databaseUrl, data.dir),
  );
  expect(created.code, created.stderr).toBe(0);
  const { client_id: clientId, client_secret: clientSecret } = JSON.parse(created.stdout);
  const app = await createExampleApp({ issuer: gatehouse.issuer, appUrl, clientId, clientSecret });
  example = await new Promise<Server>((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
  });
  const user = await signUpOverHttp(gatehouse.url);

  page = await (await browser.newContext()).newPage();
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Sign in with Gatehouse' }).click();
  await page.waitForURL(/\/sign-in\?interaction=/);
  await page.getByText('Sign in to continue to Example app.').waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/consent\//);
  // What the example asks for, in words: the `roles` scope is one the provider knows.
  await page.getByText('Your role in Gatehouse').waitFor();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(`${appUrl}/`);
  await page.getByText('Signed in as SDK User.').waitFor();
}, 90_000);

// The example asks for Gatehouse's API resource, so its access token is an RFC 9068 JWT.
it('examples/express-app calls its own API with the access token it got, and @gatehouse/verify accepts it', async () => {
  const hello = JSON.parse(await page.locator('#hello').innerText()) as {
    status: number;
    body: { message: string; scope: string };
  };
  expect(hello.status).toBe(200);
  expect(hello.body.message).toMatch(/^Hello, user \d+$/);
  expect(hello.body.scope).toBe('openid profile email roles');
});

it('examples/express-app refuses API calls without a token', async () => {
  expect((await fetch(`${appUrl}/api/hello`)).status).toBe(401);
});
