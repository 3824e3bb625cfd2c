/** Direct API calls for test setup (seeding users), bypassing the UI. */
export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; data: T; body: Record<string, unknown> }> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extraHeaders,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, data: json.data as T, body: json };
}

export async function registerViaApi(
  baseUrl: string,
  user: { email: string; name: string; password: string },
) {
  const res = await api(baseUrl, 'POST', '/api/auth/register', user);
  if (res.status !== 201)
    throw new Error(`register ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.data as { id: number };
}

export async function loginViaApi(
  baseUrl: string,
  email: string,
  password: string,
  userAgent?: string,
): Promise<string> {
  const headers: Record<string, string> = userAgent ? { 'user-agent': userAgent } : {};
  const res = await api<{ access_token: string }>(
    baseUrl,
    'POST',
    '/api/auth/login',
    { email, password },
    undefined,
    headers,
  );
  if (res.status !== 200)
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.data.access_token;
}
