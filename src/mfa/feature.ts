import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import { createCurrentPasswordCheck } from '../auth/reauth.js';
import type { PasswordHasher } from '../auth/passwords.js';
import type { Database } from '../db/types.js';
import { deriveSealingKey } from '../email/sealed.js';
import type { Feature } from '../http/types.js';
import type { SessionService } from '../sessions/service.js';
import type { Limits } from '../state/limits.js';
import type { SharedState } from '../state/port.js';
import type { EmitEvent } from '../webhooks/events.js';
import { createMfaTokens } from './mfa-tokens.js';
import { registerMfaRoutes } from './routes.js';
import { createMfaService, type MfaService } from './service.js';

export interface MfaFeatureDeps {
  db: Kysely<Database>;
  state: SharedState;
  hasher: PasswordHasher;
  sessions: SessionService;
  limits: Limits;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
  emitEvent: EmitEvent;
  invalidateUser: (userId: number) => Promise<void>;
  /** KEY_ENCRYPTION_KEY (32 bytes): TOTP secrets are sealed under a key derived from it. */
  keyEncryptionKey: Buffer;
  tokenSecret: string;
  appUrl: string;
  issuer: string;
  refreshTokenTtlSeconds: number;
  mfaTokenTtlSeconds: number;
  requiredForAdmins: boolean;
}

/** Two-step verification (TOTP + recovery codes) and the second step of password sign-in. */
export function createMfaFeature(deps: MfaFeatureDeps): Feature & { service: MfaService } {
  const service = createMfaService({
    ...deps,
    tokens: createMfaTokens({ state: deps.state, ttlSeconds: deps.mfaTokenTtlSeconds }),
    assertCurrentPassword: createCurrentPasswordCheck(deps),
    sealingKey: deriveSealingKey(deps.keyEncryptionKey, 'gatehouse totp secrets v1'),
  });
  return {
    service,
    routes: (app) =>
      registerMfaRoutes(app, {
        service,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
        appUrl: deps.appUrl,
        refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
      }),
  };
}
