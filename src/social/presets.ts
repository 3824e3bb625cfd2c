import type { SocialProviderInput } from '../config/schema.js';

export type Preset = SocialProviderInput['preset'];

interface PresetDefaults {
  /** Shown as "Continue with <name>" unless the provider names itself. */
  name: string | null;
  /** OpenID Connect (ID token, nonce, discovery) or plain OAuth 2.0 (GitHub). */
  openid: boolean;
  scopes: string;
  issuer?: (input: { tenant?: string | undefined }) => string;
  endpoints?: { authorization: string; token: string; api: string };
}

/** What each preset fills in; every endpoint can be overridden per provider. */
export const PRESETS: Record<Preset, PresetDefaults> = {
  oidc: { name: null, openid: true, scopes: 'openid email profile' },
  google: {
    name: 'Google',
    openid: true,
    scopes: 'openid email profile',
    issuer: () => 'https://accounts.google.com',
  },
  microsoft: {
    name: 'Microsoft',
    openid: true,
    scopes: 'openid email profile',
    // One directory: the multi-tenant "common" endpoint has no single issuer to check tokens against.
    issuer: ({ tenant }) => `https://login.microsoftonline.com/${tenant ?? ''}/v2.0`,
  },
  github: {
    name: 'GitHub',
    openid: false,
    scopes: 'read:user user:email',
    endpoints: {
      authorization: 'https://github.com/login/oauth/authorize',
      token: 'https://github.com/login/oauth/access_token',
      api: 'https://api.github.com',
    },
  },
};

/**
 * What is wrong with a provider's settings beyond its schema, by field (empty when nothing):
 * the fields its preset needs, and https everywhere unless `allowHttp` (tests).
 */
export function providerProblems(
  input: SocialProviderInput,
  allowHttp: boolean,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.preset === 'oidc' && !input.issuer)
    problems.issuer = 'An OpenID provider needs its issuer';
  if (input.preset === 'microsoft' && !input.tenant)
    problems.tenant = 'Microsoft needs the directory (tenant) id';
  const urls: [string, string | undefined][] = [
    ['issuer', input.issuer],
    ...Object.entries(input.endpoints ?? {}).map(
      ([name, url]) => [`endpoints.${name}`, url] as [string, string | undefined],
    ),
  ];
  for (const [field, url] of urls) {
    if (url === undefined) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems[field] = 'Not a URL';
      continue;
    }
    if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:'))
      problems[field] = 'Must be an https URL';
  }
  return problems;
}

/** The name on the button. */
export function displayNameOf(input: SocialProviderInput): string {
  return input.name ?? PRESETS[input.preset].name ?? input.id;
}
