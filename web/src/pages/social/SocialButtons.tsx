import { useState } from 'react';
import { startUrl, type SocialProvider } from '../../api/social';
import { t } from '../../i18n';

/** One "Continue with <provider>" button per configured provider (none: nothing at all). */
export function SocialButtons({
  providers,
  returnTo,
}: {
  providers: SocialProvider[];
  returnTo: string | null;
}) {
  const [leaving, setLeaving] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className="social-sign-in">
      <p className="divider" aria-hidden="true">
        {t('signIn.or')}
      </p>
      <ul className="social-sign-in__list">
        {providers.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className="button button--secondary button--block"
              aria-disabled={leaving !== null || undefined}
              onClick={() => {
                if (leaving) return;
                setLeaving(provider.id);
                // A full navigation: the server redirects to the provider.
                window.location.assign(startUrl(provider.id, returnTo));
              }}
            >
              {t('social.continueWith', { provider: provider.name })}
            </button>
          </li>
        ))}
      </ul>
      <div role="status" className="visually-hidden">
        {leaving
          ? t('social.redirecting', {
              provider: providers.find((p) => p.id === leaving)?.name ?? '',
            })
          : null}
      </div>
    </div>
  );
}
