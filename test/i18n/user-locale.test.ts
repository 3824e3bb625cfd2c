import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  GOOD_PASSWORD,
  signUp,
  uniqueEmail,
  type SignedIn,
  type TestApp,
} from '../helpers/app.js';
import { auditTypes, buildAppWithAdmin, loginAdmin, query } from '../users/helpers.js';

let t: TestApp & { adminEmail: string };
let admin: SignedIn;

beforeAll(async () => {
  t = await buildAppWithAdmin();
  admin = await loginAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const patchMe = (user: SignedIn, payload: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/users/me',
    headers: user.auth,
    payload: payload as object,
  });
const me = async (user: SignedIn) => {
  const res = await t.app.inject({ url: '/api/users/me', headers: user.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
};

describe('the user locale', () => {
  it('refuses a language Gatehouse does not ship, and other types, with 400 on the field', async () => {
    const u = await signUp(t.app);
    for (const locale of ['fr', 'EN', 'de-AT', '', 1, true, ['de'], { de: 1 }]) {
      const body = expectError(await patchMe(u, { locale }), 400, 'VALIDATION_FAILED');
      expect(Object.keys(body.errors)).toEqual(['locale']);
    }
    // Registered without Accept-Language: English, and still English.
    const rows = await query(t, 'select locale from users where id = $1', [u.id]);
    expect(rows[0]!.locale).toBe('en');
  });

  it('the database refuses an unknown value too (check constraint)', async () => {
    const u = await signUp(t.app);
    await expect(query(t, `update users set locale = 'xx' where id = $1`, [u.id])).rejects.toThrow(
      /users_locale_check/,
    );
  });

  it('needs a signed-in caller', async () => {
    expectError(await t.app.inject({ url: '/api/users/me' }), 401, 'UNAUTHENTICATED');
    expectError(
      await t.app.inject({ method: 'PATCH', url: '/api/users/me', payload: { locale: 'de' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('PATCH /api/users/me sets and clears it; GET /me and /profile return it at once', async () => {
    const u = await signUp(t.app);
    const res = await patchMe(u, { locale: 'ar' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.locale).toBe('ar');
    expect((await me(u)).locale).toBe('ar');
    const profile = await t.app.inject({ url: '/api/users/profile', headers: u.auth });
    expect(profile.json().data.locale).toBe('ar');
    expect(await auditTypes(t, u.id)).toContain('profile.updated');

    const cleared = await patchMe(u, { locale: null });
    expect(cleared.json().data.locale).toBeNull();
    expect((await me(u)).locale).toBeNull();
  });

  it('PUT /api/users/:id accepts it (self and admin); the admin detail and list show it', async () => {
    const u = await signUp(t.app);
    const self = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${u.id}`,
      headers: u.auth,
      payload: { locale: 'es' },
    });
    expect(self.json().data.locale).toBe('es');
    const byAdmin = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${u.id}`,
      headers: admin.auth,
      payload: { locale: 'de' },
    });
    expect(byAdmin.json().data.locale).toBe('de');
    const detail = await t.app.inject({ url: `/api/users/${u.id}`, headers: admin.auth });
    expect(detail.json().data.locale).toBe('de');
    const list = await t.app.inject({
      url: `/api/users?search=${encodeURIComponent(u.email)}`,
      headers: admin.auth,
    });
    expect(list.json().data.items[0].locale).toBe('de');
  });

  it('PATCH /api/users/me refuses role from a non-admin and changes nothing', async () => {
    const u = await signUp(t.app);
    expectError(await patchMe(u, { role: 'admin', locale: 'de' }), 403, 'FORBIDDEN');
    expect(await me(u)).toMatchObject({ role: 'user', locale: 'en' });
  });
});

describe('registration stores the negotiated language', () => {
  const register = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers,
      payload: { email: uniqueEmail('locale'), name: 'Lang', password: GOOD_PASSWORD },
    });

  it.each([
    [{ 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' }, 'de'],
    [{ 'accept-language': 'ar-EG' }, 'ar'],
    [{ 'accept-language': 'fr-FR, es;q=0.4' }, 'es'],
    [{ 'accept-language': 'fr-FR' }, 'en'],
    [{ 'accept-language': ';;q=x' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', async (headers, locale) => {
    const res = await register(headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.locale).toBe(locale);
    const rows = await query(t, 'select locale from users where id = $1', [res.json().data.id]);
    expect(rows[0]!.locale).toBe(locale);
  });
});
