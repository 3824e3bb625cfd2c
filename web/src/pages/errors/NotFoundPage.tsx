import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';

export function NotFoundPage() {
  usePageTitle(t('notFound.title'));
  return (
    <div className="message-page">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="button button--primary" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
