import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  expectError,
  GOOD_PASSWORD,
  signUp,
  uniqueEmail,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const register = (payload: object, language?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    headers: language ? { 'accept-language': language } : {},
    payload,
  });
const badRegistration = { email: 'not-an-email', name: '', password: 'short' };

describe('API messages follow the request language; code never changes', () => {
  it('English stays exactly the contract', async () => {
    const body = expectError(await register(badRegistration), 400, 'VALIDATION_FAILED');
    expect(body.message).toBe('Validation failed');
    expect(body.errors).toEqual({
      email: 'Enter a valid email address',
      name: 'Name is required',
      password: 'Password must be at least 8 characters',
    });
    const en = expectError(
      await register(badRegistration, 'en-GB,de;q=0.5'),
      400,
      'VALIDATION_FAILED',
    );
    expect(en).toEqual(body);
  });

  it.each([
    [
      'de-DE,de;q=0.9',
      'Die Prüfung ist fehlgeschlagen',
      {
        email: 'Geben Sie eine gültige E-Mail-Adresse ein',
        name: 'Name ist erforderlich',
        password: 'Passwort muss mindestens 8 Zeichen lang sein',
      },
    ],
    [
      'es',
      'La validación ha fallado',
      {
        email: 'Introduce una dirección de correo electrónico válida',
        name: 'El campo Nombre es obligatorio',
        password: 'El campo Contraseña debe tener al menos 8 caracteres',
      },
    ],
    [
      'ar',
      'فشل التحقق من البيانات',
      {
        email: 'أدخل عنوان بريد إلكتروني صالحًا',
        name: 'حقل الاسم مطلوب',
        password: 'يجب أن يتكون حقل كلمة المرور من 8 أحرف على الأقل',
      },
    ],
  ])('%s: same code, translated message and field errors', async (language, message, errors) => {
    const body = expectError(await register(badRegistration, language), 400, 'VALIDATION_FAILED');
    expect(body.message).toBe(message);
    expect(body.errors).toEqual(errors);
  });

  it('errors from the code catalogue, framework errors and 404s are translated too', async () => {
    const unauth = expectError(
      await t.app.inject({ url: '/api/users/profile', headers: { 'accept-language': 'de' } }),
      401,
      'UNAUTHENTICATED',
    );
    expect(unauth.message).toBe('Anmeldung erforderlich');
    const malformed = expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'es', 'content-type': 'application/json' },
        payload: '{"email":',
      }),
      400,
      'MALFORMED_JSON',
    );
    expect(malformed.message).toBe('El cuerpo de la solicitud no es un JSON válido');
    const missing = expectError(
      await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'ar' } }),
      404,
      'NOT_FOUND',
    );
    expect(missing.message).toBe('غير موجود');
    const taken = await signUp(t.app);
    const conflict = expectError(
      await register({ email: taken.email, name: 'X', password: GOOD_PASSWORD }, 'de'),
      409,
      'EMAIL_TAKEN',
    );
    expect(conflict.errors).toEqual({ email: 'Diese E-Mail-Adresse ist bereits registriert' });
  });

  it('success messages too', async () => {
    const res = await register(
      { email: uniqueEmail('msg'), name: 'Success', password: GOOD_PASSWORD },
      'es-MX',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toBe('Usuario registrado correctamente');
  });

  it("a signed-in user's locale wins over Accept-Language", async () => {
    const user = await signUp(t.app);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: user.auth,
      payload: { locale: 'es' },
    });
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: { ...user.auth, 'accept-language': 'de' },
      payload: { name: '' },
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.message).toBe('La validación ha fallado');
    expect(body.errors).toEqual({ name: 'El campo Nombre es obligatorio' });
    const profile = await t.app.inject({
      url: '/api/users/profile',
      headers: { ...user.auth, 'accept-language': 'ar' },
    });
    expect(profile.json().message).toBe('Perfil');
    // Back to null: the browser's language again.
    await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: user.auth,
      payload: { locale: null },
    });
    const again = await t.app.inject({
      url: '/api/users/profile',
      headers: { ...user.auth, 'accept-language': 'ar' },
    });
    expect(again.json().message).toBe('الملف الشخصي');
  });
});
