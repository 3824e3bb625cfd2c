import { describe, expect, it } from 'vitest';
import { eventLabel } from './eventLabels';

describe('eventLabel', () => {
  it('maps the server event types to catalog copy', () => {
    expect(eventLabel('login.succeeded')).toBe('Signed in');
    expect(eventLabel('login.failed')).toBe('Sign-in failed');
    expect(eventLabel('refresh_token.reuse_detected')).toBe('Refresh token reused — session ended');
    expect(eventLabel('password.reset_requested')).toBe('Password reset requested');
  });
  it('names the new role', () => {
    expect(eventLabel('role.changed', { from: 'user', to: 'admin' })).toBe('Role changed to Admin');
    expect(eventLabel('role.changed')).toBe('Role changed');
  });
  it('falls back to a readable form of unknown types', () => {
    expect(eventLabel('mfa.enrolled')).toBe('Mfa enrolled');
  });
});
