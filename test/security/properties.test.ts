/**
 * Property-based tests (fast-check): the validators, the access-token parser and the envelope
 * hold for arbitrary input, not only for the examples the other files chose.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCommonPassword, validateNewPassword } from '../../src/auth/passwords.js';
import { validateName } from '../../src/users/name.js';
import { AppError } from '../../src/errors/app-error.js';
import { jsonDepth } from '../../src/http/json-body.js';
import { normalizeEmail } from '../../src/users/email.js';
import { newUser, securityFixture } from './support/fixture.js';
import { fillIds, hasBody } from './support/routes.js';
import { sessionIdOf } from './support/fixture.js';

const f = await securityFixture();
afterAll(() => f.t.close());
const RUNS = Number(process.env.FC_RUNS ?? 200);

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ maxLength: 400 }),
);
const emailLike = fc
  .tuple(
    fc.oneof(fc.emailAddress(), fc.constant('a@b.co')),
    fc.constantFrom('', ' ', '\u0301', '\u00c9', '\u0000', '@', '.', 'ẞ', '\u200b', 'Ａ'),
    fc.nat(3),
  )
  .map(([email, extra, where]) =>
    where === 0 ? extra + email : where === 1 ? email + extra : email.replace('@', `${extra}@`),
  );
// eslint-disable-next-line no-control-regex -- checking for control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('normalizeEmail', () => {
  it('never throws; yields null or a bounded, trimmed, NFC address with a lower-case ASCII domain', () => {
    let normalised = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, emailLike), (input) => {
        const out = normalizeEmail(input);
        if (out === null) return;
        normalised++;
        expect(out.length).toBeLessThanOrEqual(254);
        expect(out).toBe(out.trim());
        expect(out).toBe(out.normalize('NFC'));
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toMatch(/\s/);
        const domain = out.slice(out.lastIndexOf('@') + 1);
        expect(domain).toMatch(/^[a-z0-9.-]+$/);
      }),
      { numRuns: RUNS * 5 },
    );
    expect(normalised).toBeGreaterThan(0); // a normaliser that refused everything would pass the rest
  });

  it('is idempotent, and spellings that differ only in Unicode form or domain case agree', () => {
    fc.assert(
      fc.property(emailLike, (input) => {
        const out = normalizeEmail(input);
        if (out === null) return;
        expect(normalizeEmail(out)).toBe(out);
        const at = input.lastIndexOf('@');
        const variant = `${input.slice(0, at).normalize('NFD')}@${input.slice(at + 1).toUpperCase()}`;
        expect(normalizeEmail(variant)).toBe(out);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('validateName', () => {
  it('returns a trimmed NFC name of 1–100 characters without control characters, or throws VALIDATION_FAILED', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyText, (input) => {
        let name: string;
        try {
          name = validateName(input);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('VALIDATION_FAILED');
          expect((err as AppError).errors?.name).toBeTruthy();
          return;
        }
        expect(name).toBe(name.trim());
        expect(name).toBe(name.normalize('NFC'));
        expect([...name].length).toBeGreaterThanOrEqual(1);
        expect([...name].length).toBeLessThanOrEqual(100);
        expect(name).not.toMatch(CONTROL);
        accepted++;
      }),
      { numRuns: RUNS * 5 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('validateNewPassword', () => {
  it('accepts exactly the 8–128 character passwords that are not common, and fails only with AppError', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, fc.constantFrom('password', 'Password1', '12345678', 'qwertyuiop')),
        (input) => {
          const length = [...input].length;
          try {
            validateNewPassword(input);
            expect(length).toBeGreaterThanOrEqual(8);
            expect(length).toBeLessThanOrEqual(128);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect(['VALIDATION_FAILED', 'PASSWORD_TOO_COMMON']).toContain((err as AppError).code);
            expect((err as AppError).errors?.password).toBeTruthy();
            // Refused only for a reason: too short, too long or common.
            expect(length < 8 || length > 128 || isCommonPassword(input), input).toBe(true);
          }
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('AccessTokens.verify', () => {
  const b64 = (v: unknown) =>
    Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const segment = fc.oneof(
    fc.base64String().map((s) => s.replace(/=/g, '')),
    fc.jsonValue().map(b64),
    fc
      .record({
        alg: fc.constantFrom('EdDSA', 'none', 'HS256', 'RS256', ''),
        typ: fc.constantFrom('at+jwt', 'JWT'),
        kid: fc.string(),
      })
      .map(b64),
    fc.string().map(b64),
  );
  const jwtShaped = fc.tuple(segment, segment, segment).map((parts) => parts.join('.'));

  it('never throws and returns null for arbitrary strings and JWT-shaped garbage', async () => {
    const verifier = f.app.ctx;
    // Reach the verifier the app uses, through a real request as well as directly.
    const { AccessTokens } = await import('../../src/auth/access-tokens.js');
    const tokens = new AccessTokens(verifier.keys, {
      issuer: verifier.config.JWT_ISSUER,
      audience: verifier.config.JWT_AUDIENCE,
      ttlSeconds: 60,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 5000 }), jwtShaped), async (input) => {
        await expect(tokens.verify(input)).resolves.toBeNull();
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a genuine token altered in any one character is refused', async () => {
    const me = await newUser(f.app);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(me.accessToken.length - 2),
        fc.constantFrom(...'AQgw_-Zz09'),
        async (i, ch) => {
          // The last character of the signature may only carry padding bits: leave it out.
          if (me.accessToken[i] === ch || me.accessToken[i] === '.') return;
          const forged = me.accessToken.slice(0, i) + ch + me.accessToken.slice(i + 1);
          const res = await f.app.inject({
            method: 'GET',
            url: '/api/users/profile',
            headers: { authorization: `Bearer ${forged}` },
          });
          expect(res.statusCode).toBe(401);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('jsonDepth', () => {
  it('matches the real nesting depth of any JSON value', () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === 'object'
        ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 40 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('the envelope', () => {
  const writeRoutes = f.routes.filter(hasBody);
  const bodies = fc.oneof(
    fc.jsonValue({ maxDepth: 6 }),
    fc.dictionary(
      fc.constantFrom(
        'email',
        'name',
        'password',
        'current_password',
        'role',
        'token',
        'refresh_token',
        'transport',
        'id',
        '__proto__x',
        'constructor',
      ),
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.emailAddress()),
    ),
  );

  it.each(writeRoutes.map((r) => [r.key, r] as const))(
    '%s: arbitrary JSON bodies never produce a 500, always an envelope',
    async (_k, route) => {
      let user = await newUser(f.app);
      await fc.assert(
        fc.asyncProperty(bodies, fc.boolean(), async (body, signedIn) => {
          const res = await f.app.inject({
            method: route.method as 'POST',
            url: fillIds(route.url, { user: user.id, session: sessionIdOf(user) }),
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json', ...(signedIn ? user.auth : {}) },
          });
          expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
          const json = res.json();
          expect(typeof json.success).toBe('boolean');
          expect(typeof json.message).toBe('string');
          if (!json.success) expect(json.code).toMatch(/^[A-Z_]+$/);
          // An earlier body may have ended the session (logout): continue as a new user.
          if (signedIn && res.statusCode === 401 && json.code === 'UNAUTHENTICATED')
            user = await newUser(f.app);
        }),
        { numRuns: RUNS / 2 },
      );
    },
  );

  it('arbitrary bytes as a JSON body never produce a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: text,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${JSON.stringify(text)} → ${res.body}`).toBeLessThan(500);
        expect(res.json().success).toBe(res.statusCode < 300);
      }),
      { numRuns: RUNS },
    );
  });
});
