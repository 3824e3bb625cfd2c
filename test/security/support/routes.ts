import type { App } from '../../../src/http/types.js';

/** One route of the running app, with what its OpenAPI operation declares (when it has one). */
export interface RouteInfo {
  method: string;
  /** Fastify form: `/api/users/:id`. */
  url: string;
  key: string;
  pathParams: string[];
  queryParams: { name: string; schema: any }[];
  /** JSON schema of the body (refs resolved), or null without a body. */
  body: any;
  /** The operation declares `security` (bearerAuth). */
  declaresBearer: boolean;
  documented: boolean;
}

/**
 * Routes anyone may call without an access token. Every other route must answer 401 without one:
 * a new route is protected by default in these tests until it is listed here on purpose.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/auth/register',
  'POST /api/auth/login',
  // Bound to a password sign-in by its mfa_token, not by an access token.
  'POST /api/auth/mfa/verify',
  // Passwordless sign-in; the second step is bound by its mfa_token.
  'POST /api/auth/passkeys/login/options',
  'POST /api/auth/passkeys/login/verify',
  'POST /api/auth/passkeys/mfa/options',
  'POST /api/auth/passkeys/mfa/verify',
  'POST /api/auth/refresh-token',
  'POST /api/auth/verify-email',
  'POST /api/auth/forgot-password',
  'POST /api/auth/email-sign-in',
  'POST /api/auth/email-sign-in/verify',
  'POST /api/auth/reset-password',
  // Social sign-in: the provider list for the sign-in page, and the browser's round trip through
  // the provider, bound to that browser by its cookie and a one-time code.
  'GET /api/auth/providers',
  'GET /api/auth/oauth/:provider/start',
  'GET /api/auth/oauth/:provider/callback',
  'POST /api/auth/oauth/exchange',
  'GET /api/openapi.json',
  'GET /health/live',
  'GET /health/ready',
  'GET /.well-known/jwks.json',
  'GET /.well-known/openid-configuration',
  // Bound to the browser by the provider's interaction cookie, not by an access token.
  'GET /api/oidc/interaction/:uid',
  'GET /metrics',
  // An invitation link's own token is the credential; it is shown before the invitee signs in.
  'POST /api/organizations/invitations/lookup',
]);

/**
 * Signed-in routes without an `:id` that act on the caller only. Any other signed-in route without
 * an `:id` is treated as admin-only (403 for a user) until it is listed here on purpose.
 */
export const SELF_SERVICE_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/users/profile',
  'GET /api/users/me',
  'PATCH /api/users/me',
  'POST /api/auth/logout',
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions',
  'POST /api/auth/resend-verification',
  'GET /api/oidc/grants',
  'GET /api/organizations',
  'POST /api/organizations',
  'POST /api/organizations/invitations/accept',
  'POST /api/auth/session/organization',
  'GET /api/auth/mfa',
  'POST /api/auth/mfa/totp/setup',
  'POST /api/auth/mfa/totp/confirm',
  'DELETE /api/auth/mfa/totp',
  'POST /api/auth/mfa/recovery-codes',
  'GET /api/auth/passkeys',
  'POST /api/auth/passkeys/register/options',
  'POST /api/auth/passkeys/register/verify',
  'POST /api/auth/passkeys/reauth/options',
  'POST /api/auth/passkeys/reauth/verify',
  'GET /api/auth/identities',
  'POST /api/auth/oauth/link',
]);

const SKIPPED_METHODS = new Set(['HEAD', 'OPTIONS']);

/** Full paths and methods from `printRoutes` (includes routes hidden from the OpenAPI document). */
export function parsePrintedRoutes(printed: string): { method: string; url: string }[] {
  const stack: string[] = [];
  const out: { method: string; url: string }[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const full = parent + match[2]!;
    stack[depth] = full;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && !SKIPPED_METHODS.has(method)) out.push({ method, url: full });
    }
  }
  return out;
}

/** The API surface under test: every non-static route; the docs UI and built web assets are left out. */
function isApiSurface(url: string): boolean {
  if (url.startsWith('/api/docs')) return false;
  return (
    url.startsWith('/api/') ||
    url.startsWith('/health/') ||
    url.startsWith('/.well-known/') ||
    url === '/metrics'
  );
}

function resolveRefs(schema: any, doc: any, seen = 0): any {
  if (seen > 20 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, doc, seen + 1));
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop();
    return resolveRefs(doc.components?.schemas?.[name] ?? {}, doc, seen + 1);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, resolveRefs(v, doc, seen + 1)]),
  );
}

/** Enumerates the app's routes (printRoutes) and joins each with its OpenAPI operation. */
export async function discoverRoutes(app: App): Promise<RouteInfo[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const seen = new Set<string>();
  const routes: RouteInfo[] = [];
  for (const { method, url } of parsePrintedRoutes(app.printRoutes({ commonPrefix: false }))) {
    if (!isApiSurface(url)) continue;
    const key = `${method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const docPath = url.replace(/:(\w+)/g, '{$1}');
    const op = doc.paths?.[docPath]?.[method.toLowerCase()];
    const params: any[] = op?.parameters ?? [];
    const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
    routes.push({
      method,
      url,
      key,
      pathParams: [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!),
      queryParams: params
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: resolveRefs(p.schema, doc) })),
      body: bodySchema ? resolveRefs(bodySchema, doc) : null,
      declaresBearer: Array.isArray(op?.security) && op.security.length > 0,
      documented: Boolean(op),
    });
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** Route classification used by the authentication and authorization tests. */
export const isPublic = (route: RouteInfo) => PUBLIC_ROUTES.has(route.key);
export const hasId = (route: RouteInfo) => route.pathParams.length > 0;
export const isAdminOnly = (route: RouteInfo) =>
  !isPublic(route) && !hasId(route) && !SELF_SERVICE_ROUTES.has(route.key);
export const hasBody = (route: RouteInfo) =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);

/**
 * Substitutes path parameters by what they name: an id after `/sessions/` is a session id,
 * any other id is a user id. A plain value fills every parameter.
 */
export function fillIds(url: string, ids: { user: number | string; session: number | string }) {
  return url.replace(/\/(\w+)\/:(\w+)/g, (_m, segment: string) => {
    const value = /^sessions?$/.test(segment) ? ids.session : ids.user;
    return `/${segment}/${encodeURIComponent(String(value))}`;
  });
}

/** Substitutes every path parameter. */
export function fillPath(url: string, value: string | number): string {
  return url.replace(/:(\w+)/g, () => encodeURIComponent(String(value)));
}

/** Object schema of a body (the first object branch of a union), or null. */
export function objectSchema(schema: any): any {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.type === 'object' || schema.properties) return schema;
  for (const branch of schema.anyOf ?? schema.oneOf ?? []) {
    const found = objectSchema(branch);
    if (found) return found;
  }
  return null;
}

/** Names of string-typed properties of a body schema. */
export function stringFields(schema: any): string[] {
  const obj = objectSchema(schema);
  if (!obj?.properties) return [];
  return Object.entries(obj.properties)
    .filter(([, s]: [string, any]) => isStringSchema(s))
    .map(([name]) => name);
}

function isStringSchema(s: any): boolean {
  if (!s) return false;
  if (s.type === 'string') return true;
  return (s.anyOf ?? s.oneOf ?? []).some((b: any) => isStringSchema(b));
}

/** A plausible value for one schema node (used to build otherwise-valid bodies). */
export function sampleValue(name: string, s: any, fresh: () => string): unknown {
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches)
    return sampleValue(
      name,
      branches.find((b: any) => b.type !== 'null'),
      fresh,
    );
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'boolean') return false;
  if (s.type === 'array') return [];
  if (s.type === 'object') return sampleBody(s, fresh);
  if (s.format === 'email-address' || /email/.test(name)) return fresh();
  if (/password/.test(name)) return 'correct horse battery staple';
  if (s.format === 'date-time') return new Date().toISOString();
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A body with a plausible value for every field (or only the required ones). */
export function sampleBody(
  schema: any,
  fresh: () => string,
  options: { requiredOnly?: boolean } = {},
): Record<string, unknown> {
  const obj = objectSchema(schema);
  const required = new Set<string>(obj?.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries<any>(obj?.properties ?? {})) {
    if (options.requiredOnly && !required.has(name)) continue;
    out[name] = sampleValue(name, s, fresh);
  }
  return out;
}
