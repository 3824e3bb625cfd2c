import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { AUDIT_EVENTS } from '../audit/events.js';
import type { AuditEventInput } from '../audit/repository.js';
import type { KeyStore } from '../auth/key-store.js';
import type { Database, OidcClientRow } from '../db/types.js';
import { findUserById } from '../users/repository.js';
import { createAdapterClass, linkSession } from './adapter.js';
import { FIRST_PARTY, firstPartyGrant } from './grants.js';
import {
  findStructured,
  jwtTokenLookup,
  STRUCTURED_MODELS,
  storedPayloadOf,
} from './jwt-access-tokens.js';
import { renderLogoutPage, renderPage } from './pages.js';

/** Scopes and the claims each one releases. */
export const OIDC_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'updated_at'],
  email: ['email', 'email_verified'],
  roles: ['role'],
} as const;
export const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'roles'] as const;

/** Where the web app finishes an interaction, and where its API reads the interaction cookie. */
export const INTERACTION_API_PATH = '/api/oidc/interaction';

/** What the login step stores in the interaction result besides oidc-provider's own fields. */
export interface GatehouseLogin {
  accountId: string;
  /** The Gatehouse session the person signed in with (revoking it ends what the app got). */
  gatehouseSessionId: number;
}

export interface OidcProviderDeps {
  db: Kysely<Database>;
  keys: KeyStore;
  issuer: string;
  /** The `aud` of the JWT access tokens issued for Gatehouse's API resource (JWT_AUDIENCE). */
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Reads a stored client (the app passes its invalidated cache); default: the database. */
  clientRow?: (clientId: string) => Promise<OidcClientRow | null>;
}

/** The audit event of tokens issued to a client. */
export function tokensIssuedEvent(
  clientId: string,
  grantType: string,
  accountId?: string,
): AuditEventInput {
  return {
    type: AUDIT_EVENTS.TOKENS_ISSUED,
    userId: accountId ? Number(accountId) : null,
    context: { ip: null, userAgent: null },
    details: { client_id: clientId, grant_type: grantType },
  };
}

/** SHA-256 of a client secret, as stored (secrets are 256-bit random, so no slow hash is needed). */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** The provider's signing keys (RS256 and EdDSA, signing ones first) from the encrypted key store. */
function jwksOf(keys: KeyStore) {
  return {
    keys: keys.signingKeys().map((key) => ({
      ...(key.privateKey.export({ format: 'jwk' }) as Record<string, unknown>),
      kid: key.kid,
      alg: key.alg,
      use: 'sig',
    })),
  };
}

/**
 * The audit event of the access token being stored, when the token endpoint issues it: it is
 * written by the statement that stores the token, so a token and its audit event exist together
 * or not at all.
 */
function issuedAtTokenEndpoint(token: Record<string, unknown>): AuditEventInput | undefined {
  const ctx = Provider.ctx;
  const grantType = ctx?.oidc?.params?.grant_type;
  if (ctx?.oidc?.route !== 'token' || typeof grantType !== 'string') return undefined;
  const accountId = typeof token.accountId === 'string' ? token.accountId : undefined;
  return tokensIssuedEvent(String(token.clientId), grantType, accountId);
}

/** The Gatehouse login of the interaction this request resumes, if it resolved one. */
function resumedLogin(): GatehouseLogin | null {
  const ctx = Provider.ctx;
  const login = ctx?.oidc?.entities.Interaction?.result?.login as GatehouseLogin | undefined;
  return login?.gatehouseSessionId ? login : null;
}

/** An oidc-provider instance configured for Gatehouse: PostgreSQL storage, key store keys, web-app interactions. */
export function createOidcProvider(deps: OidcProviderDeps): Provider {
  const { db } = deps;
  const PostgresAdapter = createAdapterClass(db, {
    clientRow: deps.clientRow,
    // Before anything of a resumed sign-in is stored, link its session to the Gatehouse session.
    async beforeUpsert(sessionUid) {
      const login = resumedLogin();
      if (login)
        await linkSession(db, sessionUid, login.gatehouseSessionId, Number(login.accountId));
    },
  });
  /** The PostgreSQL adapter; a JWT access token's row is found as jwt-access-tokens.ts says. */
  class Adapter extends PostgresAdapter {
    constructor(private readonly model: string) {
      super(model);
    }

    /** An access token (opaque or JWT, client credentials included) is stored with its audit event. */
    override async upsert(
      id: string,
      payload: Record<string, unknown>,
      expiresIn?: number,
    ): Promise<void> {
      // The access token models (the token endpoint issues exactly one access token per grant).
      const audit = STRUCTURED_MODELS.has(this.model) ? issuedAtTokenEndpoint(payload) : undefined;
      return super.upsert(id, payload, expiresIn, audit);
    }

    override async find(id: string): Promise<Record<string, unknown> | undefined> {
      return STRUCTURED_MODELS.has(this.model)
        ? findStructured(id, (key) => super.find(key))
        : super.find(id);
    }
  }
  // The resource indicator of Gatehouse's API: its tokens are JWTs with `aud` JWT_AUDIENCE.
  const apiResource = new URL(deps.issuer).href;

  const configuration: Configuration = {
    adapter: Adapter,
    clients: [],
    async findAccount(_ctx, id) {
      const userId = Number(id);
      if (!Number.isSafeInteger(userId) || userId <= 0) return undefined;
      const user = await findUserById(db, userId);
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: user.name,
            updated_at: Math.floor(user.updated_at.getTime() / 1000),
            email: user.email,
            email_verified: user.email_verified,
            role: user.role,
          };
        },
      };
    },
    // The account's role, in the token (JWT) or its introspection answer, when `roles` was granted.
    async extraTokenClaims(_ctx, token) {
      if (!('accountId' in token) || !token.accountId || !token.scopes.has('roles'))
        return undefined;
      const user = await findUserById(db, Number(token.accountId));
      return user ? { role: user.role } : undefined;
    },
    extraClientMetadata: { properties: [FIRST_PARTY] },
    claims: Object.fromEntries(Object.entries(OIDC_CLAIMS).map(([k, v]) => [k, [...v]])),
    scopes: [...OIDC_SCOPES],
    responseTypes: ['code'],
    // No client_secret_jwt: the secret is stored hashed, so it can verify a secret but not an HMAC.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      id_token_signed_response_alg: 'RS256',
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    enabledJWA: {
      // Asymmetric only: HS256 would need the client secret in clear.
      idTokenSigningAlgValues: ['RS256', 'EdDSA'],
      userinfoSigningAlgValues: ['RS256', 'EdDSA'],
      introspectionSigningAlgValues: ['RS256', 'EdDSA'],
      authorizationSigningAlgValues: ['RS256', 'EdDSA'],
      requestObjectSigningAlgValues: ['RS256', 'EdDSA'],
      clientAuthSigningAlgValues: ['RS256', 'EdDSA'],
    },
    jwks: jwksOf(deps.keys),
    formats: {
      customizers: {
        // Runs before a JWT access token is signed: store it (see jwt-access-tokens.ts), with
        // its audit event as for an opaque access token (see Adapter.upsert).
        async jwt(_ctx, token, { payload }) {
          const ttl = Number(payload.exp) - Number(payload.iat);
          await new Adapter(token.kind).upsert(
            String(payload.jti),
            storedPayloadOf(token, payload),
            ttl,
          );
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // An app that asks for `resource=<issuer>` at authorization gets JWT access tokens for
        // Gatehouse's API (for every token of that grant, refreshes included); without it, an
        // opaque token for UserInfo. Client credentials are for an API: they always get the JWT.
        async defaultResource(ctx, _client, oneOf) {
          if (oneOf) return oneOf;
          return ctx.oidc.params?.grant_type === 'client_credentials' ? apiResource : undefined;
        },
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (URL.parse(resourceIndicator)?.href !== apiResource) throw new errors.InvalidTarget();
          return {
            scope: OIDC_SCOPES.join(' '),
            audience: deps.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: deps.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'EdDSA' } },
          };
        },
      },
      introspection: {
        enabled: true,
        // Resource servers are confidential clients and may ask about any token; a public client
        // only about its own.
        async allowedPolicy(_ctx, client, token) {
          return client.clientAuthMethod !== 'none' || token.clientId === client.clientId;
        },
      },
      revocation: {
        enabled: true,
        // A client ends only tokens issued to it.
        async allowedPolicy(_ctx, client, token) {
          return token.clientId === client.clientId;
        },
      },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: renderLogoutPage,
        async postLogoutSuccessSource(ctx) {
          renderPage(ctx, 'Signed out', '<h1>Signed out</h1><p>You are signed out.</p>');
        },
      },
    },
    routes: {
      authorization: '/oidc/auth',
      token: '/oidc/token',
      userinfo: '/oidc/me',
      revocation: '/oidc/token/revocation',
      introspection: '/oidc/token/introspection',
      end_session: '/oidc/session/end',
      pushed_authorization_request: '/oidc/request',
      registration: '/oidc/reg',
      code_verification: '/oidc/device',
      device_authorization: '/oidc/device/auth',
      backchannel_authentication: '/oidc/backchannel',
      challenge: '/oidc/challenge',
      credential: '/oidc/credential',
      // The one JWKS of Gatehouse (served by its own route, with the same public keys).
      jwks: '/.well-known/jwks.json',
    },
    interactions: {
      url(_ctx, interaction) {
        return interaction.prompt.name === 'login'
          ? `/sign-in?interaction=${encodeURIComponent(interaction.uid)}`
          : `/consent/${encodeURIComponent(interaction.uid)}`;
      },
    },
    cookies: {
      long: { httpOnly: true, sameSite: 'lax' },
      // The interaction cookie must reach the web app's interaction API, not the page it lands on.
      short: { httpOnly: true, sameSite: 'lax', path: INTERACTION_API_PATH },
    },
    rotateRefreshToken: true,
    async loadExistingGrant(ctx) {
      const grantId =
        (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId ??
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      return firstPartyGrant(ctx);
    },
    ttl: {
      AccessToken: deps.accessTokenTtlSeconds,
      ClientCredentials: deps.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: deps.accessTokenTtlSeconds,
      Interaction: 3600,
      Grant: deps.refreshTokenTtlSeconds,
      Session: deps.refreshTokenTtlSeconds,
      RefreshToken: deps.refreshTokenTtlSeconds,
    },
    async renderError(ctx, out) {
      const rows = Object.entries(out)
        .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
        .join('');
      renderPage(ctx, 'Sign-in failed', `<h1>Sign-in failed</h1><dl>${rows}</dl>`);
    },
  };

  const provider = new Provider(deps.issuer, configuration);
  // Every URL the provider writes derives from the issuer: the feature pins Host and
  // X-Forwarded-Proto to it on each request (see feature.ts), never from what a client sent.
  provider.proxy = true;
  provider.use(
    jwtTokenLookup(deps.keys, [
      configuration.routes!.introspection!,
      configuration.routes!.revocation!,
    ]),
  );
  // Secrets are stored as SHA-256 hashes: compare the hash of what the client sent, in constant time.
  provider.Client.prototype.compareClientSecret = function compare(actual: string) {
    const expected = Buffer.from(String(this.clientSecret ?? ''));
    const given = Buffer.from(hashClientSecret(actual));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  return provider;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
