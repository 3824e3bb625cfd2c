/**
 * The active organization: POST /api/auth/session/organization, and the org_id / org_role claims
 * of the access tokens that follow, verified with @gatehouse/verify against a running Gatehouse.
 */
import { createVerifier, organizationOf, type Verifier } from '@gatehouse/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_MAIL_ENV } from '../email/env.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { decodeJwt } from 'jose';
import {
  signToken,
  signUpOverHttp,
  startGatehouse,
  type RunningGatehouse,
} from '../sdk/helpers.js';
import { invitationTokenFor } from './helpers.js';

let smtp: SmtpSink;
let gatehouse: RunningGatehouse;
let verifier: Verifier;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  gatehouse = await startGatehouse({ ...FAST_MAIL_ENV, SMTP_URL: smtp.url });
  verifier = createVerifier({
    issuer: gatehouse.issuer,
    audience: gatehouse.audience,
    jwksUri: gatehouse.jwksUri,
  });
});
afterAll(async () => {
  await gatehouse?.close();
  await smtp?.stop();
});

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${gatehouse.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const choose = (token: string, organizationId: number | null) =>
  call('POST', '/api/auth/session/organization', token, { organization_id: organizationId });
const refresh = (refreshToken: string) =>
  call('POST', '/api/auth/refresh-token', null, { refresh_token: refreshToken });

describe('the active organization in access tokens', () => {
  it('is carried as org_id and org_role, kept by refreshes, switched without signing in again, and cleared', async () => {
    const alice = await signUpOverHttp(gatehouse.url);
    const created = await call('POST', '/api/organizations', alice.accessToken, { name: 'One' });
    const second = await call('POST', '/api/organizations', alice.accessToken, { name: 'Two' });
    const one = created.body.data.id as number;
    const two = second.body.data.id as number;

    // A fresh sign-in has no organization.
    expect(organizationOf(await verifier.verify(alice.accessToken))).toBeNull();

    const chosen = await choose(alice.accessToken, one);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.data.organization).toMatchObject({ id: one, role: 'owner' });
    const claims = await verifier.verify(chosen.body.data.access_token);
    expect(claims).toMatchObject({ org_id: one, org_role: 'owner', sub: String(alice.userId) });
    expect(organizationOf(claims)).toEqual({ id: one, role: 'owner' });

    // The refresh token is unchanged and its rotation keeps the organization.
    const refreshed = await refresh(alice.refreshToken);
    expect(refreshed.status).toBe(200);
    const afterRefresh = await verifier.verify(refreshed.body.data.access_token);
    expect(organizationOf(afterRefresh)).toEqual({ id: one, role: 'owner' });

    // Switching is one call with the current token.
    const switched = await choose(refreshed.body.data.access_token, two);
    expect(organizationOf(await verifier.verify(switched.body.data.access_token))).toEqual({
      id: two,
      role: 'owner',
    });
    const cleared = await choose(switched.body.data.access_token, null);
    expect(cleared.body.data.organization).toBeNull();
    expect(organizationOf(await verifier.verify(cleared.body.data.access_token))).toBeNull();
    const after = await refresh(refreshed.body.data.refresh_token);
    expect(organizationOf(await verifier.verify(after.body.data.access_token))).toBeNull();
  });

  it('follows role changes, and is dropped at the next refresh once the membership ends', async () => {
    const owner = await signUpOverHttp(gatehouse.url);
    const member = await signUpOverHttp(gatehouse.url);
    const org = (await call('POST', '/api/organizations', owner.accessToken, { name: 'Team' })).body
      .data.id as number;
    await call('POST', `/api/organizations/${org}/invitations`, owner.accessToken, {
      email: member.email,
      role: 'member',
    });
    const token = await invitationTokenFor(smtp, member.email);
    const joined = await call('POST', '/api/organizations/invitations/accept', member.accessToken, {
      token,
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);

    const chosen = await choose(member.accessToken, org);
    expect(organizationOf(await verifier.verify(chosen.body.data.access_token))).toEqual({
      id: org,
      role: 'member',
    });

    await call('PATCH', `/api/organizations/${org}/members/${member.userId}`, owner.accessToken, {
      role: 'admin',
    });
    const promoted = await refresh(member.refreshToken);
    expect(organizationOf(await verifier.verify(promoted.body.data.access_token))).toEqual({
      id: org,
      role: 'admin',
    });

    const removed = await call(
      'DELETE',
      `/api/organizations/${org}/members/${member.userId}`,
      owner.accessToken,
    );
    expect(removed.status).toBe(200);
    const dropped = await refresh(promoted.body.data.refresh_token);
    expect(dropped.status).toBe(200);
    const claims = await verifier.verify(dropped.body.data.access_token);
    expect(claims.org_id).toBeUndefined();
    expect(claims.org_role).toBeUndefined();
    // The session itself goes on, and the organization can no longer be chosen.
    const again = await choose(dropped.body.data.access_token, org);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('is dropped when the organization is deleted', async () => {
    const owner = await signUpOverHttp(gatehouse.url);
    const org = (await call('POST', '/api/organizations', owner.accessToken, { name: 'Gone' })).body
      .data.id as number;
    await choose(owner.accessToken, org);
    expect((await call('DELETE', `/api/organizations/${org}`, owner.accessToken)).status).toBe(200);
    const next = await refresh(owner.refreshToken);
    expect(organizationOf(await verifier.verify(next.body.data.access_token))).toBeNull();
  });
});

describe('malformed organization claims', () => {
  it('are refused by @gatehouse/verify and by Gatehouse itself, even when properly signed', async () => {
    const user = await signUpOverHttp(gatehouse.url);
    const { kid, privateKey } = gatehouse.app.ctx.keys.signingKey();
    const claims = decodeJwt(user.accessToken);
    const variants = [
      { org_id: 7 },
      { org_role: 'owner' },
      { org_id: '7', org_role: 'owner' },
      { org_id: 0, org_role: 'owner' },
      { org_id: 7, org_role: 'superuser' },
    ];
    for (const extra of variants) {
      const token = await signToken(privateKey, { kid }, { ...claims, ...extra });
      await expect(verifier.verify(token), JSON.stringify(extra)).rejects.toThrow();
      const res = await call('GET', '/api/users/profile', token);
      expect(res.status, JSON.stringify(extra)).toBe(401);
    }
    const good = await signToken(privateKey, { kid }, { ...claims, org_id: 7, org_role: 'member' });
    expect(organizationOf(await verifier.verify(good))).toEqual({ id: 7, role: 'member' });
  });
});
