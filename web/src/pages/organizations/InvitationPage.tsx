import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { organizationsApi } from '../../api/organizations';
import { useAuth } from '../../auth/context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { signInPath } from '../../lib/returnTo';
import { forgetToken, useTokenFromUrl } from '../verify/tokenFromUrl';
import { roleLabel } from './roleLabel';

const STORAGE_KEY = 'gatehouse-invitation-token';
const PATH = '/invitations/accept';
const noFields = {} as const;

const isInvalid = (error: unknown) =>
  error instanceof ApiError && (error.code === 'INVITATION_INVALID' || 'token' in error.errors);

/**
 * The link from an invitation mail. Loading shows what it offers; only the "Join" button spends
 * it (mail scanners open links). Signed out, it offers to sign in or register first.
 */
export function InvitationPage() {
  const token = useTokenFromUrl(STORAGE_KEY);
  const { status, user } = useAuth();
  const navigate = useNavigate();
  const preview = useResource(
    () => (token ? organizationsApi.lookupInvitation(token) : Promise.resolve(null)),
    [token],
  );
  const form = useForm(noFields);
  const [spent, setSpent] = useState(false);
  const invalid = !token || spent || isInvalid(preview.error) || preview.data === null;
  usePageTitle(
    invalid
      ? t('invitation.invalid.title')
      : preview.data
        ? t('invitation.title', { name: preview.data.organization.name })
        : t('invitation.loading'),
  );

  const join = form.onSubmit(
    async () => {
      if (!token) return;
      const org = await organizationsApi.acceptInvitation(token);
      forgetToken(STORAGE_KEY);
      navigate(`/organizations/${org.id}`);
    },
    {
      onError: (error) => {
        if (isInvalid(error)) {
          forgetToken(STORAGE_KEY);
          setSpent(true);
          return true;
        }
        return false;
      },
    },
  );

  if (invalid)
    return (
      <>
        <PageHeading key="invalid">{t('invitation.invalid.title')}</PageHeading>
        <p>{t('invitation.invalid.body')}</p>
        <p className="actions">
          <Link className="button button--secondary" to="/">
            {t('invitation.home')}
          </Link>
        </p>
      </>
    );
  if (preview.error) return <LoadError error={preview.error} onRetry={preview.reload} />;
  if (!preview.data || status === 'loading') return <Skeleton lines={3} />;
  const offer = preview.data;

  return (
    <>
      <PageHeading>{t('invitation.title', { name: offer.organization.name })}</PageHeading>
      <p>
        {t('invitation.body', {
          name: offer.organization.name,
          role: roleLabel(offer.role),
          email: offer.email,
        })}
      </p>
      {status === 'authenticated' ? (
        <>
          <p className="field__hint">{t('invitation.signedInAs', { email: user?.email ?? '' })}</p>
          <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
          <form noValidate onSubmit={join} aria-busy={form.pending || undefined}>
            <SubmitButton
              label={t('invitation.join', { name: offer.organization.name })}
              pendingLabel={t('invitation.joining')}
              pending={form.pending}
              blocked={form.rateLimited}
            />
          </form>
        </>
      ) : (
        <>
          <p>{t('invitation.signInFirst', { email: offer.email })}</p>
          <p className="actions">
            <Link className="button button--primary" to={signInPath(PATH)}>
              {t('invitation.signIn')}
            </Link>
            <Link className="button button--secondary" to="/register">
              {t('invitation.register')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
