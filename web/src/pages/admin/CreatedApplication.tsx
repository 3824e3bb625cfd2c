import { useEffect, useRef, useState } from 'react';
import type { CreatedApplication as Created } from '../../api/clients';
import { t } from '../../i18n';

/**
 * The answer to a registration: the client id and, for a confidential client, its secret — shown
 * this once (only a hash is stored), with a copy button. Takes focus so it is read out.
 */
export function CreatedApplication({ app, onDone }: { app: Created; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(app.client_secret ?? '');
      setCopy('copied');
    } catch {
      secretRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="card panel panel--notice" aria-labelledby="created-app-title">
      <h2 id="created-app-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('admin.apps.created.title', { app: app.name })}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('admin.apps.created.clientId')}</dt>
          <dd>
            <code className="break">{app.client_id}</code>
          </dd>
        </div>
      </dl>
      {app.client_secret ? (
        <>
          <p className="warning-text">{t('admin.apps.created.once')}</p>
          <div className="field">
            <label htmlFor="created-app-secret" className="field__label">
              {t('admin.apps.created.secret')}
            </label>
            <div className="copy-row">
              <input
                ref={secretRef}
                id="created-app-secret"
                className="input input--readonly copy-row__value"
                readOnly
                spellCheck={false}
                value={app.client_secret}
                onFocus={(event) => event.currentTarget.select()}
              />
              <button type="button" className="button button--secondary" onClick={onCopy}>
                {t('admin.apps.created.copy')}
              </button>
            </div>
          </div>
        </>
      ) : (
        <p>{t('admin.apps.created.public')}</p>
      )}
      <div className="copy-status" aria-live="polite">
        {copy && (
          <p>
            {copy === 'copied'
              ? t('admin.apps.created.copied')
              : t('admin.apps.created.copyFailed')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {app.client_secret ? t('admin.apps.created.done') : t('admin.apps.created.doneNoSecret')}
        </button>
      </div>
    </section>
  );
}
