import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { App } from '../../src/http/types.js';

export interface ReceivedMail {
  /** MAIL FROM */
  from: string;
  /** RCPT TO, as the server saw them */
  to: string[];
  raw: string;
  messageId: string | null;
}

/** A real SMTP server in the test process that keeps every message it accepts. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** 'reject' answers 451 after the whole message was transmitted (a failure at the last step). */
  mode: 'accept' | 'reject' = 'accept';
  rejected = 0;
  private server: SMTPServer | null = null;
  port = 0;

  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts listening (again), on the same port after a stop() unless told otherwise. */
  async listen(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.mode === 'reject') {
            this.rejected += 1;
            const err = Object.assign(new Error('Temporary failure, try again later'), {
              responseCode: 451,
            });
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: header(raw, 'Message-ID'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening: connections are refused until listen() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  /**
   * Asks `app` for a password-reset mail to a just-registered address (its verification mail
   * arrives first) and returns the token of the reset link.
   */
  async resetTokenFor(app: App, email: string): Promise<string> {
    await this.waitForMail(email);
    await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email } });
    return linkIn((await this.waitForMail(email, 2)).raw, 'reset-password').token;
  }

  /** Waits until `count` mails went to this address; returns the newest. */
  async waitForMail(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = this.mailsTo(address);
      if (mails.length >= count) return mails[mails.length - 1]!;
      if (Date.now() > deadline)
        throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms`);
      await sleep(25);
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** The value of a top-level header (unfolded). */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match ? match[1]!.trim() : null;
}

/** The link alone on its line in the text part, and its token (the way the e2e tests read .eml files). */
export function linkIn(raw: string, page: 'verify-email' | 'reset-password') {
  const match = new RegExp(`^(https?://\\S+/${page}\\?token=([A-Za-z0-9_-]+))\\r?$`, 'm').exec(raw);
  if (!match) throw new Error(`no ${page} link in mail:\n${raw}`);
  return { link: match[1]!, token: match[2]! };
}
