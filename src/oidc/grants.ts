import type { Grant, KoaContextWithOIDC } from 'oidc-provider';

/** The client metadata property that marks a first-party client (one that skips consent). */
export const FIRST_PARTY = 'first_party';

/**
 * loadExistingGrant for first-party clients: they skip consent, so the grant covers whatever
 * they ask for. Other clients get undefined (oidc-provider then asks for consent).
 */
export async function firstPartyGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const client = ctx.oidc.client!;
  const accountId = ctx.oidc.session!.accountId;
  if ((client as unknown as Record<string, unknown>)[FIRST_PARTY] !== true || !accountId)
    return undefined;
  const grant = new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
  const scope = String(ctx.oidc.params!.scope ?? 'openid');
  grant.addOIDCScope(scope);
  // And the scopes of the resource it asks for (Gatehouse's API: JWT access tokens).
  for (const server of Object.values(ctx.oidc.resourceServers ?? {}))
    grant.addResourceScope(
      server.identifier(),
      scope
        .split(' ')
        .filter((s) => server.scopes.has(s))
        .join(' '),
    );
  await grant.save();
  return grant;
}

/** What the consent prompt found missing (oidc-provider's prompt details). */
export interface MissingConsent {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

/** Adds what the person just allowed to the grant (new or existing) and saves it; returns its id. */
export async function saveConsent(grant: Grant, missing: MissingConsent): Promise<string> {
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '));
  return grant.save();
}
