import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyError } from './errors.js';
import { createIntrospector } from './introspection.js';

// An RFC 7662 endpoint that answers from a list, records what it was asked and how it was
// authenticated. Gatehouse's own endpoint is exercised by the OpenID provider's tests.
const revoked = new Set<string>();
const asked: Array<{ authorization?: string; body: string }> = [];
let failing = false;
let server: Server;
let endpoint: string;

const readBody = async (req: IncomingMessage) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
};

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    asked.push({ authorization: req.headers.authorization, body });
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (failing) return void res.writeHead(502).end();
    const token = new URLSearchParams(body).get('token')!;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ active: !revoked.has(token) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc/token/introspection`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const introspector = (cacheSeconds: number) =>
  createIntrospector({
    endpoint,
    clientId: 'billing service',
    clientSecret: 's3cr:t',
    cacheSeconds,
    fetch,
    timeoutMs: 2000,
  });

describe('token introspection (RFC 7662)', () => {
  it('authenticates with form-encoded client_secret_basic and sends the token hint', async () => {
    asked.length = 0;
    expect(await introspector(5)('token-a')).toBe(true);
    const expected = Buffer.from('billing+service:s3cr%3At').toString('base64');
    expect(asked).toEqual([
      { authorization: `Basic ${expected}`, body: 'token=token-a&token_type_hint=access_token' },
    ]);
  });

  it('asks once for a burst, reuses the answer for the cache time, then asks again', async () => {
    asked.length = 0;
    const isActive = introspector(0.3);
    const answers = await Promise.all(Array.from({ length: 10 }, () => isActive('token-b')));
    expect(answers).toEqual(Array(10).fill(true));
    expect(asked).toHaveLength(1);
    revoked.add('token-b');
    expect(await isActive('token-b')).toBe(true); // cached
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await isActive('token-b')).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('fails closed (503) when the endpoint errors or cannot be reached', async () => {
    failing = true;
    const err = await introspector(5)('token-c').catch((e: unknown) => e);
    failing = false;
    expect(err).toBeInstanceOf(VerifyError);
    expect((err as VerifyError).status).toBe(503);
    const down = createIntrospector({
      endpoint: 'http://127.0.0.1:9/introspect',
      clientId: 'a',
      clientSecret: 'b',
      cacheSeconds: 5,
      fetch,
      timeoutMs: 2000,
    });
    expect(((await down('t').catch((e: unknown) => e)) as VerifyError).reason).toBe('unavailable');
  });
});
