/**
 * Checklist: "Input validation comprehensive".
 * Body size, media type, malformed JSON, deep nesting, prototype pollution, Unicode email
 * normalisation and control characters in names, on every route that takes a body.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expectError, GOOD_PASSWORD, uniqueEmail } from '../helpers/app.js';
import { expectSafeResponse } from './support/leaks.js';
import { newUser, securityFixture } from './support/fixture.js';
import {
  fillPath,
  hasBody,
  objectSchema,
  sampleBody,
  sampleValue,
  stringFields,
} from './support/routes.js';

const f = await securityFixture();
afterAll(() => f.t.close());
const bodyRoutes = f.routes.filter((r) => hasBody(r) && r.body);
const json = { 'content-type': 'application/json' };

const register = (payload: unknown, headers: Record<string, string> = {}) =>
  f.app.inject({ method: 'POST', url: '/api/auth/register', payload: payload as never, headers });

describe.each(bodyRoutes.map((r) => [r.key, r] as const))('%s', (_k, route) => {
  const send = async (payload: string, headers: Record<string, string>) => {
    const user = await newUser(f.app);
    return f.app.inject({
      method: route.method as 'POST',
      url: fillPath(route.url, user.id),
      payload,
      headers: { ...user.auth, ...headers },
    });
  };

  it('answers 413 to a body over 1 MB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    expectError(await send(big, json), 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
    ],
    ['application/xml', '<a/>'],
    ['application/json-patch+json', '[]'],
    ['text/json', '{}'],
  ])('answers 415 to %s', async (type, payload) => {
    expectError(await send(payload, { 'content-type': type }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['{', '{"a":', '{"a":1,}', "{'a':1}", 'nul', '{"a":"\\x"}', '\u0000'])(
    'answers 400 MALFORMED_JSON to %j',
    async (payload) => {
      expectError(await send(payload, json), 400, 'MALFORMED_JSON');
    },
  );

  it('refuses JSON nested deeper than 32 levels with 400, before parsing it', async () => {
    for (const payload of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
      `{"name":${'['.repeat(33)}${']'.repeat(33)}}`,
    ]) {
      const res = await send(payload, json);
      expectSafeResponse(res, `nesting ${payload.length}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors?.body, res.body).toMatch(/nested/);
    }
    // Brackets inside strings are text, not nesting.
    const text = await send(JSON.stringify({ name: '['.repeat(1000) }), json);
    expect(text.json().errors?.body ?? '', text.body).not.toMatch(/nested/);
  });

  it('rejects __proto__ and constructor.prototype keys, and Object.prototype stays clean', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const payload of [
      '{"__proto__":{"polluted":"yes","role":"admin"}}',
      '{"name":"x","nested":{"__proto__":{"polluted":"yes"}}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '[{"__proto__":{"polluted":"yes"}}]',
      '{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"yes"}}',
    ]) {
      const res = await send(payload, json);
      expectSafeResponse(res, payload);
      expect(res.statusCode, `${payload}: ${res.body}`).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('never skips validation through a content-type variant', async () => {
    for (const type of [
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json ; charset=utf-8',
      'application/json;charset=utf-16',
      'application/json\t; x=1',
      ' application/json',
      'application/jsonx',
    ]) {
      const res = await send('{"unexpected":{"deep":[1,2,3]},"role":7}', { 'content-type': type });
      expectSafeResponse(res, type);
      // Parsed and validated (400), refused (415), or ignored fields; never a crash.
      expect(res.statusCode, `${type}: ${res.body}`).toBeLessThan(500);
    }
  });
});

/**
 * Every string field of every body schema in the OpenAPI document, with a JSON value of another
 * type in its place: 400, never a silent coercion (`["a@example.com"]` once registered an account).
 * @see issue 13 (Contract: no type coercion of JSON bodies)
 */
describe('a JSON value of the wrong type in a string field', () => {
  const wrongTypes: Array<[string, (valid: unknown) => unknown]> = [
    ['an array', (valid) => [valid]],
    ['an object', (valid) => ({ value: valid })],
    ['a number', () => 1234567890],
    ['a boolean', () => true],
  ];
  const cases = bodyRoutes.flatMap((route) =>
    stringFields(route.body).flatMap((field) =>
      wrongTypes.map(([kind, wrap]) => [route.key, field, kind, route, wrap] as const),
    ),
  );

  it('covers every body route that has string fields', () => {
    const covered = new Set(cases.map(([key]) => key));
    expect(covered.size).toBeGreaterThanOrEqual(9);
    for (const route of bodyRoutes)
      if (stringFields(route.body).length > 0) expect(covered).toContain(route.key);
  });

  it.each(cases)('%s: %s as %s answers 400', async (_key, field, _kind, route, wrap) => {
    const user = await newUser(f.app);
    const fresh = () => uniqueEmail('coerce');
    const base = sampleBody(route.body, fresh, { requiredOnly: true });
    const valid = sampleValue(field, objectSchema(route.body).properties[field], fresh);
    const payload = { ...base, [field]: wrap(valid) };
    const res = await f.app.inject({
      method: route.method as 'POST',
      url: fillPath(route.url, user.id),
      payload,
      // Admin routes authorise before validating: only an admin reaches their validation.
      headers: route.url.startsWith('/api/admin/') ? f.admin.auth : user.auth,
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.errors?.[field], res.body).toBeTruthy();
  });
});

describe('query strings', () => {
  it('prototype-pollution keys in query strings are inert', async () => {
    for (const url of [
      '/api/users?__proto__[polluted]=yes',
      '/api/users?constructor[prototype][polluted]=yes',
      '/api/users?__proto__=x&page=1',
      '/api/auth/sessions?__proto__.polluted=yes',
    ]) {
      const res = await f.app.inject({ method: 'GET', url, headers: f.admin.auth });
      expectSafeResponse(res, url);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('oversized and repeated query parameters never crash', async () => {
    for (const url of [
      `/api/users?search=${'a'.repeat(5000)}`,
      '/api/users?page=1&page=2&limit=5&limit=500',
      '/api/users?limit=-1&page=0',
      '/api/users?sort=password_hash&order=sideways',
      '/api/users?role[]=admin&role[]=user',
    ]) {
      const res = await f.app.inject({ method: 'GET', url, headers: f.admin.auth });
      expectSafeResponse(res, url);
    }
  });
});

describe('Unicode email normalisation: look-alike duplicates cannot register twice', () => {
  it.each([
    [
      'NFD vs NFC local part',
      (l: string) => `${l}\u00e9@example.com`,
      (l: string) => `${l}e\u0301@example.com`,
    ],
    ['upper-case domain', (l: string) => `${l}@example.com`, (l: string) => `${l}@EXAMPLE.COM`],
    [
      'upper-case local part',
      (l: string) => `${l}@example.com`,
      (l: string) => `${l.toUpperCase()}@example.com`,
    ],
    [
      'non-ASCII upper-case local part',
      (l: string) => `\u00e9${l}@example.com`,
      (l: string) => `\u00c9${l.toUpperCase()}@example.com`,
    ],
    [
      'Unicode vs punycode domain',
      (l: string) => `${l}@b\u00fccher.example`,
      (l: string) => `${l}@xn--bcher-kva.example`,
    ],
    [
      'decomposed Unicode domain',
      (l: string) => `${l}@b\u00fccher.example`,
      (l: string) => `${l}@bu\u0308cher.EXAMPLE`,
    ],
    [
      'fullwidth domain',
      (l: string) => `${l}@example.com`,
      (l: string) => `${l}@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com`,
    ],
    [
      'surrounding whitespace',
      (l: string) => `${l}@example.com`,
      (l: string) => ` \t${l}@example.com \n`,
    ],
  ])('%s', async (_label, first, second) => {
    const local = `lookalike${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const a = await register({ email: first(local), name: 'A', password: GOOD_PASSWORD });
    expect(a.statusCode, a.body).toBe(201);
    const b = await register({ email: second(local), name: 'B', password: GOOD_PASSWORD });
    expect([400, 409], b.body).toContain(b.statusCode);
    if (b.statusCode === 409) expect(b.json().code).toBe('EMAIL_TAKEN');
  });

  it('stores the normalised form (NFC, lower-case ASCII domain)', async () => {
    const local = `norm${Date.now()}`;
    const res = await register({
      email: `${local}e\u0301@B\u00dcCHER.Example`,
      name: 'N',
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.email).toBe(`${local}\u00e9@xn--bcher-kva.example`);
  });

  it.each([
    'a@b',
    'a@@example.com',
    'a b@example.com',
    'a\u0000@example.com',
    'a\u200b@example.com',
    'a@exa\u202emple.com',
    'a@example.com.',
    '"a"@example.com',
    `${'a'.repeat(65)}@example.com`,
    'a@-example.com',
  ])('refuses %j', async (email) => {
    const res = await register({ email, name: 'X', password: GOOD_PASSWORD });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});

describe('control characters in names', () => {
  it.each([
    ['NUL', 'Ann\u0000'],
    ['bell', 'Ann\u0007x'],
    ['newline', 'Ann\nBob'],
    ['carriage return', 'Ann\rBob'],
    ['escape (terminal injection)', 'Ann\u001b[31mRed'],
    ['DEL', 'Ann\u007f'],
    ['C1 control', 'Ann\u0085'],
    ['line separator', 'Ann\u2028Bob'],
    ['right-to-left override', 'Ann\u202egnp.exe'],
    ['zero-width space', 'An\u200bn'],
    ['byte-order mark inside the name', 'An\ufeffn'],
  ])('refuses %s on register', async (_label, name) => {
    const res = await register({ email: uniqueEmail('ctl'), name, password: GOOD_PASSWORD });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.errors.name).toBeTruthy();
  });

  const update = f.routes.find((r) => r.key === 'PUT /api/users/:id');
  it.runIf(update)('refuses control characters on update, and keeps the old name', async () => {
    const user = await newUser(f.app, 'Clean Name');
    const res = await f.app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { name: 'Bad\u0000Name' },
      headers: user.auth,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    const profile = await f.app.inject({
      method: 'GET',
      url: '/api/users/profile',
      headers: user.auth,
    });
    expect(profile.json().data.name).toBe('Clean Name');
  });

  it('accepts real-world Unicode names unchanged (NFC)', async () => {
    for (const name of [
      'Zoë Ångström',
      '李小龍',
      'Ngọc Trâm',
      'محمد',
      'O\u2019Brien-Smith',
      '👩‍💻 Dev',
    ]) {
      const res = await register({ email: uniqueEmail('uni'), name, password: GOOD_PASSWORD });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json().data.name).toBe(name.normalize('NFC'));
    }
  });
});
