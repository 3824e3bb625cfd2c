import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, formatMessage, type MessageKey, type MessageValues } from '../i18n/catalog.js';
import { directionOf, type Locale } from '../i18n/locales.js';

/** One rendered mail: subject, plain-text and HTML bodies. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** `${APP_URL}/<page>?token=…`: the web page spends the token only when the user confirms. */
export function pageLink(appUrl: string, page: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/${page}?token=${encodeURIComponent(token)}`;
}

/**
 * The plain-text part carries no user-supplied text, and the link (and a sign-in code) stands alone
 * on its own line, so the .eml files of development and end-to-end tests can be read with a simple
 * line match. English keeps it ASCII; other languages are UTF-8, sent unencoded (mailer.ts).
 */
function textBody(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/** The mail's sentences in one language (src/i18n/<locale>/mail.ts). */
function sayIn(locale: Locale) {
  return (key: MessageKey, values?: MessageValues) => formatMessage(locale, key, values);
}

function htmlBody(
  locale: Locale,
  content: { title: string; name: string; paragraphs: string[]; link: string; action: string },
) {
  const say = sayIn(locale);
  const href = escapeHtml(content.link);
  return [
    '<!doctype html>',
    `<html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(content.title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328">',
    // The name is user-supplied: escaped so it can never become markup or a link.
    `<p>${content.name ? escapeHtml(say('mail.greetingName', { name: content.name })) : escapeHtml(say('mail.greeting'))}</p>`,
    ...content.paragraphs.map((p) => `<p>${p}</p>`),
    `<p><a href="${href}" style="display: inline-block; padding: 10px 16px; background: #1f6feb; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(content.action)}</a></p>`,
    `<p style="font-size: 13px; color: #57606a">${escapeHtml(say('mail.copyLink'))}<br>${href}</p>`,
    '</body></html>',
  ].join('\r\n');
}

/** The mail that confirms an address: valid 24 hours, single use. */
export function verificationMail(
  locale: Locale,
  input: { name: string; link: string },
): MailContent {
  const say = sayIn(locale);
  const subject = say('mail.verification.subject');
  return {
    subject,
    text: textBody([
      say('mail.greeting'),
      '',
      say('mail.verification.openLink'),
      '',
      input.link,
      '',
      say('mail.verification.validity'),
      say('mail.verification.ignore'),
    ]),
    html: htmlBody(locale, {
      title: subject,
      name: input.name,
      paragraphs: [
        say('mail.verification.intro'),
        say('mail.verification.validity'),
        say('mail.verification.ignore'),
      ].map(escapeHtml),
      link: input.link,
      action: say('mail.verification.action'),
    }),
  };
}

/** The mail that carries a password-reset link: valid 1 hour, single use. */
export function passwordResetMail(
  locale: Locale,
  input: { name: string; link: string },
): MailContent {
  const say = sayIn(locale);
  const subject = say('mail.reset.subject');
  return {
    subject,
    text: textBody([
      say('mail.greeting'),
      '',
      say('mail.reset.intro'),
      say('mail.reset.openLink'),
      '',
      input.link,
      '',
      say('mail.reset.validity'),
      say('mail.reset.ignore'),
    ]),
    html: htmlBody(locale, {
      title: subject,
      name: input.name,
      paragraphs: [
        say('mail.reset.intro'),
        say('mail.reset.validity'),
        say('mail.reset.ignore'),
      ].map(escapeHtml),
      link: input.link,
      action: say('mail.reset.action'),
    }),
  };
}

/** The mail that invites someone into an organization: valid 7 days, single use. */
export function invitationMail(
  locale: Locale,
  input: { organization: string; inviter: string; link: string },
): MailContent {
  const say = sayIn(locale);
  const subject = say('mail.invitation.subject');
  // Both names are user-supplied: escaped so they can never become markup or a link. The catalog's
  // text holds no markup but its one tag, <b>, which becomes <strong> (the catalog check sees to it).
  const intro = new IntlMessageFormat(CATALOGS[locale]['mail.invitation.intro'], locale).format({
    inviter: escapeHtml(input.inviter),
    organization: escapeHtml(input.organization),
    b: (chunks: unknown[]) => `<strong>${chunks.join('')}</strong>`,
  }) as string | unknown[];
  return {
    subject,
    text: textBody([
      say('mail.greeting'),
      '',
      say('mail.invitation.invited'),
      say('mail.invitation.openLink'),
      '',
      input.link,
      '',
      say('mail.invitation.validity'),
      say('mail.invitation.ignore'),
    ]),
    html: htmlBody(locale, {
      title: subject,
      name: '',
      paragraphs: [
        Array.isArray(intro) ? intro.join('') : intro,
        escapeHtml(say('mail.invitation.validity')),
        escapeHtml(say('mail.invitation.ignore')),
      ],
      link: input.link,
      action: say('mail.invitation.action'),
    }),
  };
}

/**
 * The mail that signs in without a password: a link and a 6-digit code, both valid 15 minutes,
 * single use. The code stands alone on its own line of the plain-text part.
 */
export function emailSignInMail(
  locale: Locale,
  input: { name: string; link: string; code: string },
): MailContent {
  const say = sayIn(locale);
  const subject = say('mail.emailSignIn.subject', { code: input.code });
  return {
    subject,
    text: textBody([
      say('mail.greeting'),
      '',
      say('mail.emailSignIn.openLink'),
      '',
      input.link,
      '',
      say('mail.emailSignIn.orCode'),
      '',
      input.code,
      '',
      say('mail.emailSignIn.validity'),
      say('mail.emailSignIn.ignore'),
    ]),
    html: htmlBody(locale, {
      title: subject,
      name: input.name,
      paragraphs: [
        escapeHtml(say('mail.emailSignIn.intro')),
        `<strong style="font-size: 24px; letter-spacing: 4px">${escapeHtml(input.code)}</strong>`,
        escapeHtml(say('mail.emailSignIn.validity')),
        escapeHtml(say('mail.emailSignIn.ignore')),
      ],
      link: input.link,
      action: say('mail.emailSignIn.action'),
    }),
  };
}
