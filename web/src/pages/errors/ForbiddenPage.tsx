import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';

/** 403: a page of its own, never a validation error (GOV.UK). */
export function ForbiddenPage() {
  usePageTitle(t('forbidden.title'));
  return (
    <div className="message-page">
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <p>{t('forbidden.body')}</p>
      <p>
        <Link className="button button--primary" to="/account">
          {t('forbidden.home')}
        </Link>
      </p>
    </div>
  );
}
