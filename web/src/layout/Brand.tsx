import { Link } from 'react-router-dom';
import { t } from '../i18n';

export function Brand() {
  return (
    <Link to="/" className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M9 25V14l7-6 7 6v11h-5v-6h-4v6z" />
      </svg>
      <span>{t('app.name')}</span>
    </Link>
  );
}
