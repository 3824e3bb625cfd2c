import { describe, expect, it } from 'vitest';
import { organizationIdOf } from './session';

const token = (payload: object) =>
  `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('organizationIdOf', () => {
  it('reads org_id from an access token', () => {
    expect(organizationIdOf(token({ sub: '1', org_id: 42, org_role: 'admin' }))).toBe(42);
  });

  it('is null without an organization or for anything that is not a token', () => {
    expect(organizationIdOf(token({ sub: '1' }))).toBeNull();
    expect(organizationIdOf(token({ org_id: '42' }))).toBeNull();
    expect(organizationIdOf('not a token')).toBeNull();
    expect(organizationIdOf('a.!!!.c')).toBeNull();
  });
});
