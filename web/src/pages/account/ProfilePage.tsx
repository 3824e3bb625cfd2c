import { useUser } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { DateOnly } from '../../components/Time';
import { T } from '../../i18n/T';
import { EmailCard } from './EmailCard';
import { LanguageCard } from './LanguageCard';
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
      <LanguageCard user={user} onSaved={() => status.announce(t('language.profile.saved'))} />
      <p className="muted">
        <T k="profile.memberSince" values={{ date: <DateOnly iso={user.created_at} /> }} />
      </p>
    </>
  );
}
