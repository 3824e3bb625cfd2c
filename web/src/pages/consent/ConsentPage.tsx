import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { oidcApi } from '../../api/oidc';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { useResource } from '../../hooks/useResource';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { scopeText } from '../../lib/scopes';

/** `/consent/:uid`: an application asks for access; the person allows or denies it. */
export function ConsentPage() {
  const { uid = '' } = useParams();
  const details = useResource(() => oidcApi.interaction(uid), [uid]);
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('oidc.consent.title'));

  const answer = (allow: boolean) => {
    setPending(allow);
    setError(null);
    oidcApi.consent(uid, allow).then(
      ({ redirect_to }) => window.location.assign(redirect_to),
      (reason: unknown) => {
        setPending(null);
        setError(reason);
      },
    );
  };

  // A first-party application is trusted by its owner: nothing to ask.
  const firstParty = details.data?.client.first_party === true;
  useEffect(() => {
    if (firstParty) answer(true);
    // Answers once, when the details arrive.
  }, [firstParty]);

  if (details.error) return <LoadError error={details.error} onRetry={details.reload} />;
  if (!details.data || firstParty) return <PageLoading />;
  const app = details.data.client.name;
  return (
    <>
      <PageHeading>{t('oidc.consent.heading', { app })}</PageHeading>
      <p>{t('oidc.consent.intro', { app })}</p>
      <ul className="consent__scopes">
        {details.data.scopes.map((scope) => (
          <li key={scope}>{scopeText(scope)}</li>
        ))}
      </ul>
      {error ? <p role="alert">{errorText(error)}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={pending !== null}
          onClick={() => answer(true)}
        >
          {pending === true ? t('oidc.consent.allowing') : t('oidc.consent.allow')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={pending !== null}
          onClick={() => answer(false)}
        >
          {t('oidc.consent.deny')}
        </button>
      </div>
    </>
  );
}
