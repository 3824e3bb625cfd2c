import { createHmac } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { AppError } from '../errors/app-error.js';
import type { Feature } from '../http/types.js';
import type { Metrics } from '../ops/metrics.js';
import { limitAddress, limitEmail } from './client-address.js';
import { GlobalLimiter } from './global-limiter.js';
import { createLoginThrottle } from './login-throttle.js';
import { createRateLimiter, type WindowLimit } from './rate-limiter.js';
import { createMemoryState } from './memory.js';
import type { SharedState } from './port.js';
import { createStateGuard } from './state-guard.js';

const HOUR = 3600;
const MINUTE = 60;
/** The global limit covers the API; the web app's static files, docs, health and metrics are not counted. */
const API_PATH = /^\/api(?:[/?]|$)/;

/** Rate limits and brute-force protection, as the features that count attempts see them. */
export interface Limits {
  /** preHandlers per rate-limited route. */
  guards: Partial<
    Record<
      'register' | 'login' | 'refresh' | 'forgotPassword' | 'resendVerification',
      preHandlerAsyncHookHandler
    >
  >;
  /**
   * Before checking a password: reserves one failure for the account and the address, then throws
   * AppError RATE_LIMITED (429 + Retry-After) or delays the attempt. Exactly one of the three
   * calls below must follow once the attempt ends.
   */
  beforeLogin(email: string, ip: string | null): Promise<void>;
  /** The password was wrong (the reserved failure stays counted). */
  loginFailed(email: string, ip: string | null): Promise<void>;
  /** The password was right: resets the account's failures. */
  loginSucceeded(email: string, ip: string | null): Promise<void>;
  /** The attempt ended before the password was judged (503 shed, database error): gives it back. */
  loginAborted(email: string, ip: string | null): Promise<void>;
  /**
   * Before mail goes to `recipient` at the request of `ip`: counts it against the per-address and
   * per-recipient mail limits (shared with forgot-password), or throws RATE_LIMITED past either.
   */
  beforeMail(recipient: string, ip: string | null): Promise<void>;
}

export interface LimitsDeps {
  config: Config;
  state: SharedState;
  metrics: Metrics;
  logger: Logger;
}

/**
 * Rate limits and brute-force protection over shared state (Redis, or memory for one instance):
 * the limits, defaults and reasons are described in docs/rate-limits.md.
 */
export function createLimits(deps: LimitsDeps): Limits & Feature {
  const { config, metrics, state } = deps;
  // Per-instance counters for while Redis is down (fail open): limits stay on, per instance.
  const local = createMemoryState();
  const guard = createStateGuard({
    logger: deps.logger,
    shared: state,
    local,
    failOpen: config.RATE_LIMIT_FAIL_OPEN,
    onError: (operation) => metrics.sharedStateErrors.inc({ operation }),
  });
  // Keys never hold an email or address in clear: Redis dumps and monitors would otherwise
  // collect them. TOKEN_SECRET is shared by every instance, so their keys agree.
  const hashKey = (identity: string) =>
    createHmac('sha256', config.TOKEN_SECRET)
      .update(`rate-limit\0${identity}`)
      .digest('base64url')
      .slice(0, 22);
  const onLimited = (limiter: string) => metrics.rateLimited.inc({ limiter });

  const limiter = createRateLimiter({ guard, hashKey, onLimited });
  const login = createLoginThrottle({
    accountMax: config.RATE_LIMIT_LOGIN_ACCOUNT_MAX,
    addressMax: config.RATE_LIMIT_LOGIN_IP_MAX,
    windowSeconds: config.RATE_LIMIT_LOGIN_WINDOW_SECONDS,
    slowdownAfter: config.RATE_LIMIT_LOGIN_SLOWDOWN_AFTER,
    guard,
    hashKey,
    onLimited: (name) => {
      onLimited(name);
      metrics.logins.inc({ outcome: 'limited' });
    },
  });
  const global = new GlobalLimiter({
    max: config.RATE_LIMIT_GLOBAL_PER_MINUTE,
    windowSeconds: MINUTE,
    state,
    guard,
    hashKey,
  });

  const perAddress = (limit: WindowLimit) => async (request: FastifyRequest) => {
    await limiter.hit(limit, limitAddress(request.ip));
  };
  const register: WindowLimit = {
    name: 'register',
    max: config.RATE_LIMIT_REGISTER_PER_HOUR,
    windowSeconds: HOUR,
  };
  const refresh: WindowLimit = {
    name: 'refresh',
    max: config.RATE_LIMIT_REFRESH_PER_MINUTE,
    windowSeconds: MINUTE,
  };
  // forgot-password and resend-verification share one allowance per address: both send mail.
  const mailPerAddress: WindowLimit = {
    name: 'email_address',
    max: config.RATE_LIMIT_EMAIL_PER_HOUR,
    windowSeconds: HOUR,
  };
  // Per recipient as well: a botnet could otherwise flood one inbox from many addresses.
  const mailPerRecipient: WindowLimit = {
    name: 'email_recipient',
    max: config.RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR,
    windowSeconds: HOUR,
  };

  const beforeMail = async (recipient: string, ip: string | null) => {
    await limiter.hit(mailPerAddress, limitAddress(ip));
    await limiter.hit(mailPerRecipient, `email:${limitEmail(recipient)}`);
  };

  return {
    guards: {
      register: perAddress(register),
      refresh: perAddress(refresh),
      async forgotPassword(request) {
        const email = (request.body as { email?: unknown } | null | undefined)?.email;
        if (typeof email === 'string') await beforeMail(email, request.ip);
        else await limiter.hit(mailPerAddress, limitAddress(request.ip));
      },
      // Runs after authenticate when the route requires it: then the user is limited too.
      async resendVerification(request) {
        await limiter.hit(mailPerAddress, limitAddress(request.ip));
        if (request.auth) await limiter.hit(mailPerRecipient, `user:${request.auth.userId}`);
      },
    },
    beforeLogin: login.beforeLogin,
    loginFailed: login.loginFailed,
    loginSucceeded: login.loginSucceeded,
    loginAborted: login.loginAborted,
    // Email changes send a verification mail to the new address: counted like forgot-password.
    beforeMail,

    routes(app) {
      // onRequest: refused before the body is read or parsed, so a flood costs as little as possible.
      // A callback, like the app's other per-request hooks: no promise per request.
      app.addHook('onRequest', (request, _reply, done) => {
        if (!API_PATH.test(request.url)) return done();
        const retryAfterSeconds = global.hit(limitAddress(request.ip));
        if (retryAfterSeconds === undefined) return done();
        onLimited('global');
        done(new AppError('RATE_LIMITED', { retryAfterSeconds }));
      });
    },
    start() {
      global.start();
    },
    async stop() {
      global.stop();
      await local.close();
    },
  };
}
