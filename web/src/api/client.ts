import { expireSession, getFreshAccessToken, refreshSession } from '../auth/session';
import { ApiError } from './errors';
import { send, type SendOptions } from './http';

type AuthedOptions = Omit<SendOptions, 'token'>;

function unauthenticated(): ApiError {
  return new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' });
}

async function tokenOrRefresh(): Promise<string> {
  const token = getFreshAccessToken();
  if (token) return token;
  if (await refreshSession()) {
    const fresh = getFreshAccessToken();
    if (fresh) return fresh;
  }
  expireSession();
  throw unauthenticated();
}

/** A Bearer request; on a 401 it refreshes once (single-flight) and retries once. */
export async function authed<T>(path: string, options: AuthedOptions = {}): Promise<T> {
  const token = await tokenOrRefresh();
  try {
    return await send<T>(path, { ...options, token });
  } catch (error) {
    // Only a rejected token triggers a refresh; e.g. CURRENT_PASSWORD_INVALID (401) does not.
    if (!(error instanceof ApiError) || error.status !== 401 || error.code !== 'UNAUTHENTICATED')
      throw error;
    if (!(await refreshSession())) {
      expireSession();
      throw error;
    }
    const retryToken = getFreshAccessToken();
    if (!retryToken) throw error;
    try {
      return await send<T>(path, { ...options, token: retryToken });
    } catch (retryError) {
      if (
        retryError instanceof ApiError &&
        retryError.status === 401 &&
        retryError.code === 'UNAUTHENTICATED'
      ) {
        expireSession();
      }
      throw retryError;
    }
  }
}
