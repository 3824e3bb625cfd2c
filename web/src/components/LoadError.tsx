import { t } from '../i18n';
import { errorText } from '../lib/errorCopy';

/** A failed page-data load: what happened and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="load-error">
      <p className="load-error__title">{t('error.loadFailed')}</p>
      <p>{errorText(error)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
