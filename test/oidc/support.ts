import { createServer, type AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { App } from '../../src/http/types.js';
import type { SignedIn } from '../helpers/app.js';

/** A port free right now (the issuer URL must name the port before the app is built). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  [key: string]: unknown;
}

/** Registers an application through the admin API. */
export async function createClient(
  app: App,
  admin: SignedIn,
  body: Record<string, unknown>,
): Promise<RegisteredClient> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/clients',
    headers: admin.auth,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

/** A form POST to one of the provider's endpoints. */
export async function postForm(
  app: App,
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}
