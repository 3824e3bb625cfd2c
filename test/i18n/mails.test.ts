import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, GOOD_PASSWORD, login, uniqueEmail, type TestApp } from '../helpers/app.js';
import { FAST_MAIL_ENV } from '../email/env.js';
import { eventually, header } from '../email/smtp-sink.js';

// Mails in the recipient's language, read from the .eml outbox (no SMTP_URL) the way the browser
// journeys read them: subject, the link alone on its line of the text part, <html lang dir>.

let t: TestApp;
let outbox: string;

beforeAll(async () => {
  t = await buildTestApp({ ...FAST_MAIL_ENV, EMAIL_SIGN_UP: 'true' });
  outbox = path.join(t.dataDir, 'outbox');
});
afterAll(async () => {
  await t?.close();
});

/** RFC 2047 encoded words (nodemailer's non-ASCII subjects). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

interface Mail {
  raw: string;
  subject: string;
  text: string;
  html: string;
}

/** One part's decoded body, by its Content-Type. */
function part(raw: string, type: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) throw new Error('not multipart');
  for (const chunk of raw.split(`--${boundary}`)) {
    const [head = '', ...rest] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    if (!new RegExp(`^Content-Type: ${type}`, 'im').test(head)) continue;
    const body = rest.join('\r\n\r\n');
    const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
    return body;
  }
  throw new Error(`no ${type} part`);
}

function mailsTo(email: string): Mail[] {
  let names: string[];
  try {
    names = readdirSync(outbox).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.eml'))
    .map((name) => readFileSync(path.join(outbox, name), 'utf8'))
    .filter((raw) => header(raw, 'To') === email)
    .map((raw) => ({
      raw,
      subject: decodeWords(header(raw, 'Subject') ?? ''),
      text: part(raw, 'text/plain'),
      html: part(raw, 'text/html'),
    }));
}

const mailTo = (email: string, count = 1) =>
  eventually(() => mailsTo(email)[count - 1], 10_000, `mail #${count} to ${email}`);

const LINK = (page: string) =>
  new RegExp(`^https?://\\S+/${page}\\?token=[A-Za-z0-9_-]+\\r?$`, 'm');

const LANGUAGES = {
  en: {
    verify: 'Confirm your email address',
    verifyLine: 'Confirm your email address for your Gatehouse account by opening this link:',
    reset: 'Reset your password',
    signIn: 'Your Gatehouse sign-in code:',
    invitation: 'You are invited to join an organization on Gatehouse',
    dir: 'ltr',
  },
  de: {
    verify: 'Bestätigen Sie Ihre E-Mail-Adresse',
    verifyLine:
      'Bestätigen Sie die E-Mail-Adresse Ihres Gatehouse-Kontos, indem Sie diesen Link öffnen:',
    reset: 'Setzen Sie Ihr Passwort zurück',
    signIn: 'Ihr Anmeldecode für Gatehouse:',
    invitation: 'Sie sind eingeladen, einer Organisation auf Gatehouse beizutreten',
    dir: 'ltr',
  },
  es: {
    verify: 'Confirma tu dirección de correo electrónico',
    verifyLine:
      'Confirma la dirección de correo electrónico de tu cuenta de Gatehouse abriendo este enlace:',
    reset: 'Restablece tu contraseña',
    signIn: 'Tu código de inicio de sesión de Gatehouse:',
    invitation: 'Te han invitado a unirte a una organización en Gatehouse',
    dir: 'ltr',
  },
  ar: {
    verify: 'أكّد عنوان بريدك الإلكتروني',
    verifyLine: 'أكّد عنوان البريد الإلكتروني لحسابك في Gatehouse بفتح هذا الرابط:',
    reset: 'إعادة تعيين كلمة المرور',
    signIn: 'رمز تسجيل الدخول إلى Gatehouse:',
    invitation: 'أنت مدعو للانضمام إلى مؤسسة على Gatehouse',
    dir: 'rtl',
  },
} as const;
type Language = keyof typeof LANGUAGES;

async function register(language: string, name = '<b>Ana & Co</b>') {
  const email = uniqueEmail('mail');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    headers: { 'accept-language': language },
    payload: { email, name, password: GOOD_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { email, id: res.json().data.id as number };
}

describe.each(Object.keys(LANGUAGES) as Language[])('mails in %s', (locale) => {
  const expected = LANGUAGES[locale];

  it('verification (registration): subject, text with the link alone on its line, html lang/dir', async () => {
    const user = await register(`${locale}-XX,en;q=0.1`);
    const mail = await mailTo(user.email);
    expect(mail.subject).toBe(expected.verify);
    expect(mail.text).toContain(expected.verifyLine);
    expect(mail.text).toMatch(LINK('verify-email'));
    expect(mail.raw).toMatch(LINK('verify-email'));
    expect(mail.html).toContain(`<html lang="${locale}" dir="${expected.dir}">`);
    // The user-supplied name is escaped in the HTML part and absent from the text part.
    expect(mail.html).toContain('&lt;b&gt;Ana &amp; Co&lt;/b&gt;');
    expect(mail.text).not.toContain('Ana');
  });

  it("password reset: in the user's language whatever the request's", async () => {
    const user = await register(locale);
    await mailTo(user.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      headers: { 'accept-language': locale === 'de' ? 'es' : 'de' },
      payload: { email: user.email },
    });
    expect(res.statusCode).toBe(200);
    const mail = await mailTo(user.email, 2);
    expect(mail.subject).toBe(expected.reset);
    expect(mail.raw).toMatch(LINK('reset-password'));
    expect(mail.html).toContain(`dir="${expected.dir}"`);
  });

  it('email sign-in for an address without an account: the request language, code on its line', async () => {
    const email = uniqueEmail('signup');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-sign-in',
      headers: { 'accept-language': locale },
      payload: { email },
    });
    expect(res.statusCode).toBe(200);
    const mail = await mailTo(email);
    const code = /^(\d{6})\r?$/m.exec(mail.text)?.[1];
    expect(code).toBeDefined();
    expect(mail.subject).toBe(`${expected.signIn} ${code}`);
    expect(mail.raw).toMatch(LINK('email-sign-in'));
    expect(mail.html).toContain(`<html lang="${locale}"`);
  });

  it("invitation to an address without an account: the inviter's language", async () => {
    // The inviter's request language: their own locale (set at registration) wins over the header.
    const owner = await register(locale);
    const signedIn = await login(t.app, owner.email, GOOD_PASSWORD);
    const org = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: signedIn.auth,
      payload: { name: 'Acme <Tools>' },
    });
    expect(org.statusCode, org.body).toBe(201);
    const invitee = uniqueEmail('invitee');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/organizations/${org.json().data.id}/invitations`,
      headers: { ...signedIn.auth, 'accept-language': locale === 'en' ? 'de' : 'en' },
      payload: { email: invitee },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = await mailTo(invitee);
    expect(mail.subject).toBe(expected.invitation);
    expect(mail.raw).toMatch(LINK('invitations/accept'));
    expect(mail.html).toContain('<strong>Acme &lt;Tools&gt;</strong>');
    expect(mail.html).toContain(`dir="${expected.dir}"`);
  });
});

it("an invitation to someone with an account is in the invitee's language", async () => {
  const owner = await register('ar');
  const invitee = await register('de');
  await mailTo(invitee.email);
  const signedIn = await login(t.app, owner.email, GOOD_PASSWORD);
  const org = await t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: signedIn.auth,
    payload: { name: 'Mixed' },
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/organizations/${org.json().data.id}/invitations`,
    headers: { ...signedIn.auth, 'accept-language': 'ar' },
    payload: { email: invitee.email },
  });
  const mail = await mailTo(invitee.email, 2);
  expect(mail.subject).toBe(LANGUAGES.de.invitation);
});

it('an email sign-up stores the language of the request that completes it', async () => {
  const email = uniqueEmail('signup-locale');
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/email-sign-in',
    headers: { 'accept-language': 'es' },
    payload: { email },
  });
  const mail = await mailTo(email);
  const code = /^(\d{6})\r?$/m.exec(mail.text)![1];
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/email-sign-in/verify',
    headers: { 'accept-language': 'es' },
    payload: { email, code },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().data.user.locale).toBe('es');
});
