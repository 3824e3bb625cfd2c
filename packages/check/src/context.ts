import { randomBytes } from 'node:crypto';
import { request, type HttpOptions, type HttpResponse, type RequestInit } from './http.js';

export interface CheckOptions {
  /** The deployment's public URL (the APP_URL). */
  url: string;
  /** Other instances of the same deployment, reached directly (not through the load balancer). */
  instances?: string[];
  /** An administrator, for the checks that need one (a throwaway OpenID client). */
  adminEmail?: string;
  adminPassword?: string;
  /** Extra CA certificate (PEM) to trust. */
  ca?: string;
  /** Per-request timeout, ms (default 10000). */
  timeoutMs?: number;
  /** Where plain HTTP is served for the redirect check (default: port 80 of the host). */
  httpUrl?: string;
  /** Failed sign-ins per account before 429 (RATE_LIMIT_LOGIN_ACCOUNT_MAX, default 10). */
  loginMax?: number;
}

/** A throwaway account: registered by the run, deleted at its end. */
export interface Throwaway {
  id: number;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** The sign-in answer (its cookies are checked). */
  login: HttpResponse;
}

interface Envelope {
  success?: boolean;
  code?: string;
  message?: string;
  data?: unknown;
}

export function envelope(res: HttpResponse): Envelope {
  return res.json && typeof res.json === 'object' ? (res.json as Envelope) : {};
}

/** Emails nobody can own (RFC 2606 `.invalid`), so a throwaway never reaches a real mailbox. */
export function throwawayEmail(): string {
  return `gatehouse-check+${randomBytes(6).toString('hex')}@example.invalid`;
}

/** What every check shares: the target, HTTP, the throwaway account and clean-up. */
export class Context {
  readonly base: string;
  readonly instances: string[];
  readonly http: HttpOptions;
  readonly loginMax: number;
  private accountPromise: Promise<Throwaway | string> | undefined;
  private adminPromise: Promise<string | null> | undefined;
  private discoveryPromise: Promise<HttpResponse | null> | undefined;
  private readonly cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
  /** Email of the login-limit run, shared by the limit checks (never a real account). */
  readonly limitEmail = throwawayEmail();
  limitReached: { attempts: number; response: HttpResponse } | null | undefined;

  constructor(readonly options: CheckOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.instances = (options.instances ?? []).map((u) => u.replace(/\/+$/, ''));
    this.http = { ca: options.ca, timeoutMs: options.timeoutMs ?? 10_000 };
    this.loginMax = options.loginMax ?? 10;
  }

  /** A request to the deployment (or to `base`, another instance). */
  fetch(path: string, init: RequestInit = {}, base = this.base): Promise<HttpResponse> {
    return request(base + path, init, this.http);
  }

  /**
   * A request to an absolute URL that follows up to `hops` redirects (for URLs the server
   * advertises, which a client would follow), except to a location `stop` accepts.
   */
  async fetchFollowing(
    url: string,
    init: RequestInit = {},
    stop: (location: string) => boolean = () => false,
    hops = 3,
  ): Promise<HttpResponse> {
    let target = url;
    for (let hop = 0; ; hop++) {
      const res = await this.fetch('', init, target);
      const location = res.headers.location;
      if (hop >= hops || res.status < 300 || res.status > 399 || !location) return res;
      const next = new URL(location, target).href;
      if (stop(next)) return res;
      target = next;
    }
  }

  /** Runs at the end of the run, newest first, whatever happened. */
  onCleanup(name: string, run: () => Promise<void>): void {
    this.cleanups.push({ name, run });
  }

  async cleanup(): Promise<string[]> {
    const errors: string[] = [];
    for (const step of this.cleanups.reverse()) {
      try {
        await step.run();
      } catch (err) {
        errors.push(`${step.name}: ${(err as Error).message}`);
      }
    }
    return errors;
  }

  /** POST /api/auth/login; the answer whatever its status. */
  login(email: string, password: string, headers: Record<string, string> = {}, base = this.base) {
    return this.fetch(
      '/api/auth/login',
      { method: 'POST', json: { email, password }, headers },
      base,
    );
  }

  /** The throwaway account, registered and signed in on first use; a string says why not. */
  account(): Promise<Throwaway | string> {
    this.accountPromise ??= this.createAccount().catch((err: Error) => err.message);
    return this.accountPromise;
  }

  private async createAccount(): Promise<Throwaway | string> {
    const email = throwawayEmail();
    const password = `Gc-${randomBytes(18).toString('base64url')}`;
    const registered = await this.fetch('/api/auth/register', {
      method: 'POST',
      json: { email, name: 'gatehouse check (throwaway)', password },
    });
    if (registered.status !== 201)
      return `registering a throwaway account answered ${registered.status} ${envelope(registered).code ?? ''}`.trim();
    const id = Number((envelope(registered).data as { id?: unknown } | undefined)?.id);
    this.onCleanup(`delete throwaway account ${email}`, () =>
      this.deleteAccount(id, email, password),
    );
    const login = await this.login(email, password);
    const data = envelope(login).data as
      { access_token?: string; refresh_token?: string; expires_in?: number } | undefined;
    if (login.status !== 200 || !data?.access_token)
      return `signing in the throwaway account answered ${login.status} ${envelope(login).code ?? ''} (with REQUIRE_EMAIL_VERIFICATION, give --admin-email so the run can clean up)`.trim();
    return {
      id,
      email,
      password,
      accessToken: data.access_token,
      refreshToken: data.refresh_token ?? '',
      expiresIn: Number(data.expires_in),
      login,
    };
  }

  /** Self-deletion with current_password (a fresh sign-in: checks may have ended the session); else the admin. */
  private async deleteAccount(id: number, email: string, password: string): Promise<void> {
    const login = await this.login(email, password);
    const token = (envelope(login).data as { access_token?: string } | undefined)?.access_token;
    const admin = token ? null : await this.adminToken();
    const bearer = token ?? admin;
    if (!bearer) throw new Error(`could not sign in to delete it (${login.status})`);
    const res = await this.fetch(`/api/users/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${bearer}` },
      json: token ? { current_password: password } : {},
    });
    if (res.status !== 200) throw new Error(`DELETE answered ${res.status}`);
  }

  /** An administrator's access token (signed out at the end), or null without --admin-email. */
  adminToken(): Promise<string | null> {
    this.adminPromise ??= (async () => {
      const { adminEmail, adminPassword } = this.options;
      if (!adminEmail || !adminPassword) return null;
      const res = await this.login(adminEmail, adminPassword);
      const token = (envelope(res).data as { access_token?: string } | undefined)?.access_token;
      if (res.status !== 200 || !token)
        throw new Error(`the administrator's sign-in answered ${res.status}`);
      this.onCleanup('sign the administrator out', async () => {
        await this.fetch('/api/auth/logout', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          json: {},
        });
      });
      return token;
    })();
    return this.adminPromise;
  }

  /** GET /.well-known/openid-configuration (null when it is not served). */
  discovery(): Promise<HttpResponse | null> {
    this.discoveryPromise ??= this.fetch('/.well-known/openid-configuration').then((res) =>
      res.status === 200 && res.json && typeof res.json === 'object' ? res : null,
    );
    return this.discoveryPromise;
  }
}
