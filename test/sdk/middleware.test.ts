import {
  gatehouseAuth,
  requireRole as expressRole,
  requireScope as expressScope,
} from '@gatehouse/verify/express';
import {
  authenticate,
  gatehouseVerify,
  requireRole as fastifyRole,
  requireScope as fastifyScope,
} from '@gatehouse/verify/fastify';
import express from 'express';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expiredAccessToken,
  signInOverHttp,
  signUpOverHttp,
  startGatehouse,
  type RunningGatehouse,
} from './helpers.js';

const ADMIN = { email: 'sdk-admin@example.com', password: 'admin password for the sdk tests' };

let gatehouse: RunningGatehouse;
let fastifyUrl: string;
let expressUrl: string;
let expressServer: Server;
const fastifyApp = Fastify();

beforeAll(async () => {
  gatehouse = await startGatehouse({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const options = {
    issuer: gatehouse.issuer,
    audience: gatehouse.audience,
    jwksUri: gatehouse.jwksUri,
  };

  // A service of the team, protected with the Fastify plugin.
  await fastifyApp.register(gatehouseVerify, options);
  fastifyApp.get('/me', { preHandler: authenticate }, async (request) => ({
    sub: request.gatehouse!.sub,
  }));
  fastifyApp.get('/admin', { preHandler: fastifyRole('admin') }, async () => ({ ok: true }));
  fastifyApp.get('/orders', { preHandler: fastifyScope('orders:read') }, async () => ({
    ok: true,
  }));
  fastifyApp.get('/public', async (request) => ({ signedIn: request.gatehouse !== null }));
  await fastifyApp.listen({ host: '127.0.0.1', port: 0 });
  fastifyUrl = `http://127.0.0.1:${(fastifyApp.server.address() as AddressInfo).port}`;

  // The same service written with Express.
  const app = express();
  app.get('/public', (_req, res) => void res.json({ signedIn: false }));
  app.use(gatehouseAuth(options));
  app.get('/me', (req, res) => void res.json({ sub: req.gatehouse!.sub }));
  app.get('/admin', expressRole('admin'), (_req, res) => void res.json({ ok: true }));
  app.get('/orders', expressScope('orders:read'), (_req, res) => void res.json({ ok: true }));
  expressServer = await new Promise<Server>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
  expressUrl = `http://127.0.0.1:${(expressServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fastifyApp.close();
  await new Promise((resolve) => expressServer.close(resolve));
  await gatehouse.close();
});

const get = (url: string, token?: string) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe.each([
  ['Fastify plugin', () => fastifyUrl],
  ['Express middleware', () => expressUrl],
])('%s with real Gatehouse tokens', (_name, baseUrl) => {
  it('lets a valid token through and hands the route its claims', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const res = await get(`${baseUrl()}/me`, user.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: String(user.userId) });
  });

  it('answers 401 in the envelope with WWW-Authenticate for a missing, expired or altered token', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const missing = await get(`${baseUrl()}/me`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="gatehouse"');
    expect(await missing.json()).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
    const expired = await expiredAccessToken(gatehouse, user.accessToken);
    for (const token of [expired, `${user.accessToken}x`, 'not-a-jwt']) {
      const res = await get(`${baseUrl()}/me`, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    }
  });

  it('requireRole: 403 for a user, 200 for an admin', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const userRes = await get(`${baseUrl()}/admin`, user.accessToken);
    expect(userRes.status).toBe(403);
    expect(await userRes.json()).toMatchObject({ success: false, code: 'FORBIDDEN' });
    const admin = await signInOverHttp(gatehouse.url, ADMIN.email, ADMIN.password);
    expect((await get(`${baseUrl()}/admin`, admin.accessToken)).status).toBe(200);
    expect((await get(`${baseUrl()}/admin`)).status).toBe(401);
  });

  it('requireScope: 403 insufficient_scope for a token without that scope', async () => {
    const admin = await signInOverHttp(gatehouse.url, ADMIN.email, ADMIN.password);
    const res = await get(`${baseUrl()}/orders`, admin.accessToken);
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="gatehouse", error="insufficient_scope", scope="orders:read"',
    );
  });

  it('leaves routes without a guard alone', async () => {
    const res = await get(`${baseUrl()}/public`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedIn: false });
  });
});
