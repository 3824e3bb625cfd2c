import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { endServerSession, SIGN_OUT_BACKOFF, type SignOutRetry } from './signOut';

const network = () => new ApiError({ status: 0, code: 'NETWORK', message: '' });
const unavailable = (retryAfter: number | null = null) =>
  new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: '', retryAfter });

/** @see issue 13: a failed logout must not show the person as signed out while the cookie lives. */
describe('endServerSession', () => {
  it('keeps trying with growing waits until the server confirms, and reports each failure', async () => {
    const logout = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(network())
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(network())
      .mockResolvedValueOnce(null);
    const retries: SignOutRetry[] = [];
    const waits: number[] = [];
    await endServerSession(
      logout,
      (retry) => retries.push(retry),
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(logout).toHaveBeenCalledTimes(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('never waits longer than the cap, and waits at least what Retry-After asks', async () => {
    const failures = [...Array(8)].map(() => network());
    const logout = vi.fn<() => Promise<unknown>>();
    for (const failure of failures) logout.mockRejectedValueOnce(failure);
    logout.mockRejectedValueOnce(unavailable(45)).mockResolvedValueOnce(null);
    const waits: number[] = [];
    await endServerSession(logout, undefined, async (ms) => {
      waits.push(ms);
    });
    expect(Math.max(...waits.slice(0, 8))).toBe(SIGN_OUT_BACKOFF.maxDelayMs);
    expect(waits.at(-1)).toBe(45_000);
  });

  it('does not settle while the server keeps failing', async () => {
    const logout = vi.fn<() => Promise<unknown>>().mockRejectedValue(network());
    let settled = false;
    const gate: Array<() => void> = [];
    void endServerSession(logout, undefined, () => new Promise((r) => gate.push(r))).finally(
      () => (settled = true),
    );
    for (let i = 0; i < 5; i += 1) {
      await vi.waitFor(() => expect(gate.length).toBe(i + 1));
      gate[i]!();
    }
    expect(settled).toBe(false);
    expect(logout.mock.calls.length).toBeGreaterThanOrEqual(5);
  });

  it('treats a 401 as done: the session is already over', async () => {
    const logout = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' }));
    const onRetry = vi.fn();
    await endServerSession(logout, onRetry);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
