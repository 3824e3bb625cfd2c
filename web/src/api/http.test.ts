import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { send } from './http';
import { SERVER_RETRY_LIMITS, serverWaitUntil, subscribeServerWait } from './serverWait';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
const busy = (retryAfter?: string) =>
  json(
    503,
    { success: false, code: 'SERVICE_UNAVAILABLE', message: 'busy' },
    retryAfter ? { 'Retry-After': retryAfter } : {},
  );
const okBody = json(200, { success: true, message: 'ok', data: { id: 1 } });

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.useFakeTimers();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** @see issue 13: the web app retries a 503 with Retry-After by itself, showing that it waits. */
describe('send: 503 with Retry-After', () => {
  it('waits as told, says so while it waits, and sends the request again', async () => {
    fetchMock.mockResolvedValueOnce(busy('2')).mockResolvedValueOnce(okBody);
    const seen: Array<number | null> = [];
    const unsubscribe = subscribeServerWait(() => seen.push(serverWaitUntil()));
    const started = Date.now();
    const result = send('/api/auth/register', { method: 'POST', body: { a: 1 } });
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(serverWaitUntil()).toBe(started + 2000);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ id: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe(JSON.stringify({ a: 1 }));
    expect(seen).toEqual([started + 2000, null]);
    expect(serverWaitUntil()).toBeNull();
    unsubscribe();
  });

  it(`gives up after ${SERVER_RETRY_LIMITS.attempts} attempts`, async () => {
    fetchMock.mockImplementation(async () => busy('1'));
    const result = send('/api/users/profile').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, retryAfter: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(SERVER_RETRY_LIMITS.attempts);
    expect(serverWaitUntil()).toBeNull();
  });

  it('never waits longer than the total budget: a long Retry-After fails at once', async () => {
    fetchMock.mockImplementation(async () => busy('16'));
    await expect(send('/api/users/profile')).rejects.toMatchObject({ status: 503 });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => busy('10'));
    const second = send('/api/users/profile').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(SERVER_RETRY_LIMITS.totalWaitMs);
    expect(await second).toMatchObject({ status: 503 });
    // 10 s, then another 10 s would exceed the 15 s budget.
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not retry a 503 without Retry-After, nor a 429', async () => {
    fetchMock.mockResolvedValueOnce(busy());
    await expect(send('/api/users/profile')).rejects.toMatchObject({ status: 503 });
    fetchMock.mockResolvedValueOnce(
      json(429, { success: false, code: 'RATE_LIMITED', message: 'slow' }, { 'Retry-After': '1' }),
    );
    await expect(send('/api/users/profile')).rejects.toMatchObject({ status: 429 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('stops waiting when the request is aborted', async () => {
    fetchMock.mockResolvedValueOnce(busy('5'));
    const controller = new AbortController();
    const result = send('/api/users/profile', { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect(serverWaitUntil()).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
