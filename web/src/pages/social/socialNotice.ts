import type { SocialProvider } from '../../api/social';
import { t } from '../../i18n';

const REASONS = ['state', 'denied', 'failed', 'email_unverified'] as const;
type Reason = (typeof REASONS)[number];

/** The provider's name for a callback's `provider` parameter (its id when unknown). */
export function providerName(providers: SocialProvider[] | undefined, id: string | null): string {
  return providers?.find((p) => p.id === id)?.name ?? t('social.providerFallback');
}

/**
 * What the sign-in page says after a provider's callback: why it was refused, or that the person
 * must sign in to link (null: nothing to say).
 */
export function socialNotice(
  params: URLSearchParams,
  providers: SocialProvider[] | undefined,
): { kind: 'error'; text: string } | { kind: 'link'; provider: string } | null {
  const provider = providerName(providers, params.get('provider'));
  if (params.get('social') === 'link') return { kind: 'link', provider };
  const reason = params.get('social_error');
  if (!reason) return null;
  const known = (REASONS as readonly string[]).includes(reason) ? (reason as Reason) : 'failed';
  return { kind: 'error', text: t(`social.error.${known}`, { provider }) };
}
