import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authed } from '../api/client';
import { ApiError } from '../api/errors';
import { clearSession, getFreshAccessToken, refreshSession, subscribe } from './session';

const user = {
  id: 1,
  email: 'a@b.c',
  name: 'A',
  role: 'user',
  email_verified: true,
  created_at: '',
  updated_at: '',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function tokens(token: string) {
  return json(200, {
    success: true,
    message: 'ok',
    data: { access_token: token, token_type: 'Bearer', expires_in: 900, user },
  });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  clearSession();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('refreshSession', () => {
  it('is single-flight: concurrent callers share one request', async () => {
    let release: (r: Response) => void = () => {};
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (release = resolve)));
    const calls = [refreshSession(), refreshSession(), refreshSession()];
    release(tokens('t1'));
    expect(await Promise.all(calls)).toEqual([true, true, true]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/refresh-token');
    expect(JSON.parse(String(init?.body))).toEqual({ transport: 'cookie' });
    expect(getFreshAccessToken()).toBe('t1');
  });

  it('answers false (signed out) on 401, and throws on transient failures', async () => {
    fetchMock.mockResolvedValueOnce(
      json(401, { success: false, code: 'UNAUTHENTICATED', message: 'no' }),
    );
    await expect(refreshSession()).resolves.toBe(false);
    fetchMock.mockResolvedValueOnce(
      json(503, { success: false, code: 'SERVICE_UNAVAILABLE', message: 'down' }),
    );
    await expect(refreshSession()).rejects.toBeInstanceOf(ApiError);
  });
});

describe('authed', () => {
  it('refreshes once on a 401 and retries with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(tokens('old'))
      .mockResolvedValueOnce(
        json(401, { success: false, code: 'UNAUTHENTICATED', message: 'expired' }),
      )
      .mockResolvedValueOnce(tokens('new'))
      .mockResolvedValueOnce(json(200, { success: true, message: 'ok', data: { hello: 'world' } }));
    await expect(authed('/api/users/profile')).resolves.toEqual({ hello: 'world' });
    const auth = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)?.Authorization,
    );
    expect(auth).toEqual([undefined, 'Bearer old', undefined, 'Bearer new']);
  });

  it('does not refresh on a 401 that is about a wrong current password', async () => {
    fetchMock.mockResolvedValueOnce(tokens('t')).mockResolvedValueOnce(
      json(401, {
        success: false,
        code: 'CURRENT_PASSWORD_INVALID',
        message: 'bad',
        errors: { current_password: 'x' },
      }),
    );
    await expect(authed('/api/users/1', { method: 'PUT', body: {} })).rejects.toMatchObject({
      code: 'CURRENT_PASSWORD_INVALID',
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('expires the session when the refresh is refused', async () => {
    const events: string[] = [];
    const unsubscribe = subscribe((event) => events.push(event.type));
    fetchMock
      .mockResolvedValueOnce(tokens('t'))
      .mockResolvedValueOnce(
        json(401, { success: false, code: 'UNAUTHENTICATED', message: 'revoked' }),
      )
      .mockResolvedValueOnce(
        json(401, { success: false, code: 'UNAUTHENTICATED', message: 'reused' }),
      );
    await expect(authed('/api/auth/sessions')).rejects.toMatchObject({ status: 401 });
    expect(events).toContain('expired');
    expect(getFreshAccessToken()).toBeNull();
    unsubscribe();
  });
});
