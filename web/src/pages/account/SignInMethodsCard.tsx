import { useState } from 'react';
import { Link } from 'react-router-dom';
import { socialApi, type LinkedIdentity } from '../../api/social';
import { LoadError } from '../../components/LoadError';
import { Skeleton } from '../../components/Skeleton';
import type { StatusMessage } from '../../components/Status';
import { AbsoluteTime, RelativeTime } from '../../components/Time';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { errorText } from '../../lib/errorCopy';

interface Props {
  email: string;
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

/**
 * "Sign-in methods": the password (or how to set one) and linked provider accounts with "Unlink",
 * disabled with the reason when it is the account's last way in.
 */
export function SignInMethodsCard({ email, announce }: Props) {
  const methods = useResource(() => socialApi.methods(), []);
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const unlink = async (identity: LinkedIdentity) => {
    if (pending !== null) return;
    setPending(identity.id);
    setError(null);
    try {
      await socialApi.unlink(identity.id);
      announce(t('methods.unlinked', { provider: identity.provider_name }));
      methods.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(null);
    }
  };

  const data = methods.data;
  const lastWayIn = data ? data.ways_in <= 1 : false;
  return (
    <section className="card panel" aria-labelledby="sign-in-methods-title">
      <h2 id="sign-in-methods-title" className="panel__title">
        {t('methods.title')}
      </h2>
      <p className="muted">{t('methods.intro')}</p>
      {methods.error ? (
        <LoadError error={methods.error} onRetry={methods.reload} />
      ) : !data ? (
        <Skeleton lines={2} label={t('methods.loading')} />
      ) : (
        <>
          {data.password ? (
            <p>{t('methods.password.set')}</p>
          ) : (
            <p>
              {t('methods.password.none')}{' '}
              <Link to="/forgot-password" state={{ email }}>
                {t('methods.password.set.link')}
              </Link>
            </p>
          )}
          {error && <p role="alert">{error}</p>}
          {data.identities.length === 0 ? (
            <p>{t('methods.none')}</p>
          ) : (
            <ul className="sessions" aria-busy={methods.loading || undefined}>
              {data.identities.map((identity) => {
                const nameId = `identity-${identity.id}-name`;
                const reasonId = `identity-${identity.id}-reason`;
                return (
                  <li key={identity.id} className="session">
                    <div className="session__body">
                      <p className="session__device" id={nameId}>
                        <strong>{identity.provider_name}</strong>
                        {identity.email ? <span className="break"> · {identity.email}</span> : null}
                      </p>
                      <p className="session__meta">
                        <T
                          k="methods.linked"
                          values={{ date: <AbsoluteTime iso={identity.created_at} /> }}
                        />
                        <span aria-hidden="true"> · </span>
                        {identity.last_used_at ? (
                          <T
                            k="methods.lastUsed"
                            values={{ date: <RelativeTime iso={identity.last_used_at} /> }}
                          />
                        ) : (
                          t('methods.neverUsed')
                        )}
                      </p>
                      {lastWayIn && (
                        <p className="session__meta" id={reasonId}>
                          {t('methods.lastWayIn')}
                        </p>
                      )}
                    </div>
                    <button
                      type="button"
                      className="button button--danger-outline button--small session__action"
                      disabled={lastWayIn}
                      aria-describedby={lastWayIn ? `${nameId} ${reasonId}` : nameId}
                      aria-disabled={pending === identity.id || undefined}
                      onClick={() => void unlink(identity)}
                    >
                      {pending === identity.id ? t('methods.unlinking') : t('methods.unlink')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
