import type { MouseEvent } from 'react';
import { t } from '../i18n';

/** First focusable element on every page; moves focus to <main> without changing the URL. */
export function SkipLink() {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={onClick}>
      {t('app.skipLink')}
    </a>
  );
}
