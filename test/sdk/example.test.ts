import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientRegistrationArgs, createExampleApp } from '../../examples/express-app/app.js';
import { cli, cliEnv, tempDir } from '../ops/helpers.js';
import { freePort, signUpOverHttp, startGatehouse, type RunningGatehouse } from './helpers.js';

// The example needs Gatehouse's OpenID provider (discovery, client registration by the CLI).
// Where the provider is not there yet the test reports itself skipped.
let gatehouse: RunningGatehouse;
let example: Server | null = null;
const data = tempDir();

beforeAll(async () => {
  const port = await freePort();
  gatehouse = await startGatehouse({ APP_URL: `http://127.0.0.1:${port}` }, { port });
});
afterAll(async () => {
  if (example) await new Promise((resolve) => example!.close(resolve));
  await gatehouse.close();
  data.remove();
});

it('examples/express-app starts the code flow with PKCE and protects its API with @gatehouse/verify', async (ctx) => {
  const discovery = await fetch(`${gatehouse.url}/.well-known/openid-configuration`);
  if (discovery.status === 404) ctx.skip();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const created = await cli(
    clientRegistrationArgs(appUrl),
    cliEnv(gatehouse.databaseUrl, data.dir),
  );
  expect(created.code, created.stderr).toBe(0);
  const { client_id: clientId, client_secret: clientSecret } = JSON.parse(created.stdout);
  const app = await createExampleApp({
    issuer: gatehouse.issuer,
    appUrl,
    clientId,
    clientSecret,
    audience: gatehouse.audience,
  });
  example = await new Promise<Server>((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
  });

  const login = await fetch(`${appUrl}/login`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const authorize = new URL(login.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe(`${gatehouse.url}/oidc/auth`);
  expect(authorize.searchParams.get('client_id')).toBe(clientId);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${appUrl}/callback`);

  const user = await signUpOverHttp(gatehouse.url);
  expect((await fetch(`${appUrl}/api/hello`)).status).toBe(401);
  const hello = await fetch(`${appUrl}/api/hello`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  expect(hello.status).toBe(200);
  expect(await hello.json()).toMatchObject({ message: `Hello, user ${user.userId}` });
});
