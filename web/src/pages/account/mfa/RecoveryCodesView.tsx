import { t } from '../../../i18n';
import { downloadText } from '../../../lib/download';

/** The recovery codes, shown once, with Download and Print; "Done" hides them for good. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="recovery-codes print-area">
      <h3>{t('mfa.codes.title')}</h3>
      <p>{t('mfa.codes.intro')}</p>
      <ul className="recovery-codes__list" aria-label={t('mfa.codes.title')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadText(`${codes.join('\n')}\n`, 'gatehouse-recovery-codes.txt')}
        >
          {t('mfa.codes.download')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('mfa.codes.print')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('mfa.codes.done')}
        </button>
      </div>
    </div>
  );
}
