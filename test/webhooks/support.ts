import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { App } from '../../src/http/types.js';
import type { SignedIn } from '../helpers/app.js';

/** What webhook tests add to TEST_ENV: loopback receivers, quick polling, 1 s first retry. */
export const WEBHOOK_ENV: Record<string, string> = {
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  JOBS_POLL_INTERVAL_MS: '500',
  WEBHOOK_RETRY_DELAY_SECONDS: '1',
  WEBHOOK_TIMEOUT_SECONDS: '3',
};

export interface Received {
  id: string;
  timestamp: string;
  type: string;
  data: Record<string, any>;
  body: string;
}

/**
 * A real HTTP receiver on loopback that verifies every request with the standardwebhooks
 * verifier (once `secret` is set) and answers `status()` (200 by default). Unverifiable requests
 * are recorded in `rejected` and answered 401.
 */
export class Receiver {
  readonly received: Received[] = [];
  readonly rejected: string[] = [];
  /** Requests answered, verified or not, whatever the status. */
  hits = 0;
  secret: string | null = null;
  status: () => number = () => 200;
  #server: http.Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(port = 0): Promise<this> {
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.hits += 1;
        try {
          if (!this.secret) throw new Error('no secret yet');
          const payload = new Webhook(this.secret).verify(body, {
            'webhook-id': String(req.headers['webhook-id']),
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          }) as { type: string; data: Record<string, any> };
          const status = this.status();
          if (status >= 200 && status < 300)
            this.received.push({
              id: String(req.headers['webhook-id']),
              timestamp: String(req.headers['webhook-timestamp']),
              type: payload.type,
              data: payload.data,
              body,
            });
          res.writeHead(status).end();
        } catch (err) {
          this.rejected.push((err as Error).message);
          res.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  ofType(type: string): Received[] {
    return this.received.filter((r) => r.type === type);
  }
}

/** Polls `check` until it returns a truthy value (or throws after `ms`). */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function eventually<T>(check: () => Promise<T> | T, ms = 20_000): Promise<Truthy<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Truthy<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${ms} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Registers an endpoint through the admin API; the receiver learns its secret. */
export async function addEndpoint(
  app: App,
  admin: SignedIn,
  receiver: Receiver,
  eventTypes: string[],
  url = receiver.url,
): Promise<{ id: number; secret: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin.auth,
    payload: { url, event_types: eventTypes },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, secret } = res.json().data;
  receiver.secret = secret;
  return { id, secret };
}

export async function deliveries(app: App, admin: SignedIn, endpointId: number) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/admin/webhooks/${endpointId}/deliveries`,
    headers: admin.auth,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Array<Record<string, any>>;
}
