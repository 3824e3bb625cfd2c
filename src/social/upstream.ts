import * as oauth from 'openid-client';
import { PRESETS, type Preset } from './presets.js';

/** A configured provider, from SOCIAL_PROVIDERS or added at run time, secret unsealed. */
export interface Provider {
  id: string;
  preset: Preset;
  displayName: string;
  source: 'env' | 'admin';
  clientId: string;
  clientSecret: string | null;
  issuer: string | null;
  scopes: string;
  storeTokens: boolean;
  endpoints: Partial<Record<'authorization' | 'token' | 'userinfo' | 'api', string>>;
}

/** What the upstream says about the person, once the code is exchanged. */
export interface UpstreamProfile {
  subject: string;
  email: string | null;
  /** True only when the provider itself says the address is verified. */
  emailVerified: boolean;
  name: string | null;
  tokens: { access_token: string; refresh_token?: string; id_token?: string; expires_in?: number };
}

/** Where the redirect goes and what the callback must check: kept server-side until it returns. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string | null;
  codeVerifier: string;
}

export interface UpstreamOptions {
  /** SOCIAL_ALLOW_HTTP: plain-http providers (tests on loopback). */
  allowHttp: boolean;
  timeoutSeconds?: number;
}

/** The upstream half of social sign-in: openid-client does every protocol step. */
export function createUpstream(options: UpstreamOptions) {
  const configurations = new Map<string, Promise<oauth.Configuration>>();
  const timeout = options.timeoutSeconds ?? 10;

  const clientAuth = (provider: Provider) =>
    provider.clientSecret === null ? oauth.None() : oauth.ClientSecretPost(provider.clientSecret);

  const finish = (config: oauth.Configuration) => {
    if (options.allowHttp) oauth.allowInsecureRequests(config);
    config.timeout = timeout;
    return config;
  };

  async function build(provider: Provider): Promise<oauth.Configuration> {
    const preset = PRESETS[provider.preset];
    const { endpoints } = provider;
    let config: oauth.Configuration;
    if (preset.openid) {
      const discovered = await oauth.discovery(
        new URL(provider.issuer!),
        provider.clientId,
        undefined,
        clientAuth(provider),
        { execute: options.allowHttp ? [oauth.allowInsecureRequests] : [], timeout },
      );
      if (!endpoints.authorization && !endpoints.token && !endpoints.userinfo)
        return finish(discovered);
      // The discovered document (without its helper method), with the overridden endpoints.
      const metadata: Record<string, unknown> = { ...discovered.serverMetadata() };
      delete metadata.supportsPKCE;
      config = new oauth.Configuration(
        {
          ...(metadata as oauth.ServerMetadata),
          ...(endpoints.authorization ? { authorization_endpoint: endpoints.authorization } : {}),
          ...(endpoints.token ? { token_endpoint: endpoints.token } : {}),
          ...(endpoints.userinfo ? { userinfo_endpoint: endpoints.userinfo } : {}),
        },
        provider.clientId,
        undefined,
        clientAuth(provider),
      );
    } else {
      // OAuth 2.0 without discovery (GitHub): the preset's endpoints, each overridable.
      const defaults = preset.endpoints!;
      config = new oauth.Configuration(
        {
          issuer: new URL(endpoints.authorization ?? defaults.authorization).origin,
          authorization_endpoint: endpoints.authorization ?? defaults.authorization,
          token_endpoint: endpoints.token ?? defaults.token,
        },
        provider.clientId,
        undefined,
        clientAuth(provider),
      );
    }
    return finish(config);
  }

  /** The provider's client configuration (discovery once per provider settings). */
  function configurationOf(provider: Provider): Promise<oauth.Configuration> {
    const key = JSON.stringify(provider);
    let config = configurations.get(key);
    if (!config) {
      config = build(provider);
      configurations.set(key, config);
      // A failed discovery is tried again next time.
      config.catch(() => configurations.delete(key));
    }
    return config;
  }

  /** A fresh state, nonce (OpenID only) and PKCE verifier, and the URL to send the browser to. */
  async function authorizationRequest(
    provider: Provider,
    redirectUri: string,
  ): Promise<AuthorizationRequest> {
    const config = await configurationOf(provider);
    const codeVerifier = oauth.randomPKCECodeVerifier();
    const state = oauth.randomState();
    const nonce = PRESETS[provider.preset].openid ? oauth.randomNonce() : null;
    const url = oauth.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: provider.scopes,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...(nonce ? { nonce } : {}),
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code of the callback (checking state, nonce, PKCE and the ID token) and reads
   * who the person is. Throws on any refusal.
   */
  async function complete(
    provider: Provider,
    callbackUrl: URL,
    redirectUri: string,
    expected: { state: string; nonce: string | null; codeVerifier: string },
  ): Promise<UpstreamProfile> {
    const config = await configurationOf(provider);
    const openid = PRESETS[provider.preset].openid;
    const tokens = await oauth.authorizationCodeGrant(
      config,
      callbackUrl,
      {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        ...(expected.nonce ? { expectedNonce: expected.nonce } : {}),
        idTokenExpected: openid,
      },
      { redirect_uri: redirectUri },
    );
    const kept = {
      access_token: tokens.access_token,
      ...(tokens.refresh_token ? { refresh_token: tokens.refresh_token } : {}),
      ...(tokens.id_token ? { id_token: tokens.id_token } : {}),
      ...(tokens.expires_in !== undefined ? { expires_in: tokens.expires_in } : {}),
    };
    if (!openid)
      return { ...(await githubProfile(provider, config, tokens.access_token)), tokens: kept };
    const claims = tokens.claims()!;
    let info: Record<string, unknown> = claims;
    // Many providers put email in the userinfo answer only.
    if (claims.email === undefined && config.serverMetadata().userinfo_endpoint)
      info = { ...(await oauth.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    const email = typeof info.email === 'string' ? info.email : null;
    return {
      subject: claims.sub,
      email,
      emailVerified: email !== null && info.email_verified === true,
      name: typeof info.name === 'string' ? info.name : null,
      tokens: kept,
    };
  }

  /** GitHub: the account from /user, the address from /user/emails (primary and verified only). */
  async function githubProfile(
    provider: Provider,
    config: oauth.Configuration,
    accessToken: string,
  ): Promise<Omit<UpstreamProfile, 'tokens'>> {
    const api = (provider.endpoints.api ?? PRESETS.github.endpoints!.api).replace(/\/$/, '');
    const get = async (path: string) => {
      const response = await oauth.fetchProtectedResource(
        config,
        accessToken,
        new URL(`${api}${path}`),
        'GET',
        undefined,
        new Headers({ accept: 'application/vnd.github+json', 'user-agent': 'Gatehouse' }),
      );
      if (!response.ok) throw new Error(`GitHub ${path} answered ${response.status}`);
      return (await response.json()) as unknown;
    };
    const user = (await get('/user')) as { id?: unknown; name?: unknown; login?: unknown };
    if (typeof user.id !== 'number' && typeof user.id !== 'string')
      throw new Error('GitHub /user has no id');
    const emails = (await get('/user/emails')) as unknown;
    const primary = Array.isArray(emails)
      ? (emails as { email?: unknown; primary?: unknown; verified?: unknown }[]).find(
          (e) => e.primary === true && typeof e.email === 'string',
        )
      : undefined;
    return {
      subject: String(user.id),
      email: primary ? (primary.email as string) : null,
      emailVerified: primary?.verified === true,
      name:
        typeof user.name === 'string'
          ? user.name
          : typeof user.login === 'string'
            ? user.login
            : null,
    };
  }

  return { authorizationRequest, complete };
}

export type Upstream = ReturnType<typeof createUpstream>;
