/**
 * Organizations (issue 17): roles, invitations through the mail outbox, the last-owner rule under
 * concurrency, 404 for non-members, ORG_CREATION, the admin list and audit events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  login,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { FAST_MAIL_ENV } from '../email/env.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';
import {
  accept,
  addMember,
  createOrg,
  invitationTokenFor,
  invitationTokensTo,
  invite,
  removeMember,
  setRole,
} from './helpers.js';

let smtp: SmtpSink;
let t: TestApp & { adminEmail: string };

beforeAll(async () => {
  smtp = await SmtpSink.start();
  t = await buildAppWithAdmin({ ...FAST_MAIL_ENV, SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const get = (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.auth });

async function membersOf(orgId: number, who: SignedIn) {
  const res = await get(`/api/organizations/${orgId}/members`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Array<{ user_id: number; role: string; email: string }>;
}

describe('creating and reading', () => {
  it('makes the creator the owner and lists the organization as theirs only', async () => {
    const alice = await signUp(t.app);
    const bob = await signUp(t.app);
    const id = await createOrg(t.app, alice, '  Acme Corp  ');
    const mine = (await get('/api/organizations', alice)).json().data;
    expect(mine).toEqual([
      expect.objectContaining({ id, name: 'Acme Corp', role: 'owner', member_count: 1 }),
    ]);
    expect((await get('/api/organizations', bob)).json().data).toEqual([]);
    expect((await membersOf(id, alice)).map((m) => [m.user_id, m.role])).toEqual([
      [alice.id, 'owner'],
    ]);
  });

  it('refuses an empty or control-character name', async () => {
    const alice = await signUp(t.app);
    for (const name of ['   ', 'bad\u0000name', 'x'.repeat(101)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: alice.auth,
        payload: { name },
      });
      expect(res.statusCode, name).toBe(400);
    }
  });
});

describe('non-members get 404 for everything', () => {
  it('answers an existing organization exactly like one that does not exist', async () => {
    const owner = await signUp(t.app);
    const stranger = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    const invited = await invite(t.app, owner, id, uniqueEmail('pending'));
    const invId = invited.json().data.id;
    const calls = (org: number) =>
      [
        ['GET', `/api/organizations/${org}`, undefined],
        ['PATCH', `/api/organizations/${org}`, { name: 'Mine now' }],
        ['DELETE', `/api/organizations/${org}`, undefined],
        ['GET', `/api/organizations/${org}/members`, undefined],
        ['PATCH', `/api/organizations/${org}/members/${owner.id}`, { role: 'member' }],
        ['DELETE', `/api/organizations/${org}/members/${owner.id}`, undefined],
        ['GET', `/api/organizations/${org}/invitations`, undefined],
        ['POST', `/api/organizations/${org}/invitations`, { email: uniqueEmail(), role: 'member' }],
        ['DELETE', `/api/organizations/${org}/invitations/${invId}`, undefined],
      ] as const;
    for (const org of [id, 2_000_000_000]) {
      for (const [method, url, payload] of calls(org)) {
        const res = await t.app.inject({ method, url, headers: stranger.auth, payload });
        const body = expectError(res, 404, 'ORGANIZATION_NOT_FOUND');
        expect(body.message).toBe('Organization not found');
      }
    }
    // Nothing changed.
    expect((await get(`/api/organizations/${id}`, owner)).json().data.name).toBe('Acme');
    expect((await get(`/api/organizations/${id}/invitations`, owner)).json().data).toHaveLength(1);
    // Nor may a stranger make it their session's organization.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/session/organization',
      headers: stranger.auth,
      payload: { organization_id: id },
    });
    expectError(res, 404, 'ORGANIZATION_NOT_FOUND');
  });
});

describe('roles', () => {
  it('members read; only owners and admins manage; admins cannot touch owners', async () => {
    const owner = await signUp(t.app);
    const admin = await signUp(t.app);
    const member = await signUp(t.app);
    const other = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    await addMember(t.app, smtp, owner, id, admin, 'admin');
    await addMember(t.app, smtp, owner, id, member, 'member');
    await addMember(t.app, smtp, admin, id, other, 'member');

    // A member reads the organization and its members, nothing more.
    expect((await get(`/api/organizations/${id}`, member)).json().data.role).toBe('member');
    expect(await membersOf(id, member)).toHaveLength(4);
    expectError(await get(`/api/organizations/${id}/invitations`, member), 403, 'FORBIDDEN');
    expectError(await invite(t.app, member, id, uniqueEmail()), 403, 'FORBIDDEN');
    expectError(await setRole(t.app, member, id, other.id, 'admin'), 403, 'FORBIDDEN');
    expectError(await removeMember(t.app, member, id, other.id), 403, 'FORBIDDEN');
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${id}`,
      headers: member.auth,
      payload: { name: 'Renamed' },
    });
    expectError(rename, 403, 'FORBIDDEN');
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/organizations/${id}`,
        headers: admin.auth,
      }),
      403,
      'FORBIDDEN',
    );

    // An admin manages members and admins, but neither owners nor the owner role.
    expectError(await setRole(t.app, admin, id, owner.id, 'member'), 403, 'FORBIDDEN');
    expectError(await removeMember(t.app, admin, id, owner.id), 403, 'FORBIDDEN');
    expectError(await setRole(t.app, admin, id, member.id, 'owner'), 403, 'FORBIDDEN');
    expectError(await invite(t.app, admin, id, uniqueEmail(), 'owner'), 403, 'FORBIDDEN');
    const promoted = await setRole(t.app, admin, id, member.id, 'admin');
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().data.find((m: any) => m.user_id === member.id).role).toBe('admin');
    expect((await removeMember(t.app, admin, id, other.id)).statusCode).toBe(200);
    expectError(await get(`/api/organizations/${id}`, other), 404, 'ORGANIZATION_NOT_FOUND');
    expectError(await setRole(t.app, admin, id, other.id, 'admin'), 404, 'MEMBER_NOT_FOUND');

    // An owner makes another owner; a member may leave on their own.
    expect((await setRole(t.app, owner, id, admin.id, 'owner')).statusCode).toBe(200);
    expect((await removeMember(t.app, member, id, member.id)).statusCode).toBe(200);
    expect((await membersOf(id, owner)).map((m) => [m.user_id, m.role]).sort()).toEqual(
      [
        [owner.id, 'owner'],
        [admin.id, 'owner'],
      ].sort(),
    );

    // Owners and admins rename; only owners delete.
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${id}`,
      headers: owner.auth,
      payload: { name: 'Acme Two' },
    });
    expect(renamed.json().data.name).toBe('Acme Two');
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${id}`,
      headers: owner.auth,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expectError(await get(`/api/organizations/${id}`, owner), 404, 'ORGANIZATION_NOT_FOUND');
    expect((await get('/api/organizations', admin)).json().data).toEqual([]);
  });
});

describe('the last owner', () => {
  it('can be neither demoted nor removed, and cannot leave', async () => {
    const owner = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    expectError(await setRole(t.app, owner, id, owner.id, 'admin'), 409, 'LAST_OWNER');
    expectError(await removeMember(t.app, owner, id, owner.id), 409, 'LAST_OWNER');
  });

  it('holds when two owners demote each other at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      const id = await createOrg(t.app, a);
      await addMember(t.app, smtp, a, id, b, 'owner');
      const results = await Promise.all([
        setRole(t.app, a, id, b.id, 'member'),
        setRole(t.app, b, id, a.id, 'member'),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      // One wins; the other is refused: as a non-owner now (403), or as the last owner (409).
      expect(statuses[0], results.map((r) => r.body).join('\n')).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const owners = (await membersOf(id, a)).filter((m) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
  });

  it('holds when two owners leave at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      const id = await createOrg(t.app, a);
      await addMember(t.app, smtp, a, id, b, 'owner');
      const results = await Promise.all([
        removeMember(t.app, a, id, a.id),
        removeMember(t.app, b, id, b.id),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
      const [row] = await query<{ owners: number }>(
        t,
        `select count(*)::int as owners from memberships where organization_id = $1 and role = 'owner'`,
        [id],
      );
      expect(row!.owners).toBe(1);
    }
  });
});

describe('deleting an account', () => {
  const deleteSelf = (user: SignedIn) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: user.auth,
      payload: { current_password: user.password },
    });

  it('is refused while it is the only owner of an organization with other members', async () => {
    const owner = await signUp(t.app);
    const member = await signUp(t.app);
    const id = await createOrg(t.app, owner, 'Kept');
    await addMember(t.app, smtp, owner, id, member);
    expectError(await deleteSelf(owner), 409, 'LAST_OWNER');
    expect((await get(`/api/organizations/${id}`, owner)).statusCode).toBe(200);
    // Once someone else owns it, the account can go; the organization stays.
    expect((await setRole(t.app, owner, id, member.id, 'owner')).statusCode).toBe(200);
    expect((await deleteSelf(owner)).statusCode).toBe(200);
    expect((await membersOf(id, member)).map((m) => [m.user_id, m.role])).toEqual([
      [member.id, 'owner'],
    ]);
  });

  it('takes an organization it is the only member of with it', async () => {
    const owner = await signUp(t.app);
    const id = await createOrg(t.app, owner, 'Solo');
    expect((await deleteSelf(owner)).statusCode).toBe(200);
    expect(await query(t, 'select id from organizations where id = $1', [id])).toEqual([]);
  });
});

describe('invitations', () => {
  it('are mailed through the outbox with a single-use link to the accept page', async () => {
    const owner = await signUp(t.app);
    const guest = await signUp(t.app);
    const id = await createOrg(t.app, owner, 'Mailers <b>Inc</b>');
    const res = await invite(t.app, owner, id, guest.email.toUpperCase(), 'admin');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ role: 'admin' });
    const token = await invitationTokenFor(smtp, guest.email);
    // Only the hash is stored.
    const stored = await query<{ token_hash: Buffer }>(
      t,
      'select token_hash from invitations where organization_id = $1',
      [id],
    );
    expect(stored[0]!.token_hash.toString('base64url')).not.toBe(token);
    const mail = smtp.mailsTo(guest.email).find((m) => m.raw.includes(token))!;
    expect(mail.raw).not.toContain('<b>Inc</b>');
    // 7 days.
    const expires = new Date(res.json().data.expires_at).getTime();
    expect(Math.abs(expires - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);

    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/organizations/invitations/lookup',
      payload: { token },
    });
    expect(preview.json().data).toMatchObject({
      organization: { id, name: 'Mailers <b>Inc</b>' },
      role: 'admin',
    });

    const joined = await accept(t.app, guest, token);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().data).toMatchObject({ id, role: 'admin', member_count: 2 });
    // Single use.
    expectError(await accept(t.app, guest, token), 400, 'INVITATION_INVALID');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/organizations/invitations/lookup',
      payload: { token },
    });
    expectError(again, 400, 'INVITATION_INVALID');
    expect((await get(`/api/organizations/${id}/invitations`, owner)).json().data).toEqual([]);
  });

  it('cannot be used twice by two concurrent acceptances', async () => {
    const owner = await signUp(t.app);
    const guest = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    await invite(t.app, owner, id, guest.email);
    const token = await invitationTokenFor(smtp, guest.email);
    const second = await login(t.app, guest.email, guest.password);
    const results = await Promise.all([accept(t.app, guest, token), accept(t.app, second, token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it('refuses another signed-in address and leaves the invitation usable', async () => {
    const owner = await signUp(t.app);
    const invitee = await signUp(t.app);
    const intruder = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    await invite(t.app, owner, id, invitee.email);
    const token = await invitationTokenFor(smtp, invitee.email);
    expectError(await accept(t.app, intruder, token), 403, 'INVITATION_EMAIL_MISMATCH');
    expectError(await get(`/api/organizations/${id}`, intruder), 404, 'ORGANIZATION_NOT_FOUND');
    expect((await accept(t.app, invitee, token)).statusCode).toBe(200);
  });

  it('works for someone who registers with the invited address afterwards', async () => {
    const owner = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    const email = uniqueEmail('newcomer');
    await invite(t.app, owner, id, email);
    const token = await invitationTokenFor(smtp, email);
    // Another spelling of the same mailbox.
    const newcomer = await signUp(t.app, { email: email.toUpperCase() });
    const res = await accept(t.app, newcomer, token);
    expect(res.statusCode, res.body).toBe(200);
    expect((await membersOf(id, owner)).map((m) => m.user_id)).toContain(newcomer.id);
  });

  it('can be revoked before use, and expires after 7 days', async () => {
    const owner = await signUp(t.app);
    const guest = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    const first = (await invite(t.app, owner, id, guest.email)).json().data;
    const revokeToken = await invitationTokenFor(smtp, guest.email, 1);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${id}/invitations/${first.id}`,
      headers: owner.auth,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectError(await accept(t.app, guest, revokeToken), 400, 'INVITATION_INVALID');
    const twice = await t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${id}/invitations/${first.id}`,
      headers: owner.auth,
    });
    expectError(twice, 404, 'INVITATION_NOT_FOUND');

    await invite(t.app, owner, id, guest.email);
    const expiring = await invitationTokenFor(smtp, guest.email, 2);
    await query(
      t,
      `update invitations set expires_at = now() - interval '1 second' where organization_id = $1 and revoked_at is null`,
      [id],
    );
    expectError(await accept(t.app, guest, expiring), 400, 'INVITATION_INVALID');
    expect((await get(`/api/organizations/${id}/invitations`, owner)).json().data).toEqual([]);
    expectError(await get(`/api/organizations/${id}`, guest), 404, 'ORGANIZATION_NOT_FOUND');
  });

  it('is refused for someone who already is a member', async () => {
    const owner = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    expectError(await invite(t.app, owner, id, owner.email), 409, 'ALREADY_MEMBER');
  });

  it('needs a sign-in to accept, and a real token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organizations/invitations/accept',
      payload: { token: 'x' },
    });
    expectError(res, 401, 'UNAUTHENTICATED');
    const user = await signUp(t.app);
    expectError(await accept(t.app, user, 'not-a-token'), 400, 'INVITATION_INVALID');
    expect(invitationTokensTo(smtp, user.email)).toEqual([]);
  });
});

describe('audit', () => {
  it('records every change with the organization id', async () => {
    const owner = await signUp(t.app);
    const guest = await signUp(t.app);
    const id = await createOrg(t.app, owner);
    await addMember(t.app, smtp, owner, id, guest);
    await setRole(t.app, owner, id, guest.id, 'admin');
    await removeMember(t.app, owner, id, guest.id);
    await t.app.inject({ method: 'DELETE', url: `/api/organizations/${id}`, headers: owner.auth });
    const rows = await query<{ type: string; org: number }>(
      t,
      `select type, (details->>'organization_id')::int as org from audit_events
        where type like 'organization.%' and (details->>'organization_id')::int = $1 order by id`,
      [id],
    );
    expect(rows.map((r) => r.type)).toEqual([
      'organization.created',
      'organization.invitation_created',
      'organization.member_added',
      'organization.member_role_changed',
      'organization.member_removed',
      'organization.deleted',
    ]);
  });
});

describe('admins', () => {
  it('see every organization, paged and searchable; users may not', async () => {
    const admin = await loginAdmin(t);
    const user = await signUp(t.app);
    const tag = `Zebra${Date.now()}`;
    await createOrg(t.app, user, `${tag} One`);
    await createOrg(t.app, user, `${tag} Two`);
    const res = await get(`/api/admin/organizations?search=${tag}&limit=1`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ total: 2, limit: 1, page: 1 });
    expect(res.json().data.items[0]).toMatchObject({ name: `${tag} Two`, member_count: 1 });
    expectError(await get('/api/admin/organizations', user), 403, 'FORBIDDEN');
  });
});

describe('ORG_CREATION=admins', () => {
  let restricted: TestApp & { adminEmail: string };
  beforeAll(async () => {
    restricted = await buildAppWithAdmin({ ORG_CREATION: 'admins' });
  });
  afterAll(() => restricted?.close());

  it('lets only admins create organizations', async () => {
    const user = await signUp(restricted.app);
    const res = await restricted.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: user.auth,
      payload: { name: 'Nope' },
    });
    expectError(res, 403, 'FORBIDDEN');
    const admin = await loginAdmin(restricted);
    expect(await createOrg(restricted.app, admin, 'Yes')).toBeGreaterThan(0);
  });

  it('is refused as a config value other than anyone or admins', async () => {
    await expect(buildTestApp({ ORG_CREATION: 'everybody' })).rejects.toThrow(/ORG_CREATION/);
  });
});

describe('invitation mail limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: '1' });
  });
  afterAll(() => limited?.close());

  it('count like other mail to a typed address: the same recipient cannot be flooded', async () => {
    const owner = await signUp(limited.app);
    const id = await createOrg(limited.app, owner);
    const target = uniqueEmail('flooded');
    expect((await invite(limited.app, owner, id, target)).statusCode).toBe(201);
    expectError(await invite(limited.app, owner, id, target), 429, 'RATE_LIMITED');
    const [row] = await query<{ n: number }>(
      limited,
      'select count(*)::int as n from invitations where organization_id = $1',
      [id],
    );
    expect(row!.n).toBe(1);
  });
});
