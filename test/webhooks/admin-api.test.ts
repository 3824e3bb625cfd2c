import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, signUp, type SignedIn, type TestApp } from '../helpers/app.js';
import { buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;
let user: SignedIn;

beforeAll(async () => {
  // Private addresses refused, as in production.
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
  user = await signUp(t.app);
});
afterAll(() => t?.close());

const create = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers, payload: payload as object });

describe('webhook admin API', () => {
  it('answers 401 without a token and 403 to a non-admin, before validating', async () => {
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/admin/webhooks' }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: user.auth }),
      403,
      'FORBIDDEN',
    );
    expectError(await create(user.auth, { nonsense: true }), 403, 'FORBIDDEN');
    for (const [method, url] of [
      ['PUT', '/api/admin/webhooks/1'],
      ['DELETE', '/api/admin/webhooks/1'],
      ['GET', '/api/admin/webhooks/1/deliveries'],
      ['POST', '/api/admin/webhooks/1/deliveries/1/redeliver'],
    ] as const)
      expectError(
        await t.app.inject({ method, url, headers: user.auth, payload: {} }),
        403,
        'FORBIDDEN',
      );
  });

  it('validates the body', async () => {
    for (const body of [
      {},
      { url: 'https://93.184.216.34/h' },
      { url: 'https://93.184.216.34/h', event_types: [] },
      { url: 'https://93.184.216.34/h', event_types: ['user.exploded'] },
      { url: 'ftp://93.184.216.34/h', event_types: ['user.created'] },
      { url: 'https://93.184.216.34/h', event_types: ['user.created'], enabled: 'yes' },
    ])
      expectError(await create(admin.auth, body), 400, 'VALIDATION_FAILED');
  });

  it.each([
    'http://127.0.0.1/hooks',
    'http://localhost:8080/hooks',
    'http://10.0.0.8/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:192.168.0.1]/',
  ])('refuses %s (server-side request forgery)', async (url) => {
    const body = expectError(
      await create(admin.auth, { url, event_types: ['user.created'] }),
      400,
      'WEBHOOK_URL_REFUSED',
    );
    expect(body.errors.url).toMatch(/loopback|private|metadata/);
  });

  it('creates, shows the secret once, seals it at rest, updates and deletes', async () => {
    const created = await create(admin.auth, {
      url: 'https://93.184.216.34/hooks',
      event_types: ['user.created', 'user.created', 'session.revoked'],
      description: 'CRM sync',
    });
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json().data;
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint.event_types).toEqual(['user.created', 'session.revoked']);
    expect(endpoint).toMatchObject({ enabled: true, disabled_at: null, failing_since: null });

    const [row] = await query<{ secret_sealed: string }>(
      t,
      'select secret_sealed from webhook_endpoints where id = $1',
      [endpoint.id],
    );
    expect(row!.secret_sealed).not.toContain(endpoint.secret.slice(6, 20));
    expect(row!.secret_sealed).toMatch(/^v1\./);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/webhooks',
      headers: admin.auth,
    });
    expect(list.json().data.map((e: { id: number }) => e.id)).toContain(endpoint.id);
    expect(list.body).not.toContain('whsec_');

    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/webhooks/${endpoint.id}`,
      headers: admin.auth,
      payload: { url: 'http://192.168.1.1/' },
    });
    expectError(refused, 400, 'WEBHOOK_URL_REFUSED');

    await query(
      t,
      `update webhook_endpoints set enabled = false, disabled_at = now(),
      failing_since = now() - interval '4 days' where id = $1`,
      [endpoint.id],
    );
    const enabled = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/webhooks/${endpoint.id}`,
      headers: admin.auth,
      payload: { enabled: true, event_types: ['user.deleted'] },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json().data).toMatchObject({
      enabled: true,
      disabled_at: null,
      failing_since: null,
      event_types: ['user.deleted'],
    });

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/webhooks/${endpoint.id}`,
      headers: admin.auth,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().data).toBeNull();
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/admin/webhooks/${endpoint.id}`,
        headers: admin.auth,
      }),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/webhooks/${endpoint.id}/deliveries`,
        headers: admin.auth,
      }),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/admin/webhooks/${endpoint.id}/deliveries/1/redeliver`,
        headers: admin.auth,
      }),
      404,
      'WEBHOOK_NOT_FOUND',
    );
  });
});
