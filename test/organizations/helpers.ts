import { expect } from 'vitest';
import type { SignedIn } from '../helpers/app.js';
import type { App } from '../../src/http/types.js';
import { eventually, type SmtpSink } from '../email/smtp-sink.js';

type Caller = Pick<SignedIn, 'auth'>;

export async function createOrg(app: App, owner: Caller, name = 'Acme'): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: owner.auth,
    payload: { name },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}

export async function invite(
  app: App,
  by: Caller,
  orgId: number,
  email: string,
  role: 'owner' | 'admin' | 'member' = 'member',
) {
  return app.inject({
    method: 'POST',
    url: `/api/organizations/${orgId}/invitations`,
    headers: by.auth,
    payload: { email, role },
  });
}

const INVITATION_LINK = /^https?:\/\/\S+\/invitations\/accept\?token=([A-Za-z0-9_-]+)\r?$/m;

/** The invitation tokens mailed to `email` so far, oldest first (read from the SMTP sink). */
export function invitationTokensTo(smtp: SmtpSink, email: string): string[] {
  return smtp
    .mailsTo(email)
    .map((mail) => INVITATION_LINK.exec(mail.raw)?.[1])
    .filter((token): token is string => token !== undefined);
}

/** Waits for invitation mail number `count` to `email` and returns its token. */
export async function invitationTokenFor(smtp: SmtpSink, email: string, count = 1) {
  const found = await eventually(
    () => invitationTokensTo(smtp, email).length >= count,
    10_000,
    `invitation mail #${count} to ${email}`,
  );
  expect(found).toBe(true);
  return invitationTokensTo(smtp, email)[count - 1]!;
}

export async function accept(app: App, user: Caller, token: string) {
  return app.inject({
    method: 'POST',
    url: '/api/organizations/invitations/accept',
    headers: user.auth,
    payload: { token },
  });
}

/** Invites `member` by mail and has them accept: they join with `role`. */
export async function addMember(
  app: App,
  smtp: SmtpSink,
  owner: Caller,
  orgId: number,
  member: SignedIn,
  role: 'owner' | 'admin' | 'member' = 'member',
) {
  const before = invitationTokensTo(smtp, member.email).length;
  const res = await invite(app, owner, orgId, member.email, role);
  expect(res.statusCode, res.body).toBe(201);
  const token = await invitationTokenFor(smtp, member.email, before + 1);
  const accepted = await accept(app, member, token);
  expect(accepted.statusCode, accepted.body).toBe(200);
}

export async function setRole(
  app: App,
  by: Caller,
  orgId: number,
  userId: number,
  role: 'owner' | 'admin' | 'member',
) {
  return app.inject({
    method: 'PATCH',
    url: `/api/organizations/${orgId}/members/${userId}`,
    headers: by.auth,
    payload: { role },
  });
}

export async function removeMember(app: App, by: Caller, orgId: number, userId: number) {
  return app.inject({
    method: 'DELETE',
    url: `/api/organizations/${orgId}/members/${userId}`,
    headers: by.auth,
  });
}
