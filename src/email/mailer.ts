import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Logger } from 'pino';

/** One mail as the worker hands it over: fixed Message-ID and Date so a retry is the same message. */
export interface OutgoingMail {
  id: number;
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
}

export interface Mailer {
  readonly mode: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  logger: Logger;
  /** Development only: the .eml mode logs each mail's links so a developer can click through. */
  logLinks: boolean;
}

// RFC 5322 allows 998 octets per line; nodemailer would fold at 76 (quoted-printable or base64).
const MAX_LINE_OCTETS = 998;

/**
 * The text part as a raw MIME part, unencoded, so the link stays whole on its own line
 * (quoted-printable would split it with soft line breaks and turn "=" into "=3D"): 7bit when it is
 * ASCII (English), 8bit UTF-8 otherwise (other languages; every current SMTP server takes 8BITMIME).
 */
function textPart(text: string): Mail.Options['text'] {
  // The templates put no user-supplied text (nor any control character) into the text part.
  const shortLines = text
    .split(/\r?\n/)
    .every((line) => Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS);
  if (!shortLines) return text;
  const encoding = /^[\x20-\x7e\r\n]*$/.test(text) ? '7bit' : '8bit';
  const body = text.replace(/\r?\n/g, '\r\n');
  return {
    raw: `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}`,
  };
}

function messageOptions(from: string, mail: OutgoingMail): Mail.Options {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    messageId: `<${mail.messageId}>`,
    date: mail.createdAt,
    text: textPart(mail.text),
    html: mail.html,
  };
}

/** Sortable, file-system-safe name: `<created>-<id>.eml`. */
export function emlFileName(mail: Pick<OutgoingMail, 'id' | 'createdAt'>): string {
  return `${mail.createdAt.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
}

function linksIn(text: string): string[] {
  return text.match(/^https?:\/\/\S+$/gm) ?? [];
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise each mail becomes an .eml file in the outbox folder. */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from, logger } = options;
  if (smtpUrl) {
    // Timeouts well inside the worker's claim lease, so a hung server never lets two workers overlap.
    const transport: Transporter = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      mode: 'smtp',
      async send(mail) {
        await transport.sendMail(messageOptions(from, mail));
      },
      close: () => transport.close(),
    };
  }

  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    mode: 'file',
    async send(mail) {
      const info = await transport.sendMail(messageOptions(from, mail));
      await mkdir(options.outboxDir, { recursive: true });
      const file = path.join(options.outboxDir, emlFileName(mail));
      // Written whole under a temporary name and renamed: a reader never sees half a file.
      const temporary = path.join(options.outboxDir, `.${emlFileName(mail)}.tmp`);
      await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      await rename(temporary, file);
      // A reset link in a log store is as good as a password: logged in development only.
      const links = options.logLinks ? { links: linksIn(mail.text) } : {};
      logger.info(
        { to: mail.to, subject: mail.subject, file, ...links },
        'mail written to the outbox folder (no SMTP_URL)',
      );
    },
    close: () => transport.close(),
  };
}
