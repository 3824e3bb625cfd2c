import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { KeyStore } from '../auth/key-store.js';
import type { Database } from '../db/types.js';
import type { App } from '../http/types.js';
import type { LiveSessionCache } from '../sessions/live-session-cache.js';
import { findClientRow } from './adapter.js';
import { createClientService } from './clients.js';
import { createConnectedApps } from './connected-apps.js';
import { createInteractionService } from './interactions.js';
import { createOidcProvider, type OidcProviderDeps } from './provider.js';
import { registerOidcRoutes } from './routes.js';

export interface OidcDeps {
  db: Kysely<Database>;
  keys: KeyStore;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** The instance's invalidated cache: clients are read on every token and introspection request. */
  cache: LiveSessionCache;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
}

/** Pages oidc-provider renders itself (errors, sign-out) have inline style and no script. */
const PROVIDER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/** The provider, rebuilt when the key store loads other keys (rotation), so it signs with the new ones. */
function providerHolder(deps: OidcProviderDeps) {
  let version = '';
  let provider: Provider;
  let callback: (req: IncomingMessage, res: ServerResponse) => unknown;
  return {
    get(): Provider {
      if (version !== deps.keys.version) {
        provider = createOidcProvider(deps);
        callback = provider.callback();
        version = deps.keys.version;
      }
      return provider;
    },
    callback() {
      this.get();
      return callback;
    },
  };
}

/** OpenID provider: protocol endpoints under /oidc, discovery, clients, sign-in and consent API. */
export function createOidcFeature(deps: OidcDeps) {
  const { db, cache } = deps;
  const holder = providerHolder({
    clientRow: (clientId) =>
      cache.record('oidc-client', clientId, () => findClientRow(db, clientId)),
    db,
    keys: deps.keys,
    issuer: deps.issuer,
    audience: deps.audience,
    accessTokenTtlSeconds: deps.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
  });
  const provider = () => holder.get();
  const clients = createClientService({
    db,
    validate: (metadata) => provider().Client.validate(metadata as never),
    onChanged: (clientId) => cache.invalidateRecord('oidc-client', clientId),
  });
  const interactions = createInteractionService({ db, provider });
  const connectedApps = createConnectedApps({ db });

  const issuer = new URL(deps.issuer);
  function handOver(request: FastifyRequest, reply: FastifyReply): void {
    reply.hijack();
    // Endpoint URLs, cookie security and redirects follow the configured issuer, whatever Host
    // header or proxy headers the request carried.
    request.raw.headers.host = issuer.host;
    request.raw.headers['x-forwarded-host'] = issuer.host;
    request.raw.headers['x-forwarded-proto'] = issuer.protocol.slice(0, -1);
    reply.raw.setHeader('x-content-type-options', 'nosniff');
    reply.raw.setHeader('referrer-policy', 'no-referrer');
    reply.raw.setHeader('x-frame-options', 'DENY');
    reply.raw.setHeader('content-security-policy', PROVIDER_CSP);
    reply.raw.setHeader('x-request-id', request.id);
    holder.callback()(request.raw, reply.raw);
  }

  return {
    clients,
    provider,
    routes(app: App): void {
      // oidc-provider is a Koa app: it reads the body itself, so these routes leave it unparsed.
      void app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
        scope.route({
          method: ['GET', 'POST', 'OPTIONS', 'DELETE', 'PUT', 'HEAD'],
          url: '/oidc/*',
          schema: { hide: true },
          handler: handOver,
        });
        scope.route({
          method: ['GET', 'OPTIONS', 'HEAD'],
          url: '/.well-known/openid-configuration',
          schema: { tags: ['openid'], summary: 'OpenID Connect discovery document' },
          handler: handOver,
        });
      });
      registerOidcRoutes(app, {
        interactions,
        clients,
        connectedApps,
        authenticate: deps.authenticate,
        requireAdmin: deps.requireAdmin,
      });
    },
  };
}

export type OidcFeature = ReturnType<typeof createOidcFeature>;
