import type { UserIdentityRow } from '../db/types.js';
import type { Provider } from './upstream.js';

export function toIdentityResponse(identity: UserIdentityRow & { providerName: string }) {
  return {
    id: identity.id,
    provider: identity.provider,
    provider_name: identity.providerName,
    email: identity.email,
    created_at: identity.created_at.toISOString(),
    last_used_at: identity.last_used_at ? identity.last_used_at.toISOString() : null,
  };
}

/** Never the client secret. */
export function toProviderResponse(provider: Provider, callbackUrl: string) {
  return {
    id: provider.id,
    name: provider.displayName,
    preset: provider.preset,
    source: provider.source,
    issuer: provider.issuer,
    client_id: provider.clientId,
    scopes: provider.scopes,
    store_tokens: provider.storeTokens,
    callback_url: callbackUrl,
  };
}
