/**
 * The contract's envelope rule: every 2xx answer under /api carries `data`, `null` where there is
 * nothing to return. Walks every operation of the generated OpenAPI document, then calls each
 * operation whose `data` is null for real.
 * @see issue 13 (Contract: logout, revoke, delete, forgot-password, … had no `data`)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, registerUser, signUp, type SignedIn, type TestApp } from '../helpers/app.js';
import { FAST_MAIL_ENV } from '../email/env.js';
import { eventually, SmtpSink } from '../email/smtp-sink.js';
import { authorize, createClient, pkce } from '../oidc/support.js';
import { buildAppWithAdmin, loginAdmin } from '../users/helpers.js';
import { codeAt, enableTotp } from '../mfa/support.js';
import { addPasskey, SoftAuthenticator } from '../passkeys/support.js';

/** Under /api but not the envelope: the OpenAPI document itself and the HTML reference. */
const NOT_ENVELOPED = new Set([
  'GET /api/openapi.json',
  'GET /api/docs',
  // Browser navigations of social sign-in: they answer with redirects, never a body.
  'GET /api/auth/oauth/{provider}/start',
  'GET /api/auth/oauth/{provider}/callback',
]);

let smtp: SmtpSink;
let t: TestApp & { adminEmail: string };
let doc: any;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  t = await buildAppWithAdmin({ ...FAST_MAIL_ENV, SMTP_URL: smtp.url });
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

interface SuccessResponse {
  key: string;
  status: string;
  schema: any;
}

function resolve(schema: any): any {
  if (schema && typeof schema.$ref === 'string')
    return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()]);
  return schema;
}

/** Every 2xx response of every enveloped /api operation in the document. */
function successResponses(): SuccessResponse[] {
  const out: SuccessResponse[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (NOT_ENVELOPED.has(key)) continue;
      const statuses = Object.keys(op.responses ?? {}).filter((s) => /^2/.test(s));
      expect(statuses, `${key} declares no 2xx response`).not.toEqual([]);
      for (const status of statuses) {
        const schema = resolve(op.responses[status].content?.['application/json']?.schema);
        out.push({ key, status, schema });
      }
    }
  }
  return out;
}

const isNullOnly = (s: any) =>
  s?.nullable === true && Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null;

describe('every 2xx response under /api', () => {
  it('declares a required `data` member in its schema', () => {
    const responses = successResponses();
    expect(responses.length).toBeGreaterThanOrEqual(18);
    const missing = responses
      .filter(({ schema }) => !schema?.properties?.data || !schema.required?.includes('data'))
      .map(({ key, status }) => `${key} ${status}`);
    expect(missing).toEqual([]);
  });
});

async function newOrganization(owner: SignedIn): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: owner.auth,
    payload: { name: 'Envelope' },
  });
  return res.json().data.id;
}

/**
 * How to reach each operation that returns `data: null`. An operation the document declares with
 * a null `data` but missing here fails the test below until it is added.
 */
const noContentCalls: Record<string, () => Promise<{ statusCode: number; json(): any }>> = {
  'POST /api/auth/logout': async () => {
    const user = await signUp(t.app);
    return t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.auth });
  },
  'POST /api/auth/resend-verification': async () => {
    const user = await signUp(t.app);
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/resend-verification',
      headers: user.auth,
    });
  },
  'POST /api/auth/forgot-password': async () => {
    const user = await registerUser(t.app);
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: user.email },
    });
  },
  'POST /api/auth/email-sign-in': async () => {
    const user = await registerUser(t.app);
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/email-sign-in',
      payload: { email: user.email },
    });
  },
  'POST /api/auth/reset-password': async () => {
    const user = await registerUser(t.app);
    const token = await smtp.resetTokenFor(t.app, user.email);
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: 'a brand new passphrase 7' },
    });
  },
  'DELETE /api/auth/sessions/{id}': async () => {
    const user = await signUp(t.app);
    const other = await login(t.app, user.email, user.password);
    const sessions = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: user.auth,
    });
    const id = sessions.json().data.find((s: { current: boolean }) => !s.current).id;
    expect(other.accessToken).toBeTruthy();
    return t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${id}`, headers: user.auth });
  },
  'DELETE /api/admin/clients/{id}': async () => {
    const admin = await loginAdmin(t);
    const client = await createClient(t.app, admin, {
      name: 'Short-lived',
      redirect_uris: ['https://short.example.com/callback'],
    });
    return t.app.inject({
      method: 'DELETE',
      url: `/api/admin/clients/${client.client_id}`,
      headers: admin.auth,
    });
  },
  'DELETE /api/admin/webhooks/{id}': async () => {
    const admin = await loginAdmin(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: admin.auth,
      payload: { url: 'https://93.184.216.34/hooks', event_types: ['user.created'] },
    });
    expect(created.statusCode).toBe(201);
    return t.app.inject({
      method: 'DELETE',
      url: `/api/admin/webhooks/${created.json().data.id}`,
      headers: admin.auth,
    });
  },
  'DELETE /api/oidc/grants/{id}': async () => {
    const admin = await loginAdmin(t);
    const redirect = 'https://notes.example.com/callback';
    const client = await createClient(t.app, admin, { name: 'Notes', redirect_uris: [redirect] });
    const user = await signUp(t.app);
    await authorize(t.app, user, {
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: redirect,
      scope: 'openid',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    const grants = await t.app.inject({
      method: 'GET',
      url: '/api/oidc/grants',
      headers: user.auth,
    });
    const [grant] = grants.json().data;
    return t.app.inject({
      method: 'DELETE',
      url: `/api/oidc/grants/${grant.grant_id}`,
      headers: user.auth,
    });
  },
  'DELETE /api/organizations/{id}': async () => {
    const owner = await signUp(t.app);
    const id = await newOrganization(owner);
    return t.app.inject({ method: 'DELETE', url: `/api/organizations/${id}`, headers: owner.auth });
  },
  'DELETE /api/organizations/{id}/members/{userId}': async () => {
    const owner = await signUp(t.app);
    const id = await newOrganization(owner);
    const invited = await signUp(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/organizations/${id}/invitations`,
      headers: owner.auth,
      payload: { email: invited.email },
    });
    const link = /invitations\/accept\?token=([A-Za-z0-9_-]+)/;
    const token = await eventually(() =>
      smtp
        .mailsTo(invited.email)
        .map((m) => link.exec(m.raw)?.[1])
        .find(Boolean),
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/organizations/invitations/accept',
      headers: invited.auth,
      payload: { token },
    });
    return t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${id}/members/${invited.id}`,
      headers: invited.auth,
    });
  },
  'DELETE /api/organizations/{id}/invitations/{invId}': async () => {
    const owner = await signUp(t.app);
    const id = await newOrganization(owner);
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/organizations/${id}/invitations`,
      headers: owner.auth,
      payload: { email: 'invited.envelope@example.com' },
    });
    return t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${id}/invitations/${invited.json().data.id}`,
      headers: owner.auth,
    });
  },
  'DELETE /api/auth/mfa/totp': async () => {
    const user = await signUp(t.app);
    const { secret } = await enableTotp(t.app, user);
    return t.app.inject({
      method: 'DELETE',
      url: '/api/auth/mfa/totp',
      headers: user.auth,
      payload: { current_password: user.password, code: codeAt(secret) },
    });
  },
  'POST /api/users/{id}/mfa/reset': async () => {
    const admin = await loginAdmin(t);
    const user = await signUp(t.app);
    await enableTotp(t.app, user);
    return t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/mfa/reset`,
      headers: admin.auth,
    });
  },
  'DELETE /api/auth/passkeys/{id}': async () => {
    const user = await signUp(t.app);
    const id = await addPasskey(t.app, user, new SoftAuthenticator());
    return t.app.inject({
      method: 'DELETE',
      url: `/api/auth/passkeys/${id}`,
      headers: user.auth,
      payload: { current_password: user.password },
    });
  },
  'DELETE /api/auth/identities/{id}': async () => {
    // A password and a linked provider account: unlinking leaves a way in.
    const user = await signUp(t.app);
    const identity = await t.app.ctx.database.db
      .insertInto('user_identities')
      .values({ user_id: user.id, provider: 'corp', subject: `s-${user.id}`, email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return t.app.inject({
      method: 'DELETE',
      url: `/api/auth/identities/${identity.id}`,
      headers: user.auth,
    });
  },
  'DELETE /api/admin/providers/{id}': async () => {
    const admin = await loginAdmin(t);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/admin/providers',
      headers: admin.auth,
      payload: { id: 'envelope-google', preset: 'google', client_id: 'c', client_secret: 's' },
    });
    expect(added.statusCode, added.body).toBe(201);
    return t.app.inject({
      method: 'DELETE',
      url: '/api/admin/providers/envelope-google',
      headers: admin.auth,
    });
  },
  'DELETE /api/users/{id}': async () => {
    const user: SignedIn = await signUp(t.app);
    return t.app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { current_password: user.password },
    });
  },
};

describe('operations with nothing to return', () => {
  const declared = () =>
    successResponses()
      .filter(({ schema }) => isNullOnly(schema?.properties?.data))
      .map(({ key }) => key);

  it('are exactly the ones this test knows how to call', () => {
    expect(declared().sort()).toEqual(Object.keys(noContentCalls).sort());
  });

  it.each(Object.keys(noContentCalls))('%s answers 200 with data: null', async (key) => {
    const res = await noContentCalls[key]!();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
    const body = res.json();
    expect(body.success).toBe(true);
    expect(typeof body.message).toBe('string');
    expect(body).toHaveProperty('data');
    expect(body.data).toBeNull();
  });
});
