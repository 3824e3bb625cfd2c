import { randomBytes } from 'node:crypto';
import { envelope } from '../context.js';
import { header } from '../http.js';
import { decodeJwt, unsignedCopy } from '../jwt.js';
import { fail, pass, warn, type Check } from '../types.js';

const DOCS = 'docs/operations.md#check-oidc';
/** OpenID Connect Discovery 1.0, section 3: REQUIRED provider metadata. */
const REQUIRED = [
  'issuer',
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'response_types_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
];
/** A redirect target nobody owns: the authorization request never reaches a real application. */
const REDIRECT_URI = 'https://gatehouse-check.invalid/callback';

type Metadata = Record<string, unknown>;

export const oidcChecks: Check[] = [
  {
    group: 'oidc',
    id: 'oidc.metadata',
    title: 'The required discovery metadata is there',
    advice:
      'Relying parties configure themselves from /.well-known/openid-configuration: let it through the proxy unchanged, and set APP_URL (the issuer) to the public address.',
    docs: DOCS,
    async run(ctx) {
      const discovery = await ctx.discovery();
      if (!discovery) return warn('no discovery document at /.well-known/openid-configuration');
      const metadata = discovery.json as Metadata;
      const missing = REQUIRED.filter((name) => metadata[name] === undefined);
      if (missing.length > 0) return fail(`missing ${missing.join(', ')}`);
      const algs = metadata.id_token_signing_alg_values_supported;
      if (Array.isArray(algs) && algs.includes('none'))
        return fail('id_token_signing_alg_values_supported includes none');
      return pass(`issuer ${String(metadata.issuer)}, ${REQUIRED.length} required fields`);
    },
  },
  {
    group: 'oidc',
    id: 'oidc.pkce',
    title: 'PKCE is required for public clients',
    advice:
      'Without PKCE an intercepted authorization code of a browser or mobile app can be redeemed by anyone: register such apps as public clients (gatehouse clients create --public) and keep S256 the only method.',
    docs: DOCS,
    async run(ctx) {
      const discovery = await ctx.discovery();
      if (!discovery) return warn('no discovery document');
      const metadata = discovery.json as Metadata;
      const methods = metadata.code_challenge_methods_supported;
      if (!Array.isArray(methods) || !methods.includes('S256'))
        return fail('code_challenge_methods_supported lacks S256');
      if (methods.includes('plain')) return fail('the plain PKCE method is offered');
      const admin = await ctx.adminToken();
      if (!admin)
        return warn(
          'S256 only is advertised; give --admin-email to prove a public client is refused without PKCE',
        );
      // A throwaway public client, deleted at the end.
      const created = await ctx.fetch('/api/admin/clients', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        json: { name: 'gatehouse check (throwaway)', redirect_uris: [REDIRECT_URI], public: true },
      });
      const clientId = (envelope(created).data as { client_id?: string } | undefined)?.client_id;
      if (created.status !== 201 || !clientId)
        return warn(`could not register a throwaway public client (${created.status})`);
      ctx.onCleanup(`delete throwaway client ${clientId}`, async () => {
        const res = await ctx.fetch(`/api/admin/clients/${clientId}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${admin}` },
        });
        if (res.status !== 200) throw new Error(`DELETE answered ${res.status}`);
      });
      const authorize = new URL(String(metadata.authorization_endpoint));
      authorize.search = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: REDIRECT_URI,
        state: randomBytes(8).toString('hex'),
      }).toString();
      // Follows a scheme redirect in front of the endpoint, never the answer to the application.
      const res = await ctx.fetchFollowing(authorize.href, {}, (next) =>
        next.startsWith(REDIRECT_URI),
      );
      const location = header(res, 'location');
      const error = location ? new URL(location, authorize).searchParams.get('error') : null;
      const description = location
        ? (new URL(location, authorize).searchParams.get('error_description') ?? '')
        : '';
      if (error === 'invalid_request' && /code_challenge|pkce/i.test(description))
        return pass(`without code_challenge: ${error} (${description})`);
      if (res.status === 400 && /code_challenge|pkce/i.test(res.text))
        return pass('without code_challenge: refused');
      return fail(
        `an authorization request without code_challenge answered ${res.status}${location ? ` to ${location.slice(0, 120)}` : ''}`,
      );
    },
  },
  {
    group: 'oidc',
    id: 'oidc.alg-none',
    title: '`alg: none` is refused',
    advice:
      'A verifier that accepts unsigned tokens lets anyone become anyone: Gatehouse pins its algorithms; if this fails, a component in front of the API verifies tokens itself and must pin them too.',
    docs: DOCS,
    async run(ctx) {
      const account = await ctx.account();
      if (typeof account === 'string') return warn(`not checked: ${account}`);
      const jwt = decodeJwt(account.accessToken);
      const unsigned = unsignedCopy(jwt);
      const variants = [unsigned, `${unsigned}${jwt.signature.toString('base64url')}`];
      for (const token of variants) {
        const res = await ctx.fetch('/api/users/profile', {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 401) return fail(`an alg: none token answered ${res.status}`);
      }
      // The genuine token still works: the 401s above came from the algorithm, not a dead session.
      const genuine = await ctx.fetch('/api/users/profile', {
        headers: { authorization: `Bearer ${account.accessToken}` },
      });
      if (genuine.status !== 200)
        return warn(`inconclusive: the genuine token answered ${genuine.status} too`);
      return pass('alg: none answered 401 (the genuine token 200)');
    },
  },
];
