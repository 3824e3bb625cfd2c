import { useUser } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { formatDate } from '../../lib/dates';
import { EmailCard } from './EmailCard';
import { NameCard } from './NameCard';

export function ProfilePage() {
  const user = useUser();
  const status = useStatus();
  usePageTitle(t('profile.title'));

  return (
    <>
      <PageHeading>{t('profile.title')}</PageHeading>
      <p className="lead">{t('profile.intro')}</p>
      <StatusRegion message={status.message} />
      <NameCard user={user} onSaved={() => status.announce(t('profile.name.saved'))} />
      <EmailCard user={user} announce={status.announce} />
      <p className="muted">{t('profile.memberSince', { date: formatDate(user.created_at) })}</p>
    </>
  );
}
