import { useUser } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { authApi } from '../../api/auth';
import { t } from '../../i18n';
import { ChangePasswordCard } from './ChangePasswordCard';
import { ConnectedAppsCard } from './ConnectedAppsCard';
import { PasskeysCard } from './PasskeysCard';
import { SessionsCard } from './SessionsCard';
import { SignInMethodsCard } from './SignInMethodsCard';
import { TwoStepCard } from './mfa/TwoStepCard';

export function SecurityPage() {
  const user = useUser();
  const status = useStatus();
  const sessions = useResource(() => authApi.sessions(), []);
  usePageTitle(t('security.title'));

  return (
    <>
      <PageHeading>{t('security.title')}</PageHeading>
      <p className="lead">{t('security.intro')}</p>
      <StatusRegion message={status.message} />
      <ChangePasswordCard
        email={user.email}
        userId={user.id}
        onChanged={() => {
          status.announce(t('password.changed'));
          sessions.reload();
        }}
      />
      <TwoStepCard announce={status.announce} onEnabled={sessions.reload} />
      <PasskeysCard announce={status.announce} />
      <SignInMethodsCard email={user.email} announce={status.announce} />
      <SessionsCard sessions={sessions} announce={status.announce} />
      <ConnectedAppsCard announce={status.announce} />
    </>
  );
}
