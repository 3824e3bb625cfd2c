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
 * The plain-text part stays ASCII (no user-supplied text) with the link alone on its own line,
 * so the .eml files of development and end-to-end tests can be read with a simple line match.
 */
function textBody(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

function htmlBody(title: string, name: string, paragraphs: string[], link: string, action: string) {
  const href = escapeHtml(link);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328">',
    // The name is user-supplied: escaped so it can never become markup or a link.
    name ? `<p>Hello ${escapeHtml(name)},</p>` : '<p>Hello,</p>',
    ...paragraphs.map((p) => `<p>${p}</p>`),
    `<p><a href="${href}" style="display: inline-block; padding: 10px 16px; background: #1f6feb; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(action)}</a></p>`,
    `<p style="font-size: 13px; color: #57606a">If the button does not work, copy this address into your browser:<br>${href}</p>`,
    '</body></html>',
  ].join('\r\n');
}

/** The mail that confirms an address: valid 24 hours, single use. */
export function verificationMail(input: { name: string; link: string }): MailContent {
  const subject = 'Confirm your email address';
  return {
    subject,
    text: textBody([
      'Hello,',
      '',
      'Confirm your email address for your Gatehouse account by opening this link:',
      '',
      input.link,
      '',
      'The link is valid for 24 hours and works once.',
      'If you did not create an account, you can ignore this mail.',
    ]),
    html: htmlBody(
      subject,
      input.name,
      [
        'Confirm your email address for your Gatehouse account.',
        'The link is valid for 24 hours and works once.',
        'If you did not create an account, you can ignore this mail.',
      ],
      input.link,
      'Confirm email address',
    ),
  };
}

/** The mail that carries a password-reset link: valid 1 hour, single use. */
export function passwordResetMail(input: { name: string; link: string }): MailContent {
  const subject = 'Reset your password';
  return {
    subject,
    text: textBody([
      'Hello,',
      '',
      'Someone asked to reset the password of your Gatehouse account.',
      'To choose a new password, open this link:',
      '',
      input.link,
      '',
      'The link is valid for 1 hour and works once. Resetting signs you out everywhere.',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ]),
    html: htmlBody(
      subject,
      input.name,
      [
        'Someone asked to reset the password of your Gatehouse account.',
        'The link is valid for 1 hour and works once. Resetting signs you out everywhere.',
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ],
      input.link,
      'Choose a new password',
    ),
  };
}

/** The mail that invites someone into an organization: valid 7 days, single use. */
export function invitationMail(input: {
  organization: string;
  inviter: string;
  link: string;
}): MailContent {
  const subject = 'You are invited to join an organization on Gatehouse';
  return {
    subject,
    text: textBody([
      'Hello,',
      '',
      'You have been invited to join an organization on Gatehouse.',
      'To see the invitation and accept it, open this link:',
      '',
      input.link,
      '',
      'The link is valid for 7 days and works once. Sign in, or create an account,',
      'with the address this mail was sent to.',
      'If you did not expect this, you can ignore this mail.',
    ]),
    html: htmlBody(
      subject,
      'there',
      [
        // Both names are user-supplied: escaped so they can never become markup or a link.
        `${escapeHtml(input.inviter)} invited you to join <strong>${escapeHtml(input.organization)}</strong> on Gatehouse.`,
        'The link is valid for 7 days and works once. Sign in, or create an account, with the address this mail was sent to.',
        'If you did not expect this, you can ignore this mail.',
      ],
      input.link,
      'See the invitation',
    ),
  };
}

/**
 * The mail that signs in without a password: a link and a 6-digit code, both valid 15 minutes,
 * single use. The code stands alone on its own line of the plain-text part.
 */
export function emailSignInMail(input: { name: string; link: string; code: string }): MailContent {
  const subject = `Your Gatehouse sign-in code: ${input.code}`;
  return {
    subject,
    text: textBody([
      'Hello,',
      '',
      'To sign in to Gatehouse, open this link:',
      '',
      input.link,
      '',
      'Or enter this code on the sign-in page:',
      '',
      input.code,
      '',
      'The link and the code are valid for 15 minutes and work once.',
      'If you did not ask to sign in, ignore this mail: nobody can sign in without it.',
    ]),
    html: htmlBody(
      subject,
      input.name,
      [
        'To sign in to Gatehouse, use the button below or enter this code on the sign-in page:',
        `<strong style="font-size: 24px; letter-spacing: 4px">${escapeHtml(input.code)}</strong>`,
        'The link and the code are valid for 15 minutes and work once.',
        'If you did not ask to sign in, ignore this mail: nobody can sign in without it.',
      ],
      input.link,
      'Sign in',
    ),
  };
}
