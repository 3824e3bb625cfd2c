import { t } from '../i18n';

/** Shown while the session is being restored or a lazy page loads; no <h1>, the page brings it. */
export function PageLoading() {
  return (
    <div className="page-loading" aria-busy="true">
      <span className="spinner spinner--large" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
