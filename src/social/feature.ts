import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { SecondStepChallenge } from '../auth/service.js';
import type { RequestContext } from '../audit/repository.js';
import type { SocialProviderInput } from '../config/schema.js';
import type { Database, UserRow } from '../db/types.js';
import { deriveSealingKey } from '../email/sealed.js';
import type { Feature } from '../http/types.js';
import type { SessionService } from '../sessions/service.js';
import type { SharedState } from '../state/port.js';
import { registerSocialRoutes } from './routes.js';
import { createSocialService, type SocialService } from './service.js';
import { createUpstream } from './upstream.js';

export interface SocialFeatureDeps {
  db: Kysely<Database>;
  state: SharedState;
  sessions: SessionService;
  invalidateUser: (userId: number) => Promise<void>;
  keyEncryptionKey: Buffer;
  envProviders: readonly SocialProviderInput[];
  allowHttp: boolean;
  appUrl: string;
  refreshTokenTtlSeconds: number;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
  guard?: preHandlerAsyncHookHandler | undefined;
  secondStep?: (user: UserRow, context: RequestContext) => Promise<SecondStepChallenge | null>;
}

/** The key provider client secrets are sealed with (also used by the CLI). */
export function providerSecretKey(keyEncryptionKey: Buffer): Buffer {
  return deriveSealingKey(keyEncryptionKey, 'gatehouse social provider secrets v1');
}

/** `${APP_URL}/api/auth/oauth/<id>/callback`: the redirect URI to register at the provider. */
export function callbackUrlOf(appUrl: string) {
  const base = appUrl.replace(/\/$/, '');
  return (providerId: string) => `${base}/api/auth/oauth/${providerId}/callback`;
}

/** Social sign-in through upstream OpenID Connect / OAuth 2.0 providers. */
export function createSocialFeature(deps: SocialFeatureDeps): Feature & { service: SocialService } {
  const redirectUriOf = callbackUrlOf(deps.appUrl);
  const service = createSocialService({
    db: deps.db,
    state: deps.state,
    sessions: deps.sessions,
    upstream: createUpstream({ allowHttp: deps.allowHttp }),
    invalidateUser: deps.invalidateUser,
    envProviders: deps.envProviders,
    allowHttp: deps.allowHttp,
    secretKey: providerSecretKey(deps.keyEncryptionKey),
    tokenKey: deriveSealingKey(deps.keyEncryptionKey, 'gatehouse social tokens v1'),
    redirectUriOf,
    secondStep: deps.secondStep,
  });
  return {
    service,
    routes: (app) =>
      registerSocialRoutes(app, {
        service,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
        appUrl: deps.appUrl,
        refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
        redirectUriOf,
        guard: deps.guard,
      }),
  };
}
